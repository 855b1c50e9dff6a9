using GroupWriteback.Cloud.Workflows.Switch;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace GroupWriteback.Cloud.Workflows.FullSync;

/// <summary>
/// Starts the full sync unless writeback is disabled (enabling it again starts one); when one is running already, it
/// is asked to run again from a new listing once it ends. Returns true when it started one.
/// </summary>
[DurableTask(nameof(StartFullSyncActivity))]
public sealed class StartFullSyncActivity(DurableTaskClient client, ILogger<StartFullSyncActivity> logger) : TaskActivity<string, bool>
{
    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, string input)
    {
        var reason = input ?? "unspecified";
        if (!(await WritebackSwitchControl.GetAsync(client, CancellationToken.None)).Enabled)
        {
            Log.FullSyncNotStarted(logger, reason);
            return false;
        }

        return await FullSyncControl.StartOrQueueAsync(client, reason, logger, CancellationToken.None);
    }
}
