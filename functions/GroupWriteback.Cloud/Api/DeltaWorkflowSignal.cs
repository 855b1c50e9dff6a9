using GroupWriteback.Cloud.Graph.Notifications;
using GroupWriteback.Cloud.Workflows.Delta;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace GroupWriteback.Cloud.Api;

/// <summary>
/// Signals the singleton delta orchestration through <see cref="DeltaControl"/>, starting it first when it
/// does not run (a restart keeps the stored deltaLink).
/// </summary>
internal sealed class DeltaWorkflowSignal(DurableTaskClient client, ILogger<DeltaWorkflowSignal> logger) : IDeltaSignal
{
    /// <inheritdoc />
    public async Task RequestDeltaAsync(string reason, CancellationToken ct)
    {
        await DeltaControl.SignalAsync(client, reason, ct);
        Log.DeltaSignalled(logger, reason);
    }
}
