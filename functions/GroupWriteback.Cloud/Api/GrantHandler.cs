using GroupWriteback.Cloud.Workflows;
using GroupWriteback.Cloud.Workflows.Grant;
using GroupWriteback.Contracts;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace GroupWriteback.Cloud.Api;

/// <summary><c>POST /api/grant</c>: queues a permission grant for the agent (on one OU or the domain roots).</summary>
internal sealed class GrantHandler(DurableTaskClient client, ILogger<GrantHandler> logger)
{
    /// <summary>Validates the body and starts a grant orchestration.</summary>
    public async Task<ApiResponse> StartAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        if (!ApiInput.TryBody(body, ApiJsonContext.Default.GrantBody, null, out var grant, out var error))
        {
            return error!;
        }

        if (Validate(grant) is { } invalid)
        {
            return invalid;
        }

        var scope = string.Equals(grant.Scope, "domainRoots", StringComparison.OrdinalIgnoreCase) ? GrantScope.DomainRoots : GrantScope.OrganizationalUnit;
        var request = new GrantRequest
        {
            Account = grant.Account!.Trim(),
            Scope = scope,
            TargetOu = scope == GrantScope.OrganizationalUnit ? grant.TargetOu!.Trim() : null,
            SkipAdminSdHolder = grant.SkipAdminSdHolder,
        };
        var instanceId = InstanceIds.GrantPrefix + Guid.NewGuid().ToString("N");
        await client.ScheduleNewOrchestrationInstanceAsync(
            nameof(GrantPermissionsOrchestrator), request, new StartOrchestrationOptions { InstanceId = instanceId }, cancellationToken);
        Log.GrantQueued(logger, request.Account, request.TargetOu ?? "the domain roots", instanceId);
        return ApiResponse.Json(
            202,
            new AcceptedOperation(instanceId, "started", "The grant is queued for the agent; the orchestration's output records the agent's result."),
            ApiJsonContext.Default.AcceptedOperation);
    }

    private static ApiResponse? Validate(GrantBody grant)
    {
        var account = grant.Account?.Trim();
        if (string.IsNullOrEmpty(account)
            || !(account.StartsWith("S-1-", StringComparison.OrdinalIgnoreCase) || account.Contains('=', StringComparison.Ordinal)))
        {
            return ApiResponse.Error(400, ErrorCodes.InvalidBody, "account must be the writeback account's distinguished name or SID (S-1-5-…).", "account");
        }

        var domainRoots = string.Equals(grant.Scope, "domainRoots", StringComparison.OrdinalIgnoreCase);
        if (!domainRoots && grant.Scope is not null && !string.Equals(grant.Scope, "organizationalUnit", StringComparison.OrdinalIgnoreCase))
        {
            return ApiResponse.Error(400, ErrorCodes.InvalidBody, $"scope must be \"organizationalUnit\" or \"domainRoots\"; got \"{ApiInput.Shorten(grant.Scope)}\".", "scope");
        }

        if (domainRoots && !string.IsNullOrWhiteSpace(grant.TargetOu))
        {
            return ApiResponse.Error(400, ErrorCodes.InvalidBody, "targetOu applies to the organizationalUnit scope only.", "targetOu");
        }

        var ou = grant.TargetOu?.Trim();
        if (!domainRoots && (string.IsNullOrEmpty(ou) || !ou.Contains("DC=", StringComparison.OrdinalIgnoreCase) || !ou.Contains('=', StringComparison.Ordinal)))
        {
            return ApiResponse.Error(400, ErrorCodes.InvalidBody, "targetOu must be the OU's distinguished name, e.g. OU=Cloud Groups,DC=corp,DC=example.", "targetOu");
        }

        return null;
    }
}
