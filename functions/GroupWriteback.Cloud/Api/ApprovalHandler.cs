using GroupWriteback.Cloud.Api.Access;
using GroupWriteback.Cloud.Audit;
using GroupWriteback.Cloud.Workflows;
using GroupWriteback.Cloud.Workflows.Approvals;
using GroupWriteback.Cloud.Workflows.Delta;
using GroupWriteback.Cloud.Workflows.FullSync;
using GroupWriteback.Cloud.Workflows.Group;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace GroupWriteback.Cloud.Api;

/// <summary>
/// <c>GET /api/approvals</c> and <c>POST /api/approvals/{instanceId}</c>: pending deletes and the operator's decision.
/// The approver recorded is the principal the host authenticated; a <c>"by"</c> in the body (what callers sent before
/// sign-in existed) is accepted so old scripts keep working, ignored, and the answer says who was recorded.
/// </summary>
/// <remarks>Each decision is filed in the audit trail (<paramref name="audit"/>) with the signed-in approver.</remarks>
internal sealed class ApprovalHandler(DurableTaskClient client, ILogger<ApprovalHandler> logger, AuditTrail? audit = null, TimeProvider? time = null)
{
    /// <summary>Every run that waits for an approval, with what it would delete.</summary>
    public async Task<ApiResponse> ListAsync(CancellationToken cancellationToken)
    {
        var pending = new List<PendingApproval>();
        foreach (var instanceId in new[] { InstanceIds.Delta, InstanceIds.FullSync, InstanceIds.DisableWriteback })
        {
            if (PendingOf(await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken)) is { } approval)
            {
                pending.Add(approval);
            }
        }

        var groups = new OrchestrationQuery
        {
            InstanceIdPrefix = InstanceIds.GroupPrefix,
            Statuses = [OrchestrationRuntimeStatus.Running],
            FetchInputsAndOutputs = true,
        };
        await foreach (var instance in client.GetAllInstancesAsync(groups).WithCancellation(cancellationToken))
        {
            if (PendingOf(instance) is { } approval)
            {
                pending.Add(approval);
            }
        }

        return ApiResponse.Json(200, new ApprovalList(pending), ApiJsonContext.Default.ApprovalList);
    }

    /// <summary>Raises the approval or rejection of <paramref name="approver"/> on a run that waits for one.</summary>
    public async Task<ApiResponse> DecideAsync(string? instanceId, ReadOnlyMemory<byte> body, AdminPrincipal approver, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(approver);
        if (!ApiInput.TryApprovalInstance(instanceId, out var id, out var error)
            || !ApiInput.TryBody(body, ApiJsonContext.Default.ApprovalRequest, null, out var request, out error))
        {
            return error!;
        }

        var approve = string.Equals(request.Decision, "approve", StringComparison.OrdinalIgnoreCase);
        if (!approve && !string.Equals(request.Decision, "reject", StringComparison.OrdinalIgnoreCase))
        {
            return ApiResponse.Error(400, ErrorCodes.InvalidBody, $"decision must be \"approve\" or \"reject\"; got \"{ApiInput.Shorten(request.Decision)}\".", "decision");
        }

        var metadata = await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken);
        if (metadata is null)
        {
            return ApiResponse.Error(404, ErrorCodes.NotFound, $"There is no instance {id}.", "instanceId");
        }

        if (PendingOf(metadata) is not { } pending)
        {
            return ApiResponse.Error(409, ErrorCodes.NotAwaitingApproval, $"{id} is not waiting for an approval ({WorkflowReports.RuntimeStatus(metadata)}); GET /api/approvals lists those that are.", "instanceId");
        }

        if (request.PreviewId is { } seen && !string.Equals(seen, pending.Preview.Id, StringComparison.Ordinal))
        {
            return ApiResponse.Error(
                409,
                ErrorCodes.StalePreview,
                $"{id} waits for a decision on preview {pending.Preview.Id}, not {ApiInput.Shorten(seen)}; GET /api/approvals shows what it would delete now.",
                "previewId");
        }

        var decision = approve ? "approved" : "rejected";
        var payload = new ApprovalDecision(request.PreviewId ?? pending.Preview.Id, approver.Name, request.Comment, approver.Id);
        await client.RaiseEventAsync(id, approve ? EventNames.DeletesApproved : EventNames.DeletesRejected, payload, cancellationToken);
        var recorded = approver.Describe();
        if (request.By is { } claimed)
        {
            var shown = ApiInput.Shorten(claimed);
            Log.ApproverFieldIgnored(logger, id, shown, recorded);
        }

        Log.ApprovalDecided(logger, id, decision, recorded, request.Comment ?? string.Empty);
        if (audit is not null)
        {
            var entry = AuditEntries.FromApproval(
                id, pending.Workflow, pending.GroupId, request.PreviewId ?? pending.Preview.Id, pending.Preview.Count, approve, recorded, request.Comment, (time ?? TimeProvider.System).GetUtcNow());
            await audit.RecordAsync([entry], cancellationToken);
        }

        var next = approve ? "The deletes are queued for the agent." : "Nothing is deleted; the run goes on without the deletes.";
        return ApiResponse.Json(
            202,
            new AcceptedOperation(id, decision, $"{char.ToUpperInvariant(decision[0])}{decision[1..]} by {recorded}. {next}"),
            ApiJsonContext.Default.AcceptedOperation);
    }

    /// <summary>The pending approval of an instance, or null when it waits for none.</summary>
    public static PendingApproval? PendingOf(OrchestrationMetadata? metadata)
    {
        if (metadata is null || metadata.RuntimeStatus != OrchestrationRuntimeStatus.Running || metadata.SerializedCustomStatus is null)
        {
            return null;
        }

        switch (metadata.InstanceId)
        {
            case InstanceIds.Delta:
                return metadata.ReadCustomStatusAs<DeltaState>() is { Phase: DeltaPhase.AwaitingApproval, Preview: { } delta }
                    ? new PendingApproval(metadata.InstanceId, "delta", null, delta)
                    : null;
            case InstanceIds.FullSync or InstanceIds.DisableWriteback:
                return metadata.ReadCustomStatusAs<FullSyncStatus>() is { Phase: FullSyncPhase.AwaitingApproval, Preview: { } run }
                    ? new PendingApproval(metadata.InstanceId, metadata.InstanceId == InstanceIds.FullSync ? "fullSync" : "disableWriteback", null, run)
                    : null;
            default:
                return GroupOrchestrations.ReadStatus(metadata) is { Phase: GroupPhase.AwaitingApproval, Preview: { } group } status
                    ? new PendingApproval(metadata.InstanceId, "group", status.GroupId, group)
                    : null;
        }
    }
}
