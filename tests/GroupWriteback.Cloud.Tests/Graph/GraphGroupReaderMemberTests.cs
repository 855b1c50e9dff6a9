using GroupWriteback.Cloud.Graph;
using GroupWriteback.Cloud.Tests.Emulation;
using GroupWriteback.Contracts;
using GroupWriteback.GraphEmulator.Model;

namespace GroupWriteback.Cloud.Tests.Graph;

public sealed class GraphGroupReaderMemberTests : IAsyncLifetime
{
    private GraphEmulatorFixture _graph = null!;

    public async Task InitializeAsync() => _graph = await GraphEmulatorFixture.StartAsync(SyntheticUsers.Tenant(5000));

    public async Task DisposeAsync() => await _graph.DisposeAsync();

    [Fact]
    public async Task GetMembersPage_5000Members_PagesThroughAllWithOnPremisesIdentity()
    {
        // Arrange
        var synced = _graph.Tenant.CreateGroup(GroupDraft.Security("Synced") with { OnPremisesSecurityIdentifier = "S-1-5-21-7-7-7-7000", OnPremisesSyncEnabled = true });
        var group = _graph.Tenant.CreateGroup(GroupDraft.Security("Everyone") with { Members = [.. SyntheticUsers.Ids(1, 5000), synced] });
        var reader = _graph.CreateReader();

        // Act
        var members = new List<CloudMember>();
        var pages = 0;
        string? next = null;
        do
        {
            var page = await reader.GetMembersPageAsync(group, next, CancellationToken.None);
            members.AddRange(page.Members);
            next = page.NextLink;
            pages++;
        }
        while (next is not null);

        // Assert
        Assert.Equal(6, pages);
        Assert.Equal(5001, members.Select(m => m.Id).Distinct().Count());
        var users = members.Where(m => m.Kind == CloudMemberKind.User).ToList();
        Assert.Equal(5000, users.Count);
        Assert.Equal(SyntheticUsers.Sid(4321), users.Single(u => u.Id == SyntheticUsers.Id(4321)).OnPremisesSecurityIdentifier);
        Assert.Equal(SyntheticUsers.ObjectGuid(4321), users.Single(u => u.Id == SyntheticUsers.Id(4321)).OnPremisesObjectGuid);
        var nested = Assert.Single(members, m => m.Kind == CloudMemberKind.Group);
        Assert.Equal("S-1-5-21-7-7-7-7000", nested.OnPremisesSecurityIdentifier);
    }

    [Fact]
    public async Task GetMembersByIds_2500IdsWithUnknown_ResolvesKnownInChunksOf1000()
    {
        // Arrange
        var group = _graph.Tenant.CreateGroup(GroupDraft.Security("Nested"));
        var ids = SyntheticUsers.Ids(1, 2400).Concat(Enumerable.Range(0, 99).Select(_ => Guid.NewGuid().ToString())).Append(group).ToList();
        var reader = _graph.CreateReader();

        // Act
        var members = await reader.GetMembersByIdsAsync(ids, CancellationToken.None);

        // Assert
        Assert.Equal(2401, members.Count);
        Assert.Equal(SyntheticUsers.Sid(2400), members.Single(m => m.Id == SyntheticUsers.Id(2400)).OnPremisesSecurityIdentifier);
        Assert.Equal(CloudMemberKind.Group, members.Single(m => m.Id == group).Kind);
        Assert.Equal(3, _graph.Requests.Matching("/v1.0/directoryObjects/getByIds", "POST").Count);
    }

    [Fact]
    public async Task ListGroupsPage_FilterOverPages_ReturnsEveryMatchWithWritebackConfiguration()
    {
        // Arrange
        for (var i = 0; i < 5; i++)
        {
            _graph.Tenant.CreateGroup(GroupDraft.Microsoft365($"Team {i}", $"team{i}") with
            {
                WritebackConfiguration = new WritebackConfiguration(i % 2 == 0, "universalDistributionGroup"),
            });
        }

        _graph.Tenant.CreateGroup(GroupDraft.Security("Other"));
        var reader = _graph.CreateReader(new Dictionary<string, string?> { ["Graph:PageSize"] = "2" });
        var query = new GroupQuery { Filter = "groupTypes/any(c:c eq 'Unified')" };

        // Act
        var groups = new List<CloudGroup>();
        string? next = null;
        do
        {
            var page = await reader.ListGroupsPageAsync(query, next, CancellationToken.None);
            groups.AddRange(page.Groups);
            next = page.NextLink;
        }
        while (next is not null);

        // Assert
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"Team {i}"), groups.Select(g => g.DisplayName));
        Assert.Equal([true, false, true, false, true], groups.Select(g => g.WritebackEnabled == true).ToArray());
        Assert.All(groups, g => Assert.Equal(OnPremisesGroupType.UniversalDistributionGroup, g.WritebackGroupType));
    }

    [Fact]
    public async Task ListGroupsPage_TwentyIdsWithFilter_ReadsInChunksAndReturnsOnePage()
    {
        // Arrange
        var ids = Enumerable.Range(0, 20).Select(i => _graph.Tenant.CreateGroup(GroupDraft.Security($"G{i:D2}") with { Description = i < 18 ? "in" : "out" })).ToList();
        var reader = _graph.CreateReader();

        // Act
        var page = await reader.ListGroupsPageAsync(new GroupQuery { Ids = ids, Filter = "description eq 'in'" }, null, CancellationToken.None);

        // Assert
        Assert.Null(page.NextLink);
        Assert.Equal(ids.Take(18), page.Groups.Select(g => g.Id));
        Assert.Equal(2, _graph.Requests.Matching("/beta/groups", "GET").Count);
    }

    [Fact]
    public async Task IsTransitiveMember_NestedTwoLevels_TrueForAncestorsOnly()
    {
        // Arrange
        var child = _graph.Tenant.CreateGroup(GroupDraft.Security("Child"));
        var middle = _graph.Tenant.CreateGroup(GroupDraft.Security("Middle") with { Members = [child] });
        var scoping = _graph.Tenant.CreateGroup(GroupDraft.Security("Scope") with { Members = [middle] });
        var reader = _graph.CreateReader();

        // Act
        var childInScope = await reader.IsTransitiveMemberAsync(child, scoping, CancellationToken.None);
        var scopeInChild = await reader.IsTransitiveMemberAsync(scoping, child, CancellationToken.None);

        // Assert
        Assert.True(childInScope);
        Assert.False(scopeInChild);
    }
}
