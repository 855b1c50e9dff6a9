using System.Diagnostics;
using System.Globalization;
using GroupWriteback.Cloud.Workflows.FullSync;
using GroupWriteback.GraphEmulator.Model;
using GroupWriteback.LocalHost.Bridge;
using GroupWriteback.LocalHost.Demo;
using GroupWriteback.LocalDomain;

namespace GroupWriteback.LocalHost.Bench;

/// <summary>
/// A full sync of <c>groups × members</c> through the whole bridge, between two raw baselines of the same groups
/// (before and after, so a machine that gets busier or quieter during the run shows in the spread): links/s, their
/// ratio to the raw mean (target ≥ 0.8), peak memory, and where the time went (CPU seconds per process, the agent's
/// LDAP requests by kind, its command and queue time).
/// </summary>
internal sealed class FullSyncScenario(TestDomain domain, BenchEnvironment environment, DemoConsole console)
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Runs the scenario for <paramref name="groups"/> groups of <paramref name="members"/> drawn from <paramref name="pool"/>;
    /// <paramref name="groupPrefix"/> gives this run's groups ids of their own (see <see cref="BenchTenant.Build"/>).
    /// </summary>
    public async Task<bool> RunAsync(int groups, int members, IReadOnlyList<TestUser> pool, string groupPrefix, BenchResults results, CancellationToken cancellationToken)
    {
        var scenario = string.Create(CultureInfo.InvariantCulture, $"full sync {groups}x{members}");
        var links = (long)groups * members;
        var (before, rawCpu) = await console.StepAsync(
            $"Baseline: {groups} groups by plain LDAP adds ({members} each of {pool.Count} users)", () => RawAsync(groups, members, pool, $"raw {scenario}", results.Throughput, cancellationToken));

        var tenant = BenchTenant.FullSync(groups, members, pool, groupPrefix);
        var (elapsed, done, breakdown) = await console.StepAsync(
            $"Bridge: full sync of the same {groups} groups", () => BridgeAsync(tenant, members, scenario, results, cancellationToken));

        var (after, rawCpuAfter) = await console.StepAsync("Baseline again, after the bridge", () => RawAsync(groups, members, pool, $"raw after {scenario}", [], cancellationToken));
        breakdown["CPU s: domain controller, raw baseline (mean)"] = (rawCpu + rawCpuAfter) / 2;

        var rawRate = links / ((before + after).TotalSeconds / 2);
        results.Figures.Add(new BenchFigure(scenario, "links/s", "links/s", links / elapsed.TotalSeconds, rawRate, 0.8, HigherIsBetter: true));
        results.Figures.Add(new BenchFigure(scenario, "groups/s", "groups/s", groups / elapsed.TotalSeconds, groups / ((before + after).TotalSeconds / 2), null, true));
        results.Figures.Add(new BenchFigure(scenario, "raw links/s before / after", "links/s", links / before.TotalSeconds, links / after.TotalSeconds, null, true));
        foreach (var (name, value) in breakdown.Where(b => b.Key.StartsWith("peak RSS", StringComparison.Ordinal)))
        {
            results.Figures.Add(new BenchFigure(scenario, name, "MB", value, null, null, false));
        }

        breakdown["raw seconds (mean)"] = (before + after).TotalSeconds / 2;
        results.Breakdown[scenario] = breakdown;
        return done == groups;
    }

    /// <summary>One raw baseline in a scratch OU removed right after, so the DC holds the same objects when the bridge runs.</summary>
    private Task<(TimeSpan Elapsed, double DcCpu)> RawAsync(int groups, int members, IReadOnlyList<TestUser> pool, string series, List<ThroughputSample> samples, CancellationToken cancellationToken) =>
        Task.Run(
            () =>
            {
                var ou = domain.CreateScratchOu("bench-raw");
                var dcPid = environment.DomainControllerPid();
                var cpu = dcPid is { } pid ? ProcessCpu.Seconds(pid) : 0;
                var elapsed = RawWriteBaseline.Run(domain, ou.Dn, groups, members, pool, series, samples);
                var dcCpu = dcPid is { } p ? ProcessCpu.Seconds(p) - cpu : double.NaN;
                BenchEnvironment.Remove(ou, console);
                return (elapsed, dcCpu);
            },
            cancellationToken);

    private async Task<(TimeSpan Elapsed, int Done, Dictionary<string, double> Breakdown)> BridgeAsync(
        TenantFileDocument tenant, int members, string scenario, BenchResults results, CancellationToken cancellationToken)
    {
        await using var bridge = await environment.StartBridgeAsync(tenant, cancellationToken);
        var dcPid = environment.DomainControllerPid();
        var cpuBefore = (Host: ProcessCpu.Seconds(bridge.Host.Id), Agent: ProcessCpu.Seconds(bridge.Agent!.Id), Dc: dcPid is { } p ? ProcessCpu.Seconds(p) : 0);
        var countsBefore = AgentOperationCounts.Read(environment.CountsFile);
        var watch = Stopwatch.StartNew();
        var since = DateTimeOffset.UtcNow.AddSeconds(-5);
        await FullSyncWatch.StartOrJoinAsync(bridge.Admin, cancellationToken);
        var done = 0;
        while (watch.Elapsed < Limit)
        {
            var run = (await bridge.Admin.GetStatusAsync(cancellationToken)).FullSync;
            if (run is not null && run.CreatedAt >= since)
            {
                done = run.Done;
                results.Throughput.Add(new ThroughputSample($"bridge {scenario}", watch.Elapsed.TotalSeconds, (long)run.Done * members));
                console.Progress($"{run.Phase}: {run.Done}/{run.Total} groups written back");
                if (FullSyncWatch.Ended(run))
                {
                    break;
                }
            }

            await Task.Delay(250, cancellationToken);
        }

        var elapsed = watch.Elapsed;
        console.EndProgress();
        await Task.Delay(1500, cancellationToken); // the agent rewrites its counts every second
        var breakdown = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["bridge seconds"] = elapsed.TotalSeconds,
            ["CPU s: local host (cloud library, Graph emulator, durable hub)"] = ProcessCpu.Seconds(bridge.Host.Id) - cpuBefore.Host,
            ["CPU s: agent"] = ProcessCpu.Seconds(bridge.Agent.Id) - cpuBefore.Agent,
            ["CPU s: domain controller"] = dcPid is { } pid ? ProcessCpu.Seconds(pid) - cpuBefore.Dc : double.NaN,
            ["peak RSS local host"] = ProcessMemory.PeakMegabytes(bridge.Host.Id) ?? double.NaN,
            ["peak RSS agent"] = ProcessMemory.PeakMegabytes(bridge.Agent.Id) ?? double.NaN,
        };
        foreach (var (name, value) in AgentOperationCounts.Read(environment.CountsFile).Minus(countsBefore))
        {
            breakdown["agent " + name] = value;
        }

        return (elapsed, done, breakdown);
    }
}
