using System.Globalization;
using GroupWriteback.Cloud.Workflows.Delta;
using GroupWriteback.Cloud.Workflows.FullSync;
using GroupWriteback.Cloud.Workflows.Group;
using GroupWriteback.GraphEmulator.Requests;
using GroupWriteback.LocalHost.Bridge;
using GroupWriteback.LocalHost.Demo;
using GroupWriteback.LocalDomain;

namespace GroupWriteback.LocalHost.Bench;

/// <summary>
/// The cost of one change whatever the tenant's size: one member added to one written-back group, in a tenant of
/// each size asked for (100 and 10,000 groups by default), counted as Graph requests (the emulator's request log,
/// from the change until the group's pass is done) and agent LDAP requests (its operation counts). Every tenant holds
/// the same 100 written-back security groups; the rest are Microsoft 365 groups outside the scope
/// (<c>Writeback:Mode=AllSecurity</c>), so a 10,000-group tenant is listed in full by the set-up sync without
/// 10,000 groups being written first. The counts must be equal for every size.
/// </summary>
internal sealed class DeltaCostScenario(TestDomain domain, BenchEnvironment environment, DemoConsole console)
{
    public const string Scenario = "delta cost";
    public const int WrittenBackGroups = 100;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(120);

    public async Task<bool> RunAsync(IReadOnlyList<int> tenantSizes, IReadOnlyList<TestUser> users, BenchResults results, CancellationToken cancellationToken)
    {
        var costs = new List<(int Size, int Graph, double Ldap)>();
        foreach (var (size, index) in tenantSizes.Select((s, i) => (s, i)))
        {
            var (graph, ldap, breakdown) = await console.StepAsync(
                string.Create(CultureInfo.InvariantCulture, $"Delta cost: one member added in a {size}-group tenant"), () => MeasureAsync(size, index, users, cancellationToken));
            costs.Add((size, graph, ldap));
            results.Breakdown[string.Create(CultureInfo.InvariantCulture, $"{Scenario}, {size} groups")] = breakdown;
        }

        var smallest = costs[0];
        var equal = costs.All(c => c.Graph == smallest.Graph && c.Ldap == smallest.Ldap);
        foreach (var (size, graph, ldap) in costs)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"{size} groups");
            results.Figures.Add(new BenchFigure(Scenario, "Graph requests, " + name, "requests", graph, smallest.Graph, null, false));
            results.Figures.Add(new BenchFigure(Scenario, "LDAP requests, " + name, "requests", ldap, smallest.Ldap, null, false));
            console.Detail(string.Create(CultureInfo.InvariantCulture, $"{name}: {graph} Graph request(s), {ldap} LDAP request(s)"));
        }

        results.Figures.Add(new BenchFigure(Scenario, "counts equal across sizes", "1=PASS", equal ? 1 : 0, 1, null, true));
        console.Detail(equal ? "PASS: the same counts at every tenant size" : "FAIL: the counts differ between tenant sizes");
        return equal;
    }

    private async Task<(int Graph, double Ldap, Dictionary<string, double> Breakdown)> MeasureAsync(int size, int index, IReadOnlyList<TestUser> users, CancellationToken cancellationToken)
    {
        // Group ids of its own per tenant (see BenchTenant.Build).
        var prefix = string.Create(CultureInfo.InvariantCulture, $"d{index % 16:x}");
        var tenant = BenchTenant.WithOutOfScopeGroups(
            BenchTenant.Build(WrittenBackGroups, users.Take(2).ToList(), users, prefix), size - WrittenBackGroups, string.Create(CultureInfo.InvariantCulture, $"e{index % 16:x}"));
        var settings = new Dictionary<string, string>
        {
            ["Writeback:Mode"] = "AllSecurity",
            ["LocalHost:DeltaPollInterval"] = "01:00:00",
        };
        await using var bridge = await environment.StartBridgeAsync(tenant, cancellationToken, settings);

        // The first delta round of a fresh hub starts the full sync; asking for another would run it twice.
        await WaitAsync(
            async () => await bridge.Admin.GetStatusAsync(cancellationToken) is { Delta: { HasDeltaLink: true, Phase: DeltaPhase.Idle }, FullSync: { } run }
                && FullSyncWatch.Ended(run),
            "the first full sync to end and the delta workflow to be idle",
            cancellationToken,
            TimeSpan.FromMinutes(20));

        var groupId = tenant.Groups[WrittenBackGroups / 2].Id!;
        var before = await bridge.Admin.GetGroupAsync(groupId, cancellationToken) ?? throw new InvalidOperationException($"Group {groupId} has no writeback status.");
        await Task.Delay(1500, cancellationToken); // the agent rewrites its counts every second
        var countsBefore = AgentOperationCounts.Read(environment.CountsFile);
        await bridge.Graph.ClearRequestsAsync(cancellationToken);

        await bridge.Graph.AddMemberAsync(groupId, BenchTenant.UserId(2), cancellationToken);
        await WaitAsync(() => Task.FromResult(DirectoryGroup.Find(domain, environment.GroupsOu, groupId) is { Members.Count: 3 }), "the new member in AD", cancellationToken);
        await WaitAsync(
            async () => await bridge.Admin.GetGroupAsync(groupId, cancellationToken) is { Phase: GroupPhase.Idle } after && after.Pass > before.Pass
                && (await bridge.Admin.GetStatusAsync(cancellationToken)).Delta.Phase == DeltaPhase.Idle,
            "the pass and the round to end",
            cancellationToken);
        await Task.Delay(1500, cancellationToken);

        var requests = (await bridge.Graph.GetRequestsAsync(cancellationToken)).Where(r => !IsTheChange(r, groupId)).ToList();
        var counts = AgentOperationCounts.Read(environment.CountsFile);
        var breakdown = requests.GroupBy(r => "graph " + r.Method + " " + Shape(r.Path), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (double)g.Count(), StringComparer.Ordinal);
        foreach (var (name, value) in counts.Minus(countsBefore))
        {
            breakdown["agent " + name] = value;
        }

        return (requests.Count, counts.LdapOperationsSince(countsBefore), breakdown);
    }

    /// <summary>The bench's own Graph call that makes the change.</summary>
    private static bool IsTheChange(RecordedRequest request, string groupId) =>
        request.Method == "POST" && request.Path.EndsWith($"/groups/{groupId}/members/$ref", StringComparison.OrdinalIgnoreCase);

    /// <summary>The path with object ids replaced, so requests group by kind.</summary>
    private static string Shape(string path) =>
        string.Join('/', path.Split('/').Select(s => Guid.TryParse(s, out _) ? "{id}" : s));

    private static async Task WaitAsync(Func<Task<bool>> done, string what, CancellationToken cancellationToken, TimeSpan? limit = null)
    {
        var deadline = DateTime.UtcNow + (limit ?? Limit);
        while (!await done())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {(limit ?? Limit).TotalSeconds:F0} s for {what}.");
            }

            await Task.Delay(100, cancellationToken);
        }
    }
}
