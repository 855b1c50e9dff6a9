using GroupWriteback.Cloud.Api;
using GroupWriteback.Cloud.Api.Access;
using GroupWriteback.Cloud.Audit;
using GroupWriteback.Cloud.Tests.Audit;
using GroupWriteback.Cloud.Workflows;
using GroupWriteback.Cloud.Workflows.Approvals;
using GroupWriteback.Cloud.Workflows.Delta;
using GroupWriteback.Cloud.Workflows.Disable;
using GroupWriteback.Cloud.Workflows.FullSync;
using GroupWriteback.Cloud.Workflows.Group;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GroupWriteback.Cloud.Tests.Api;

public sealed class ApprovalHandlerTests
{
    private const string GroupId = "0f8fad5b-d9cb-469f-a165-70867728950e";
    private static readonly DeletePreview Groups = DeletePreview.Of("preview-groups", "groups", ["g1", "g2"], 1);
    private static readonly AdminPrincipal Ops = new("oid-ops", "ops@corp.test", AdminRoles.All, AdminAuthentication.Entra);
    private readonly DurableFake _durable = new();
    private readonly ApprovalHandler _handler;

    public ApprovalHandlerTests() => _handler = new(_durable.Client.Object, NullLogger<ApprovalHandler>.Instance);

    [Fact]
    public async Task ListAsync_DisableAndGroupWaiting_ListsBoth()
    {
        _durable.Add(InstanceIds.DisableWriteback, nameof(DisableWritebackOrchestrator), OrchestrationRuntimeStatus.Running,
            new FullSyncStatus { Reason = "writebackDisabled", Phase = FullSyncPhase.AwaitingApproval, Preview = Groups });
        _durable.Add("group-" + GroupId, nameof(GroupWritebackOrchestrator), OrchestrationRuntimeStatus.Running,
            new GroupStatus { GroupId = GroupId, Phase = GroupPhase.AwaitingApproval, Preview = DeletePreview.Of("preview-members", "members", ["u1"], 0) });
        _durable.Add("group-other", nameof(GroupWritebackOrchestrator), OrchestrationRuntimeStatus.Running, new GroupStatus { GroupId = "other" });
        _durable.Add(InstanceIds.Delta, nameof(DeltaOrchestrator), OrchestrationRuntimeStatus.Running, new DeltaState { Phase = DeltaPhase.Idle });

        var list = ApiAssert.Body(await _handler.ListAsync(CancellationToken.None), 200, ApiJsonContext.Default.ApprovalList);

        Assert.Equal(["disableWriteback", "group"], list.Pending.Select(p => p.Workflow));
        Assert.Equal(["g1", "g2"], list.Pending[0].Preview.Items);
        Assert.Equal(GroupId, list.Pending[1].GroupId);
    }

    [Fact]
    public async Task DecideAsync_ApproveWithABodyNamingSomeoneElse_RaisesApprovalByThePrincipal()
    {
        WaitingDelta();

        var response = await _handler.DecideAsync(InstanceIds.Delta, ApiAssert.Utf8("""{"decision":"approve","by":"ceo@corp.test","comment":"planned cleanup"}"""), Ops, CancellationToken.None);

        var accepted = ApiAssert.Body(response, 202, ApiJsonContext.Default.AcceptedOperation);
        Assert.Equal("approved", accepted.Status);
        Assert.Contains("ops@corp.test (oid-ops)", accepted.Message, StringComparison.Ordinal);
        var raised = Assert.Single(_durable.Raised);
        Assert.Equal((InstanceIds.Delta, EventNames.DeletesApproved), (raised.InstanceId, raised.Name));
        Assert.Equal(new ApprovalDecision("preview-groups", "ops@corp.test", "planned cleanup", "oid-ops"), raised.Payload);
    }

    [Fact]
    public async Task DecideAsync_Approve_FilesTheDecisionInTheAuditTrail()
    {
        using var audit = new TemporaryAuditStore();
        var at = new DateTimeOffset(2026, 12, 3, 14, 0, 0, TimeSpan.Zero);
        var handler = new ApprovalHandler(
            _durable.Client.Object, NullLogger<ApprovalHandler>.Instance, new AuditTrail(audit.Store, NullLogger<AuditTrail>.Instance), new FakeTimeProvider(at));
        WaitingDelta();

        await handler.DecideAsync(InstanceIds.Delta, ApiAssert.Utf8("""{"decision":"approve","by":"ceo@corp.test","comment":"planned cleanup"}"""), Ops, CancellationToken.None);

        // The signed-in approver is filed, never the name the body gives.
        var entry = Assert.Single(await audit.Open().QueryAsync(new AuditQuery(), CancellationToken.None));
        Assert.Equal(
            (AuditKinds.Approval, "ops@corp.test (oid-ops)", "approved", "delta", InstanceIds.Delta, "planned cleanup", at),
            (entry.Kind, entry.Actor, entry.Outcome, entry.CommandKind, entry.CommandId, entry.Message, entry.Time));
        Assert.Equal("approved 2 deletes (preview preview-groups)", entry.Changes);
    }

