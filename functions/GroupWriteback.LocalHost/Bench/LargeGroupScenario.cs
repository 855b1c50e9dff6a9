using System.Diagnostics;
using System.DirectoryServices.Protocols;
using System.Globalization;
using GroupWriteback.Cloud.Api;
using GroupWriteback.Cloud.Workflows.FullSync;
using GroupWriteback.Cloud.Workflows.Group;
using GroupWriteback.LocalHost.Bridge;
using GroupWriteback.LocalHost.Demo;
using GroupWriteback.LocalDomain;

namespace GroupWriteback.LocalHost.Bench;

/// <summary>
/// One group of N members (users made in the DC beforehand, outside the timing): written by a full sync, then 10 %
/// of its members swapped for others in one tenant change, each timed until AD holds exactly the new set, beside the
/// same work by raw LDAP (<see cref="RawLargeGroup"/>). Targets: links/s ≥ 0.8× raw for both, agent peak RSS
/// &lt; 300 MB.
/// </summary>
internal sealed class LargeGroupScenario(TestDomain domain, BenchEnvironment environment, DemoConsole console)
{
    public const double TargetRssMb = 300;
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(60);

    public async Task<bool> RunAsync(int memberCount, IReadOnlyList<TestUser> users, BenchResults results, CancellationToken cancellationToken)
    {
        var scenario = string.Create(CultureInfo.InvariantCulture, $"large group {memberCount}");
        var swap = memberCount / 10;
        var members = users.Take(memberCount).ToList();
        var joining = users.Skip(memberCount).Take(swap).ToList();
        var (rawWrite, rawSwap) = await console.StepAsync($"Baseline: one group of {memberCount} by plain LDAP, then {swap} swapped", () => Task.Run(() => Raw(members, joining), cancellationToken));

        var tenant = BenchTenant.Build(1, members, users.Take(memberCount + swap).ToList(), groupPrefix: "f0");
        var settings = new Dictionary<string, string> { ["Writeback:ResultTimeout"] = "00:30:00" };
        await using var bridge = await environment.StartBridgeAsync(tenant, cancellationToken, settings);
        var groupId = tenant.Groups[0].Id!;
        var countsStart = AgentOperationCounts.Read(environment.CountsFile);
        var write = await console.StepAsync($"Bridge: full sync of the {memberCount}-member group", () => WriteAsync(bridge, groupId, members, cancellationToken));
        await Task.Delay(1500, cancellationToken);
        var countsWritten = AgentOperationCounts.Read(environment.CountsFile);

        var expected = members.Skip(swap).Concat(joining).ToList();
        var swapped = await console.StepAsync($"Bridge: {swap} members out, {swap} in", () => SwapAsync(bridge, groupId, memberCount, swap, expected, cancellationToken));
        await Task.Delay(1500, cancellationToken);
        var countsSwapped = AgentOperationCounts.Read(environment.CountsFile);

        var breakdown = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["bridge write seconds"] = write.TotalSeconds,
            ["raw write seconds"] = rawWrite.TotalSeconds,
            ["bridge swap seconds"] = swapped.TotalSeconds,
            ["raw swap seconds"] = rawSwap.TotalSeconds,
            ["CPU s: agent (write + swap)"] = ProcessCpu.Seconds(bridge.Agent!.Id),
            ["CPU s: local host (write + swap)"] = ProcessCpu.Seconds(bridge.Host.Id),
        };
        foreach (var (name, value) in countsWritten.Minus(countsStart))
        {
            breakdown["write: agent " + name] = value;
        }

        foreach (var (name, value) in countsSwapped.Minus(countsWritten))
        {
            breakdown["swap: agent " + name] = value;
        }

