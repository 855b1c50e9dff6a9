using GroupWriteback.LocalDomain;
using GroupWriteback.LocalHost.Bridge;
using GroupWriteback.Testing;

namespace GroupWriteback.LocalHost.Tests.Bridge;

public sealed class AgentCrashFixture : SeededBridgeFixture
{
    protected override int GroupCount => 40;

    protected override int MembersPerGroup => 100;
}

/// <summary>Killing the agent in the middle of a full sync loses nothing: unsettled messages are delivered again.</summary>
[Collection(BridgeCollection.Name)]
[Trait(TestCategory.Name, TestCategory.DomainController)]
public sealed class AgentCrashTests(AgentCrashFixture fixture) : IClassFixture<AgentCrashFixture>
{
    [Fact]
    public async Task AgentKilledDuringFullSync_Restarted_SyncCompletesWithEveryGroupAndMember()
    {
        // The first delta round of a fresh host starts the full sync; kill the agent once it is under way.
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DirectoryGroup.Anchored(TestDomain.Instance, fixture.GroupsOu).Count < 3 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        fixture.Bridge.KillAgent();
        var writtenAtKill = DirectoryGroup.Anchored(TestDomain.Instance, fixture.GroupsOu).Count;
        Assert.InRange(writtenAtKill, 3, fixture.GroupIds.Count - 1);

        await Task.Delay(TimeSpan.FromSeconds(2));
        fixture.Bridge.StartAgent();

        await fixture.WaitForSeededGroupsAsync();
        var status = await fixture.Bridge.Admin.GetStatusAsync(CancellationToken.None);
        Assert.Equal(fixture.GroupIds.Count, DirectoryGroup.Anchored(TestDomain.Instance, fixture.GroupsOu).Count);
        Assert.True(status.DeadLetters is null or 0, $"{status.DeadLetters} message(s) were dead-lettered");
    }
}
