using System.CommandLine;

namespace GroupWriteback.LocalHost.Bench;

/// <summary><c>bench [--groups n] [--members n]</c>: full-sync throughput and memory against a raw LDAP baseline of the same run.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var groups = new Option<int>("--groups") { Description = "Groups in the tenant.", DefaultValueFactory = _ => 200 };
        var members = new Option<int>("--members") { Description = "Members of each group.", DefaultValueFactory = _ => 50 };
        var command = new Command("bench", "Measure a full sync through the whole bridge against plain LDAP writes of the same groups, on the test DC.") { groups, members };
        command.SetAction((parse, cancellationToken) =>
        {
            var groupCount = parse.GetValue(groups);
            var memberCount = parse.GetValue(members);
            if (groupCount is < 1 or > 100_000 || memberCount is < 1 or > 10_000)
            {
                parse.InvocationConfiguration.Error.WriteLine("--groups must be 1 to 100000 and --members 1 to 10000.");
                return Task.FromResult(2);
            }

            return BenchRun.ExecuteAsync(groupCount, memberCount, parse.InvocationConfiguration.Output, cancellationToken);
        });
        return command;
    }
}
