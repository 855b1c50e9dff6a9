using System.Globalization;
using GroupWriteback.LocalHost.Bridge;
using GroupWriteback.LocalHost.Demo;
using GroupWriteback.LocalDomain;

namespace GroupWriteback.LocalHost.Bench;

/// <summary>
/// The bench suite: full syncs of the sizes asked for, then the change latency, delta cost and large group scenarios, each figure beside a
/// baseline measured in the same run on the same DC; printed as a table, written as <c>bench.json</c> and drawn as
/// PNG charts. Everything it creates lives in scratch OUs that are removed at the end.
/// </summary>
internal static class BenchRun
{
    public static async Task<int> ExecuteAsync(BenchOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        if (!Environment.IsPrivilegedProcess)
        {
            output.WriteLine("The benchmark starts the test domain controller when it is not running: run it as root.");
            return 2;
        }

        var console = new DemoConsole(output);
        var domain = await console.StepAsync("Starting the test domain controller", () => Task.Run(() => TestDomain.Instance, cancellationToken));
        var memberCount = Math.Max(
            Math.Max(4, options.LargeMembers + (options.LargeMembers / 10)), options.FullSyncs.Select(s => BenchMembership.PoolSize(s.Groups, s.Members)).DefaultIfEmpty(0).Max());
        var users = await console.StepAsync($"Ensuring {memberCount} users in the bench's pool", () => Task.Run(() => domain.BenchUsers(memberCount), cancellationToken));
        var results = new BenchResults();
        var ok = true;
        using (var environment = new BenchEnvironment(domain, options.KeepState, output, console, options.AgentSessions))
        {
            foreach (var ((groups, members), index) in options.FullSyncs.Select((size, index) => (size, index)))
            {
                var pool = users.Take(BenchMembership.PoolSize(groups, members)).ToList();
                var prefix = string.Create(CultureInfo.InvariantCulture, $"c{index % 16:x}");
                ok &= await new FullSyncScenario(domain, environment, console).RunAsync(groups, members, pool, prefix, results, cancellationToken);
            }

            if (options.Changes > 0)
            {
                ok &= await new ChangeLatencyScenario(domain, environment, console).RunAsync(options.Changes, users.Take(4).ToList(), results, cancellationToken);
            }

            if (options.DeltaCostSizes.Count > 0)
            {
                ok &= await new DeltaCostScenario(domain, environment, console).RunAsync(options.DeltaCostSizes, users.Take(4).ToList(), results, cancellationToken);
            }

            if (options.LargeMembers > 0)
            {
                ok &= await new LargeGroupScenario(domain, environment, console).RunAsync(options.LargeMembers, users, results, cancellationToken);
            }
        }

        BenchReport.Print(output, results);
        var folder = options.OutputFolder ?? RepositoryLayout.State("bench");
        output.WriteLine();
        output.WriteLine("written: " + BenchReport.Write(folder, results));
        foreach (var chart in BenchCharts.Write(folder, results))
        {
            output.WriteLine("written: " + chart);
        }

        return ok ? 0 : 1;
    }
}
