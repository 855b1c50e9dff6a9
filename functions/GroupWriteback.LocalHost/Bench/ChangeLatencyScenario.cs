using System.Diagnostics;
using System.DirectoryServices.Protocols;
using System.Globalization;
using System.Text.Json.Nodes;
using GroupWriteback.LocalHost.Bridge;
using GroupWriteback.LocalHost.Demo;
using GroupWriteback.LocalDomain;

namespace GroupWriteback.LocalHost.Bench;

/// <summary>
/// Single changes made one at a time in the emulated tenant — create (3 members), rename, member add, member
/// remove, delete, in turn — each timed from the Graph call until AD shows it (polled every 20 ms). The baseline is
/// the same change written by LDAP and read back. Target: p95 ≤ 1 s.
/// </summary>
internal sealed class ChangeLatencyScenario(TestDomain domain, BenchEnvironment environment, DemoConsole console)
{
    public const double TargetP95Ms = 1000;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    public async Task<bool> RunAsync(int changes, IReadOnlyList<TestUser> users, BenchResults results, CancellationToken cancellationToken)
    {
        var memberIds = Enumerable.Range(0, 4).Select(BenchTenant.UserId).ToList();
        await using var bridge = await environment.StartBridgeAsync(BenchTenant.Build(0, users, users), cancellationToken);
        await FullSyncWatch.RunAsync(bridge.Admin, console, TimeSpan.FromMinutes(2), cancellationToken);
        var ou = environment.GroupsOu;
        var ok = true;
        var id = string.Empty;
        for (var i = 0; i < changes && ok; i++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"Latency {i / 5:D3}");
            (string Kind, Func<Task> Act, Func<DirectoryGroup?, bool> Arrived) change = (i % 5) switch
            {
                0 => ("create", async () => id = await bridge.Graph.CreateSecurityGroupAsync(name, memberIds.Take(3), cancellationToken), g => g is { Members.Count: 3 }),
                1 => ("rename", () => bridge.Graph.UpdateGroupAsync(id, new JsonObject { ["displayName"] = name + " renamed" }, cancellationToken), g => g?.Name == name + " renamed"),
                2 => ("member add", () => bridge.Graph.AddMemberAsync(id, memberIds[3], cancellationToken), g => g is { Members.Count: 4 }),
                3 => ("member remove", () => bridge.Graph.RemoveMemberAsync(id, memberIds[0], cancellationToken), g => g is { Members.Count: 3 }),
                _ => ("delete", () => bridge.Graph.DeleteGroupAsync(id, cancellationToken), g => g is null),
            };
            var watch = Stopwatch.StartNew();
            await change.Act();
            while (!change.Arrived(DirectoryGroup.Find(domain, ou, id)))
            {
                if (watch.Elapsed > Limit)
                {
                    console.Detail($"{change.Kind} of group {id} did not reach AD within {Limit.TotalSeconds:F0} s");
                    ok = false;
                    break;
                }

                await Task.Delay(Poll, cancellationToken);
            }

            results.Latencies.Add(new ChangeLatency(change.Kind, watch.Elapsed.TotalMilliseconds));
            console.Progress($"{i + 1}/{changes} changes: last {change.Kind} in {watch.Elapsed.TotalMilliseconds:F0} ms");
        }

        console.EndProgress();
        using var raw = domain.CreateScratchOu("bench-raw");
        results.RawLatencies.AddRange(RawChanges(raw.Dn, changes, users));
        AddFigures(results);
        return ok;
    }

    /// <summary>The same five changes by LDAP on one connection, each timed until a read shows it.</summary>
    private IEnumerable<ChangeLatency> RawChanges(string ouDn, int changes, IReadOnlyList<TestUser> users)
    {
        using var connection = domain.OpenAdminConnection();
        var dn = string.Empty;
        for (var i = 0; i < changes; i++)
        {
            var watch = Stopwatch.StartNew();
            string kind;
            switch (i % 5)
            {
                case 0:
                    kind = "create";
                    dn = string.Create(CultureInfo.InvariantCulture, $"CN=raw-latency-{i:D4},{ouDn}");
                    connection.SendRequest(new AddRequest(
                        dn, new DirectoryAttribute("objectClass", "group"), new DirectoryAttribute("member", users.Take(3).Select(u => (object)u.Dn).ToArray())));
                    break;
                case 1:
                    kind = "rename";
                    connection.SendRequest(new ModifyRequest(dn, DirectoryAttributeOperation.Replace, "displayName", "renamed"));
                    break;
                case 2:
                    kind = "member add";
                    connection.SendRequest(new ModifyRequest(dn, DirectoryAttributeOperation.Add, "member", users[3].Dn));
                    break;
                case 3:
                    kind = "member remove";
                    connection.SendRequest(new ModifyRequest(dn, DirectoryAttributeOperation.Delete, "member", users[0].Dn));
                    break;
                default:
                    kind = "delete";
                    connection.SendRequest(new DeleteRequest(dn));
                    break;
            }

            if (kind != "delete")
            {
                connection.SendRequest(new SearchRequest(dn, "(objectClass=*)", SearchScope.Base, "member", "displayName"));
            }

            yield return new ChangeLatency(kind, watch.Elapsed.TotalMilliseconds);
        }
    }

    private static void AddFigures(BenchResults results)
    {
        const string Scenario = "change latency";
        var bridge = results.Latencies.Select(l => l.Milliseconds).Order().ToList();
        var raw = results.RawLatencies.Select(l => l.Milliseconds).Order().ToList();
        if (bridge.Count == 0)
        {
            return;
        }

        results.Figures.Add(new BenchFigure(Scenario, "p50", "ms", Percentile(bridge, 0.50), Percentile(raw, 0.50), null, false));
        results.Figures.Add(new BenchFigure(Scenario, "p95", "ms", Percentile(bridge, 0.95), Percentile(raw, 0.95), TargetP95Ms, false));
        results.Figures.Add(new BenchFigure(Scenario, "max", "ms", bridge[^1], raw.Count > 0 ? raw[^1] : null, null, false));
        foreach (var kind in results.Latencies.Select(l => l.Kind).Distinct())
        {
            var of = results.Latencies.Where(l => l.Kind == kind).Select(l => l.Milliseconds).Order().ToList();
            var rawOf = results.RawLatencies.Where(l => l.Kind == kind).Select(l => l.Milliseconds).Order().ToList();
            results.Figures.Add(new BenchFigure(Scenario, $"p50 {kind}", "ms", Percentile(of, 0.5), rawOf.Count > 0 ? Percentile(rawOf, 0.5) : null, null, false));
        }
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
