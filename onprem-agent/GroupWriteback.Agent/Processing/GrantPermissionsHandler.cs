using GroupWriteback.Contracts;
using GroupWriteback.Contracts.Commands;
using GroupWriteback.Contracts.Results;

namespace GroupWriteback.Agent.Processing;

/// <summary>
/// Grants the writeback account its permissions. An OU grant must be inside scope; a grant on the domain roots
/// writes outside it and is taken from the queue only where <c>Directory:AllowDomainRootGrants</c> says so.
/// </summary>
internal static class GrantPermissionsHandler
{
    /// <summary>Applies the command.</summary>
    public static async Task<WritebackResult> HandleAsync(WritebackContext context, IPermissionGranter granter, GrantPermissionsCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(granter);
        ArgumentNullException.ThrowIfNull(command);
        if (command.Scope == GrantScope.OrganizationalUnit && (command.TargetOu is null || !context.Scope.Contains(command.TargetOu)))
        {
            return CommandResults.Failed(command, FailureReason.OutsideScope, $"Command {command.CommandId}: OU '{command.TargetOu}' is outside the configured target OUs; no permission granted.", command.TargetOu);
        }

        if (command.Scope == GrantScope.DomainRoots && !context.AllowDomainRootGrants)
        {
            return CommandResults.Failed(
                command,
                FailureReason.OutsideScope,
                $"Command {command.CommandId}: a grant for {command.Account} on the domain roots writes outside the configured target OUs; " +
                "the agent takes it from the queue only with Directory:AllowDomainRootGrants=true. Run 'groupwriteback-agent grant --domain' on the agent's machine instead. No permission granted.");
        }

        if (context.DryRun)
        {
            return CommandResults.Succeeded(command, true, null, $"would grant {command.Account} on {command.Scope}");
        }

        var summary = await granter.GrantAsync(command.Account, command.Scope, command.TargetOu, command.SkipAdminSdHolder, cancellationToken);
        var detail = string.Join("; ", summary.AcesAddedByDn.Select(kv => $"{kv.Key}: +{kv.Value} ACEs"));
        return CommandResults.Succeeded(command, summary.Added > 0, null, $"granted {command.Account}: {detail}");
    }
}
