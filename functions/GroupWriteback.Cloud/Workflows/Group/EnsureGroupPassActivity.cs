using GroupWriteback.Cloud.Planning;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace GroupWriteback.Cloud.Workflows.Group;

/// <summary>
/// Starts the group's orchestration, or, when it is already running, raises
/// <see cref="EventNames.GroupChangeRequested"/> so it re-plans after its current pass.
/// A delete for a group that has no orchestration is dropped: it was never written back.
/// </summary>
[DurableTask(nameof(EnsureGroupPassActivity))]
public sealed class EnsureGroupPassActivity(DurableTaskClient client, ILogger<EnsureGroupPassActivity> logger)
    : TaskActivity<GroupPassRequest, string>
{
    /// <summary>Result when the orchestration was started.</summary>
    public const string Started = "started";

    /// <summary>Result when the running orchestration was signalled.</summary>
    public const string Signalled = "signalled";

    /// <summary>Result when nothing had to be done.</summary>
    public const string Dropped = "dropped";

    /// <inheritdoc />
    public override Task<string> RunAsync(TaskActivityContext context, GroupPassRequest input) =>
        GroupOrchestrations.EnsurePassAsync(client, input, logger, CancellationToken.None);
}
