using System.CommandLine;
using System.Globalization;

namespace GroupWriteback.LocalHost.Bench;

/// <summary>
/// <c>bench [--groups n --members n | --full-sync GxM ...] [--changes n] [--delta-cost n ...] [--large-members n] [--out dir] [--keep-state]</c>: the bench suite
/// against baselines measured in the same run, on the test DC.
/// </summary>
internal static class BenchCommand
{
    /// <summary>The full syncs run when neither <c>--groups</c> nor <c>--full-sync</c> is given: many small groups, fewer larger ones.</summary>
    private static readonly (int Groups, int Members)[] DefaultFullSyncs = [(2000, 20), (300, 50)];

    public static Command Create()
    {
        var groups = new Option<int?>("--groups") { Description = "Groups in the full-sync tenant (0: no full sync; without it and --full-sync: 2000x20 and 300x50)." };
        var members = new Option<int>("--members") { Description = "Members of each group.", DefaultValueFactory = _ => 50 };
        var fullSync = new Option<string[]>("--full-sync") { Description = "Full syncs to run, as GROUPSxMEMBERS (e.g. 2000x20 300x50); replaces --groups/--members.", AllowMultipleArgumentsPerToken = true };
        var changes = new Option<int>("--changes") { Description = "Single changes timed in the change latency scenario (0: skip it).", DefaultValueFactory = _ => 100 };
        var deltaCost = new Option<int[]>("--delta-cost")
        {
            Description = "Tenant sizes (groups) of the delta cost scenario; 0 skips it.", AllowMultipleArgumentsPerToken = true, DefaultValueFactory = _ => [100, 10_000],
        };
        var large = new Option<int>("--large-members") { Description = "Members of the large group scenario (0: skip it).", DefaultValueFactory = _ => 100_000 };
        var output = new Option<string?>("--out") { Description = "Folder for bench.json and the charts (default .state/bench)." };
        var keep = new Option<bool>("--keep-state") { Description = "Keep the bridges' state folders (logs, queue, agent operation counts)." };
        var sessions = new Option<int>("--agent-sessions") { Description = "Agent:MaxConcurrentSessions of the bridge's agent.", DefaultValueFactory = _ => 4 };
        var command = new Command("bench", "Measure the bridge against plain LDAP writes of the same work, on the test DC: full-sync throughput, change latency, delta cost by tenant size, a large group, where the time goes.")
        {
            groups, members, fullSync, changes, deltaCost, large, output, keep, sessions,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var sizes = new List<(int, int)>();
            foreach (var text in parse.GetValue(fullSync) ?? [])
            {
                var parts = text.Split('x', 'X');
                if (parts.Length != 2 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var g) || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var m))
                {
                    error.WriteLine($"--full-sync takes GROUPSxMEMBERS, not '{text}'.");
                    return Task.FromResult(2);
                }

                sizes.Add((g, m));
            }

            if (sizes.Count == 0 && parse.GetValue(groups) is { } count and not 0)
            {
                sizes.Add((count, parse.GetValue(members)));
            }
            else if (sizes.Count == 0 && parse.GetValue(groups) is null)
            {
                sizes.AddRange(DefaultFullSyncs);
            }

            if (sizes.Any(s => s.Item1 is < 1 or > 100_000 || s.Item2 is < 1 or > 10_000) || parse.GetValue(changes) is < 0 or > 10_000)
            {
                error.WriteLine("Groups must be 1 to 100000, members 1 to 10000 and --changes 0 to 10000.");
                return Task.FromResult(2);
            }

            var deltaSizes = (parse.GetValue(deltaCost) ?? []).Where(n => n != 0).ToList();
            if (deltaSizes.Any(n => n is < DeltaCostScenario.WrittenBackGroups or > 100_000) || parse.GetValue(large) is < 0 or > 1_000_000)
            {
                error.WriteLine($"--delta-cost sizes must be {DeltaCostScenario.WrittenBackGroups} to 100000 groups, --large-members 0 to 1000000.");
                return Task.FromResult(2);
            }

            var options = new BenchOptions(sizes, parse.GetValue(changes), parse.GetValue(output), parse.GetValue(keep), Math.Clamp(parse.GetValue(sessions), 1, 32))
            {
                DeltaCostSizes = deltaSizes,
                LargeMembers = parse.GetValue(large),
            };
            return BenchRun.ExecuteAsync(options, parse.InvocationConfiguration.Output, cancellationToken);
        });
        return command;
    }
}
