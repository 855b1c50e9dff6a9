using GroupWriteback.GraphEmulator.Hosting;
using GroupWriteback.GraphEmulator.Model;
using GroupWriteback.GraphEmulator.Tests.Support;
using Microsoft.Graph.DirectoryObjects.GetByIds;
using Microsoft.Graph.Groups.Item.CheckMemberGroups;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace GroupWriteback.GraphEmulator.Tests.Http;

public sealed class MemberEndpointTests : IAsyncLifetime
{
    private static readonly string[] Identity = ["id", "onPremisesSecurityIdentifier", "onPremisesImmutableId"];
    private RunningGraphEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await GraphEmulatorServer.StartAsync(SyntheticUsers.Tenant(12));

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task ListMembers_UsersAndNestedGroup_ParseAsTypedObjectsWithOnPremisesIdentity()
    {
        // Arrange
        var synced = _emulator.Tenant.CreateGroup(GroupDraft.Security("Synced") with { OnPremisesSecurityIdentifier = "S-1-5-21-9-9-9-5000", OnPremisesSyncEnabled = true });
        var parent = _emulator.Tenant.CreateGroup(GroupDraft.Security("Parent") with { Members = [.. SyntheticUsers.Ids(1, 10), synced] });
        var graph = SdkClients.For(_emulator);

        // Act
        var members = new List<DirectoryObject>();
        var page = await graph.Groups[parent].Members.GetAsync(r =>
        {
            r.QueryParameters.Select = Identity;
            r.QueryParameters.Top = 4;
        });
        while (page is not null)
        {
            members.AddRange(page.Value!);
            page = page.OdataNextLink is null ? null : await graph.Groups[parent].Members.WithUrl(page.OdataNextLink).GetAsync();
        }

        // Assert
        Assert.Equal(11, members.Count);
        var users = members.OfType<User>().ToList();
        Assert.Equal(SyntheticUsers.Ids(1, 10), users.Select(u => u.Id!).ToList());
        Assert.Equal("S-1-5-21-1-2-3-1001", users[0].OnPremisesSecurityIdentifier);
        Assert.Equal(Convert.ToBase64String(Guid.Parse(SyntheticUsers.Id(1)).ToByteArray()), users[0].OnPremisesImmutableId);
        Assert.Null(users[0].DisplayName);
        var group = Assert.IsType<Group>(members[^1]);
        Assert.Equal("S-1-5-21-9-9-9-5000", group.OnPremisesSecurityIdentifier);
    }

    [Fact]
    public async Task MembersRef_AddThenRemove_ChangesMembership()
    {
        // Arrange
        var group = _emulator.Tenant.CreateGroup(GroupDraft.Security("Team"));
        var graph = SdkClients.For(_emulator);

        // Act
        await graph.Groups[group].Members.Ref.PostAsync(new ReferenceCreate { OdataId = $"{_emulator.BaseUrl}/directoryObjects/{SyntheticUsers.Id(1)}" });
        await graph.Groups[group].Members.Ref.PostAsync(new ReferenceCreate { OdataId = $"{_emulator.BaseUrl}/directoryObjects/{SyntheticUsers.Id(2)}" });
        await graph.Groups[group].Members[SyntheticUsers.Id(1)].Ref.DeleteAsync();

        // Assert
        Assert.Equal([SyntheticUsers.Id(2)], _emulator.Tenant.ListMembers(group).Select(m => m.Id).ToArray());
        var duplicate = await Assert.ThrowsAsync<ODataError>(() =>
            graph.Groups[group].Members.Ref.PostAsync(new ReferenceCreate { OdataId = $"{_emulator.BaseUrl}/directoryObjects/{SyntheticUsers.Id(2)}" }));
        Assert.Equal(400, duplicate.ResponseStatusCode);
    }

    [Fact]
    public async Task CheckMemberGroups_NestedTwoLevels_ReturnsOnlyTransitiveParents()
    {
        // Arrange
        var child = _emulator.Tenant.CreateGroup(GroupDraft.Security("Child"));
        var middle = _emulator.Tenant.CreateGroup(GroupDraft.Security("Middle") with { Members = [child] });
        var top = _emulator.Tenant.CreateGroup(GroupDraft.Security("Top") with { Members = [middle] });
        var unrelated = _emulator.Tenant.CreateGroup(GroupDraft.Security("Unrelated"));
        var graph = SdkClients.For(_emulator);

        // Act
        var result = await graph.Groups[child].CheckMemberGroups.PostAsCheckMemberGroupsPostResponseAsync(
            new CheckMemberGroupsPostRequestBody { GroupIds = [top, unrelated, middle] });

        // Assert
        Assert.Equal([top, middle], result!.Value!);
    }

    [Fact]
    public async Task TransitiveMembers_NestedGroups_ListsEveryObjectOnce()
    {
        // Arrange
        var inner = _emulator.Tenant.CreateGroup(GroupDraft.Security("Inner") with { Members = SyntheticUsers.Ids(1, 2) });
        var outer = _emulator.Tenant.CreateGroup(GroupDraft.Security("Outer") with { Members = [SyntheticUsers.Id(1), inner] });
        var graph = SdkClients.For(_emulator);

        // Act
        var members = await graph.Groups[outer].TransitiveMembers.GetAsync();

        // Assert
        Assert.Equal([SyntheticUsers.Id(1), inner, SyntheticUsers.Id(2)], members!.Value!.Select(m => m.Id!).ToArray());
    }

    [Fact]
    public async Task GetByIds_MixedKnownAndUnknown_ReturnsKnownOfRequestedTypes()
    {
        // Arrange
        var group = _emulator.Tenant.CreateGroup(GroupDraft.Security("Group"));
        var graph = SdkClients.For(_emulator);
        var body = new GetByIdsPostRequestBody { Ids = [SyntheticUsers.Id(3), Guid.NewGuid().ToString(), group], Types = ["user"] };

        // Act
        var result = await graph.DirectoryObjects.GetByIds
            .WithUrl($"{_emulator.BaseUrl}/directoryObjects/getByIds?$select=id,onPremisesSecurityIdentifier")
            .PostAsGetByIdsPostResponseAsync(body);

        // Assert
        var user = Assert.IsType<User>(Assert.Single(result!.Value!));
        Assert.Equal(SyntheticUsers.Id(3), user.Id);
        Assert.Equal("S-1-5-21-1-2-3-1003", user.OnPremisesSecurityIdentifier);
    }

    [Fact]
    public async Task GetByIds_MoreThan1000Ids_Answers400()
    {
        // Arrange
        var graph = SdkClients.For(_emulator);
        var body = new GetByIdsPostRequestBody { Ids = [.. Enumerable.Range(0, 1001).Select(_ => Guid.NewGuid().ToString())] };

        // Act
        var error = await Assert.ThrowsAsync<ODataError>(() => graph.DirectoryObjects.GetByIds.PostAsGetByIdsPostResponseAsync(body));

        // Assert
        Assert.Equal(400, error.ResponseStatusCode);
    }
}