        var agentRss = ProcessMemory.PeakMegabytes(bridge.Agent.Id) ?? double.NaN;
        results.Figures.Add(new BenchFigure(scenario, "write links/s", "links/s", memberCount / write.TotalSeconds, memberCount / rawWrite.TotalSeconds, 0.8, true));
        results.Figures.Add(new BenchFigure(scenario, "swap links/s", "links/s", 2.0 * swap / swapped.TotalSeconds, 2.0 * swap / rawSwap.TotalSeconds, 0.8, true));
        results.Figures.Add(new BenchFigure(scenario, "peak RSS agent", "MB", agentRss, null, TargetRssMb, false));
        results.Figures.Add(new BenchFigure(scenario, "peak RSS local host", "MB", ProcessMemory.PeakMegabytes(bridge.Host.Id) ?? double.NaN, null, null, false));
        results.Breakdown[scenario] = breakdown;
        return true;
    }

    private (TimeSpan Write, TimeSpan Swap) Raw(List<TestUser> members, List<TestUser> joining)
    {
        var ou = domain.CreateScratchOu("bench-raw");
        try
        {
            using var connection = domain.OpenAdminConnection();
            connection.Timeout = TimeSpan.FromMinutes(10);
            var dn = $"CN=raw-large,{ou.Dn}";
            var suffix = ou.Dn.GetHashCode(StringComparison.Ordinal).ToString("x8", CultureInfo.InvariantCulture);
            var write = RawLargeGroup.Write(connection, dn, "raw-large-" + suffix, members);
            var swap = RawLargeGroup.Swap(connection, dn, [.. members.Take(joining.Count)], joining);
            return (write, swap);
        }
        finally
        {
            BenchEnvironment.Remove(ou, console);
        }
    }

    /// <summary>
    /// The first delta round of the fresh bridge starts the full sync (asking for another would run it twice): timed
    /// from the run's creation until AD holds every member.
    /// </summary>
    private async Task<TimeSpan> WriteAsync(LocalBridge bridge, string groupId, List<TestUser> members, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        WorkflowReport? run = null;
        await UntilAsync(
            async () => (run = (await bridge.Admin.GetStatusAsync(cancellationToken)).FullSync) is { } r
                && FullSyncWatch.Ended(r),
            watch,
            "the full sync to end",
            cancellationToken);
        await UntilAsync(() => Task.FromResult(MembersInAd(groupId)?.Count == members.Count), watch, $"{members.Count} members in AD", cancellationToken, readsAd: true);
        return DateTimeOffset.UtcNow - run!.CreatedAt;
    }

    private async Task<TimeSpan> SwapAsync(
        LocalBridge bridge, string groupId, int memberCount, int swap, IReadOnlyList<TestUser> expected, CancellationToken cancellationToken)
    {
        // Members are the tenant's users 0..N-1: the first tenth leaves, users N..N+swap-1 join.
        var before = await bridge.Admin.GetGroupAsync(groupId, cancellationToken);
        var watch = Stopwatch.StartNew();
        await bridge.Graph.ChangeMembersAsync(
            groupId, Enumerable.Range(memberCount, swap).Select(BenchTenant.UserId), Enumerable.Range(0, swap).Select(BenchTenant.UserId), cancellationToken);
        await UntilAsync(
            async () => await bridge.Admin.GetGroupAsync(groupId, cancellationToken) is { Phase: GroupPhase.Idle } after && after.Pass > (before?.Pass ?? 0),
            watch,
            "the swap's pass to end",
            cancellationToken);
        await UntilAsync(() => Task.FromResult(MembersInAd(groupId) is { } now && now.SetEquals(expected.Select(u => u.Dn))), watch, "the swapped set in AD", cancellationToken, readsAd: true);
        return watch.Elapsed;
    }

    private HashSet<string>? MembersInAd(string groupId)
    {
        var entry = domain.Search(environment.GroupsOu, $"(&(objectClass=group)(adminDescription=Group_{groupId}))", "distinguishedName").SingleOrDefault();
        if (entry is null)
        {
            return null;
        }

        using var connection = domain.OpenAdminConnection();
        connection.Timeout = TimeSpan.FromMinutes(5);
        return RawLargeGroup.ReadMembers(connection, entry.DistinguishedName);
    }

    /// <summary>Polls <paramref name="done"/> (every 250 ms; reads of AD, which load the DC, every second).</summary>
    private static async Task UntilAsync(Func<Task<bool>> done, Stopwatch watch, string what, CancellationToken cancellationToken, bool readsAd = false)
    {
        while (!await done())
        {
            if (watch.Elapsed > Limit)
            {
                throw new TimeoutException($"Waited {Limit.TotalMinutes:F0} min for {what}.");
            }

            await Task.Delay(readsAd ? 1000 : 250, cancellationToken);
        }
    }
}
