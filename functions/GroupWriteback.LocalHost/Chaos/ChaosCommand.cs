using System.CommandLine;

namespace GroupWriteback.LocalHost.Chaos;

/// <summary>
/// <c>chaos [--groups n] [--members n] [--kills n] [--outage s] [--seed n] [--no-dbcheck]</c>: the bridge under
/// faults, then AD compared with the tenant; exit 0 when every check held.
/// </summary>
internal static class ChaosCommand
{
    public static Command Create()
    {
        var full = ChaosOptions.Full(0);
        var groups = new Option<int>("--groups") { Description = "Groups in the tenant.", DefaultValueFactory = _ => full.Groups };
        var members = new Option<int>("--members") { Description = "Members of each group.", DefaultValueFactory = _ => full.Members };
        var kills = new Option<int>("--kills") { Description = "Agent SIGKILLs during the sync.", DefaultValueFactory = _ => full.AgentKills };
        var outage = new Option<int>("--outage") { Description = "Seconds the DC is unreachable from the agent.", DefaultValueFactory = _ => (int)full.Outage.TotalSeconds };
        var seed = new Option<int?>("--seed") { Description = "Seed of the random choices (printed by every run)." };
        var noDbCheck = new Option<bool>("--no-dbcheck") { Description = "Skip samba-tool dbcheck at the end." };
        var command = new Command("chaos", "Run the bridge on the test DC under agent kills, a host restart, a DC outage, Graph faults and poison messages; then check AD against the tenant.")
        {
            groups, members, kills, outage, seed, noDbCheck,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var options = new ChaosOptions(
                parse.GetValue(groups),
                parse.GetValue(members),
                parse.GetValue(kills),
                TimeSpan.FromSeconds(parse.GetValue(outage)),
                parse.GetValue(seed) ?? Random.Shared.Next(),
                !parse.GetValue(noDbCheck));
            if (options.Groups is < 1 or > 100_000 || options.Members is < 1 or > 1000 || options.AgentKills is < 0 or > 1000 || options.Outage.TotalSeconds is < 0 or > 600)
            {
                parse.InvocationConfiguration.Error.WriteLine("--groups must be 1 to 100000, --members 1 to 1000, --kills 0 to 1000 and --outage 0 to 600.");
                return Task.FromResult(2);
            }

            if (!Environment.IsPrivilegedProcess)
            {
                parse.InvocationConfiguration.Output.WriteLine("The chaos run starts the test domain controller when it is not running: run it as root.");
                return Task.FromResult(2);
            }

            return ChaosRun.ExecuteAsync(options, parse.InvocationConfiguration.Output, cancellationToken);
        });
        return command;
    }
}
