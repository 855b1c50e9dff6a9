using System.Globalization;
using GroupWriteback.LocalHost.Bridge;
using GroupWriteback.LocalDomain;

namespace GroupWriteback.LocalHost.Chaos;

/// <summary>
/// The faults of a chaos run, one after the other while the full sync runs and memberships keep changing: Graph
/// throttling and outages, agent kills, a restart of the local host, a DC outage, poison messages, an expired delta
/// token, a slowed Graph and a burst of changes.
/// </summary>
internal sealed class FaultSchedule(ChaosOptions options, LocalBridge bridge, BridgeSettings settings, LoopbackProxy proxy, ChaosTenant tenant, ChaosLedger ledger, Random random)
{
    private int _changes;
    private int _deferred;

    /// <summary>Runs every fault, with memberships changing in the background; returns when the last fault is over.</summary>
    public async Task RunAsync(TestDomain domain, string groupsOu, PoisonMessages poison, CancellationToken cancellationToken)
    {
        using var stopChurn = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var churn = ChurnAsync(stopChurn.Token);
        try
        {
            await UntilWrittenAsync(domain, groupsOu, Math.Max(1, options.Groups / 20), cancellationToken);
            await GraphFaultsAsync(cancellationToken);
            await AgentKillsAsync(domain, groupsOu, options.AgentKills / 2, cancellationToken);
            await HostRestartAsync(cancellationToken);
            await AgentKillsAsync(domain, groupsOu, options.AgentKills - (options.AgentKills / 2), cancellationToken);
            await OutageAsync(cancellationToken);
            foreach (var line in await poison.SendAsync(cancellationToken))
            {
                ledger.Fault("poison message", line);
            }

            await bridge.Graph.ExpireDeltaTokensAsync(cancellationToken);
            ledger.Fault("Graph 410", "every delta token expired: the next round starts over");
            await SlowGraphAsync(cancellationToken);
            await BurstAsync(cancellationToken);
        }
        finally
        {
            await stopChurn.CancelAsync();
            await churn;
        }

        ledger.Note(string.Create(CultureInfo.InvariantCulture, $"membership changes made during the faults: {_changes} ({_deferred} deferred while Graph was down)"));
    }

    private async Task ChurnAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(250, cancellationToken);
                await tenant.ChangeOneAsync(bridge.Graph, cancellationToken);
                Interlocked.Increment(ref _changes);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (HttpRequestException)
            {
                // The emulator lives in the local host: while it restarts, no change can be made.
                Interlocked.Increment(ref _deferred);
            }
        }
    }

    private async Task GraphFaultsAsync(CancellationToken cancellationToken)
    {
        await bridge.Graph.InjectFaultAsync("/v1.0/", 429, 1, 5, cancellationToken);
        ledger.Fault("Graph 429", "the next 5 Graph requests throttled, Retry-After 1 s");
        await Task.Delay(1500, cancellationToken);
        await bridge.Graph.InjectFaultAsync("/v1.0/", 503, 1, 3, cancellationToken);
        ledger.Fault("Graph 503", "the next 3 Graph requests answered 503, Retry-After 1 s");
    }

    private async Task AgentKillsAsync(TestDomain domain, string groupsOu, int kills, CancellationToken cancellationToken)
    {
        for (var i = 0; i < kills; i++)
        {
            await Task.Delay(random.Next(300, 1500), cancellationToken);
            bridge.KillAgent();
            ledger.Fault("agent SIGKILL", string.Create(CultureInfo.InvariantCulture, $"with {Written(domain, groupsOu)} of {options.Groups} groups in AD"));
            await Task.Delay(500, cancellationToken);
            bridge.StartAgent();
        }
    }

    private async Task HostRestartAsync(CancellationToken cancellationToken)
    {
        ledger.Fault("local host killed", "the cloud half and its emulated tenant stop at once, then start again from the tenant file");
        await bridge.RestartHostAsync(settings, cancellationToken);
        tenant.Reset(await bridge.Graph.GetTenantAsync(cancellationToken));
    }

    private async Task OutageAsync(CancellationToken cancellationToken)
    {
        proxy.Cut();
        ledger.Fault("DC outage", string.Create(CultureInfo.InvariantCulture, $"the DC unreachable from the agent for {options.Outage.TotalSeconds:0} s"));
        await Task.Delay(options.Outage, cancellationToken);
        proxy.Restore();
        ledger.Note(string.Create(CultureInfo.InvariantCulture, $"DC reachable again ({proxy.Refused} connection(s) refused meanwhile)"));
    }

    private async Task SlowGraphAsync(CancellationToken cancellationToken)
    {
        var slow = TimeSpan.FromSeconds(2);
        var span = options.Outage < TimeSpan.FromSeconds(10) ? TimeSpan.FromSeconds(4) : TimeSpan.FromSeconds(10);
        await bridge.Graph.SetLatencyAsync(slow, cancellationToken);
        ledger.Fault("Graph slow", string.Create(CultureInfo.InvariantCulture, $"every Graph request answered after {slow.TotalSeconds:0} s, for {span.TotalSeconds:0} s"));
        await Task.Delay(span, cancellationToken);
        await bridge.Graph.SetLatencyAsync(TimeSpan.Zero, cancellationToken);
    }

    private async Task BurstAsync(CancellationToken cancellationToken)
    {
        // Each change makes the emulator send a change notification: a storm at the webhook.
        var count = Math.Min(1000, options.Groups);
        var started = DateTime.UtcNow;
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (_, ct) =>
        {
            await tenant.ChangeOneAsync(bridge.Graph, ct);
            Interlocked.Increment(ref _changes);
        });
        ledger.Fault("notification storm", string.Create(CultureInfo.InvariantCulture, $"{count} membership changes asked of Graph, 16 at a time, in {(DateTime.UtcNow - started).TotalSeconds:0.0} s"));
    }

    private static async Task UntilWrittenAsync(TestDomain domain, string groupsOu, int count, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (Written(domain, groupsOu) < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200, cancellationToken);
        }
    }

    private static int Written(TestDomain domain, string groupsOu) => DirectoryGroup.Anchored(domain, groupsOu).Count;
}