    [Fact]
    public async Task DecideAsync_AnotherPreview_Answers409AndRaisesNothing()
    {
        WaitingDelta();

        var response = await _handler.DecideAsync(InstanceIds.Delta, ApiAssert.Utf8("""{"decision":"approve","previewId":"preview-older"}"""), Ops, CancellationToken.None);

        var error = ApiAssert.Body(response, 409, ApiJsonContext.Default.ErrorBody).Error;
        Assert.Equal((ErrorCodes.StalePreview, "previewId"), (error.Code, error.Target));
        Assert.Contains("preview-groups", error.Message, StringComparison.Ordinal);
        Assert.Empty(_durable.Raised);
    }

    [Fact]
    public async Task DecideAsync_Reject_RaisesRejection()
    {
        WaitingDelta();

        var response = await _handler.DecideAsync(InstanceIds.Delta, ApiAssert.Utf8("""{"decision":"REJECT"}"""), Ops, CancellationToken.None);

        Assert.Equal("rejected", ApiAssert.Body(response, 202, ApiJsonContext.Default.AcceptedOperation).Status);
        Assert.Equal(EventNames.DeletesRejected, Assert.Single(_durable.Raised).Name);
    }

    [Fact]
    public async Task DecideAsync_NotWaiting_409()
    {
        _durable.Add(InstanceIds.FullSync, nameof(FullSyncOrchestrator), OrchestrationRuntimeStatus.Running, new FullSyncStatus { Reason = "admin", Phase = FullSyncPhase.Syncing });

        var response = await _handler.DecideAsync(InstanceIds.FullSync, ApiAssert.Utf8("""{"decision":"approve"}"""), Ops, CancellationToken.None);

        ApiAssert.Error(response, 409, ErrorCodes.NotAwaitingApproval);
        Assert.Empty(_durable.Raised);
    }

    [Fact]
    public async Task DecideAsync_NoSuchInstance_404()
    {
        var response = await _handler.DecideAsync("group-" + GroupId, ApiAssert.Utf8("""{"decision":"approve"}"""), Ops, CancellationToken.None);

        ApiAssert.Error(response, 404, ErrorCodes.NotFound);
    }

    [Fact]
    public async Task DecideAsync_UnknownDecision_400NamingDecision()
    {
        WaitingDelta();

        var response = await _handler.DecideAsync(InstanceIds.Delta, ApiAssert.Utf8("""{"decision":"maybe"}"""), Ops, CancellationToken.None);

        Assert.Equal("decision", ApiAssert.Error(response, 400, ErrorCodes.InvalidBody).Target);
        Assert.Empty(_durable.Raised);
    }

    [Fact]
    public async Task DecideAsync_BadInstance_400()
    {
        var response = await _handler.DecideAsync("something", ApiAssert.Utf8("""{"decision":"approve"}"""), Ops, CancellationToken.None);

        Assert.Equal("instanceId", ApiAssert.Error(response, 400, ErrorCodes.InvalidArgument).Target);
    }

    [Fact]
    public async Task DecideAsync_DisableFlow_StartThenApprove()
    {
        var disable = new DisableWritebackHandler(_durable.Client.Object, NullLogger<DisableWritebackHandler>.Instance);
        Assert.Equal(202, (await disable.StartAsync(CancellationToken.None)).StatusCode);
        _durable.Add(InstanceIds.DisableWriteback, nameof(DisableWritebackOrchestrator), OrchestrationRuntimeStatus.Running,
            new FullSyncStatus { Reason = "writebackDisabled", Phase = FullSyncPhase.AwaitingApproval, Preview = Groups });

        var second = await disable.StartAsync(CancellationToken.None);
        var decision = await _handler.DecideAsync(InstanceIds.DisableWriteback, ApiAssert.Utf8("""{"decision":"approve"}"""), Ops, CancellationToken.None);

        ApiAssert.Error(second, 409, ErrorCodes.AlreadyRunning);
        Assert.Equal(202, decision.StatusCode);
        Assert.Equal((nameof(DisableWritebackOrchestrator), InstanceIds.DisableWriteback), (_durable.Scheduled[0].Name, _durable.Scheduled[0].InstanceId));
        Assert.Equal(EventNames.DeletesApproved, Assert.Single(_durable.Raised).Name);
    }

    private void WaitingDelta() =>
        _durable.Add(InstanceIds.Delta, nameof(DeltaOrchestrator), OrchestrationRuntimeStatus.Running, new DeltaState { Phase = DeltaPhase.AwaitingApproval, Preview = Groups });
}
