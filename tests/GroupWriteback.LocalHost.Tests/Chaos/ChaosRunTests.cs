using GroupWriteback.LocalHost.Chaos;
using GroupWriteback.LocalHost.Tests.Bridge;
using GroupWriteback.Testing;
using Xunit.Abstractions;

namespace GroupWriteback.LocalHost.Tests.Chaos;

/// <summary>The chaos command's small form: every fault kind once or a few times, every check holding.</summary>
[Collection(BridgeCollection.Name)]
[Trait(TestCategory.Name, TestCategory.DomainController)]
public sealed class ChaosRunTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Chaos_SmallRunWithEveryFaultKind_EndsWithADEqualToTheTenant()
    {
        using var log = new StringWriter();
        var options = new ChaosOptions(Groups: 40, Members: 4, AgentKills: 3, Outage: TimeSpan.FromSeconds(5), Seed: 20261203, DbCheck: true);

        var exitCode = await ChaosRun.ExecuteAsync(options, log, CancellationToken.None);

        var text = log.ToString();
        output.WriteLine(text);
        Assert.Equal(0, exitCode);
        Assert.Matches(@"Checks: (1[4-9]|[2-9][0-9]) of \1 held\.", text);
        foreach (var fault in (string[])["agent SIGKILL", "local host killed", "DC outage", "Graph 429", "Graph 503", "Graph 410", "Graph slow", "notification storm", "poison message"])
        {
            Assert.Contains($"fault  {fault}:", text, StringComparison.Ordinal);
        }
    }
}
