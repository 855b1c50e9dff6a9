using GroupWriteback.Cloud.Orchestrations;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace GroupWriteback.Cloud.Activities;

/// <summary>Starts the full sync unless one is already running; returns true when it started one.</summary>
[DurableTask(nameof(StartFullSyncActivity))]
public sealed class StartFullSyncActivity(DurableTaskClient client) : TaskActivity<string, bool>
{
    /// <inheritdoc />
    public override Task<bool> RunAsync(TaskActivityContext context, string input) =>
        FullSyncControl.StartAsync(client, input ?? "unspecified", CancellationToken.None);
}
