using GroupWriteback.LocalDomain;
using GroupWriteback.LocalHost.Bridge;
using GroupWriteback.Testing;

namespace GroupWriteback.LocalHost.Tests.Bridge;

public sealed class MoveFixture : SeededBridgeFixture
{
    protected override int GroupCount => 1;

    protected override int MembersPerGroup => 2;
}

/// <summary>A group mapped to another OU is moved there by the agent, keeping its objectGUID and members.</summary>
[Collection(BridgeCollection.Name)]
[Trait(TestCategory.Name, TestCategory.DomainController)]
public sealed class MoveTests(MoveFixture fixture) : IClassFixture<MoveFixture>
{
    [Fact]
    public async Task TargetOuMappingChanged_HostRestarted_GroupMovedKeepingObjectGuid()
    {
        var id = fixture.GroupIds[0];
        await fixture.WaitForSeededGroupsAsync();
        var before = DirectoryGroup.Find(TestDomain.Instance, fixture.ScopeOu, id)!;
        Assert.EndsWith("," + fixture.GroupsOu, before.Dn, StringComparison.OrdinalIgnoreCase);

        var settings = fixture.Bridge.Settings;
        var mapped = new Dictionary<string, string>(settings.HostSettings) { [$"Writeback:TargetOuByGroup:{id}"] = fixture.MovedOu };
        await fixture.Bridge.RestartHostAsync(settings with { HostSettings = mapped }, CancellationToken.None);

        var moved = await fixture.WaitForGroupAsync(id, g => g?.Dn.EndsWith("," + fixture.MovedOu, StringComparison.OrdinalIgnoreCase) == true, "moved to the mapped OU");
        Assert.Equal(before.ObjectGuid, moved!.ObjectGuid);
        Assert.Equal(before.Members, moved.Members);
    }
}
