using GroupWriteback.Cloud.Api;
using GroupWriteback.Cloud.Workflows.FullSync;
using GroupWriteback.LocalHost.Bridge;

namespace GroupWriteback.LocalHost.Demo;

/// <summary>Starts a full sync (or joins the one the first delta round started) and shows its progress until it ends.</summary>
internal static class FullSyncWatch
{
    /// <summary>How long a fresh bridge may take to finish its first delta round.</summary>
    private static readonly TimeSpan FirstRoundLimit = TimeSpan.FromSeconds(30);

    public static async Task<WorkflowReport> RunAsync(AdminClient admin, DemoConsole console, TimeSpan limit, CancellationToken cancellationToken)
    {
        var since = DateTimeOffset.UtcNow.AddSeconds(-5);
        console.Detail(await StartOrJoinAsync(admin, cancellationToken) ? "full sync started" : "joined the full sync the first delta round started");
        var deadline = DateTime.UtcNow + limit;
        var shown = string.Empty;
        while (DateTime.UtcNow < deadline)
        {
            var run = (await admin.GetStatusAsync(cancellationToken)).FullSync;
            if (run is not null && run.CreatedAt >= since)
            {
                var line = $"{run.Phase}: {run.Done}/{run.Total} groups written back";
                if (line != shown)
                {
                    console.Progress(line);
                    shown = line;
                }

                if (Ended(run))
                {
                    console.EndProgress();
                    return run;
                }
            }

            await Task.Delay(500, cancellationToken);
        }

        console.EndProgress();
        throw new TimeoutException($"The full sync did not finish within {limit.TotalMinutes} minutes; GET /api/status shows where it stands.");
    }

    /// <summary>
    /// Asks for a full sync once the fresh bridge's first delta round has run: that round starts the full sync which
    /// re-bases the delta, and a request made before it would make the round queue a second run of everything (it
    /// cannot know that nothing changed in between). True when this call started the run, false when it joined it.
    /// </summary>
    public static async Task<bool> StartOrJoinAsync(AdminClient admin, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + FirstRoundLimit;
        while (DateTime.UtcNow < deadline && (await admin.GetStatusAsync(cancellationToken)).Delta is not { Rounds: > 0 })
        {
            await Task.Delay(100, cancellationToken);
        }

        return await admin.StartFullSyncAsync(cancellationToken);
    }

    /// <summary>True once <paramref name="run"/> has completed its work or its orchestration has ended.</summary>
    public static bool Ended(WorkflowReport run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.Phase is FullSyncPhase.Completed || run.RuntimeStatus is "completed" or "failed" or "terminated";
    }
}
