using GroupWriteback.Cloud.Graph;
using GroupWriteback.Cloud.Tests.Emulation;
using GroupWriteback.Contracts;
using GroupWriteback.GraphEmulator.Model;

namespace GroupWriteback.Cloud.Tests.Graph;

public sealed class GraphGroupReaderDeltaTests : IAsyncLifetime
{
    private GraphEmulatorFixture _graph = null!;

    public async Task InitializeAsync() => _graph = await GraphEmulatorFixture.StartAsync(SyntheticUsers.Tenant(30), o =>
    {
        o.DeltaPageSize = 2;
        o.DeltaMembersPerEntry = 4;
    });

    public async Task DisposeAsync() => await _graph.DisposeAsync();

    [Fact]
    public async Task ReadDeltaPage_GroupSplitOverEntriesAndPages_MergesEntriesPerPageAndLosesNoMember()
    {
        // Arrange: 10 members over 3 entries (4+4+2) on pages of 2 entries, then a second group.
        var big = _graph.Tenant.CreateGroup(GroupDraft.Security("Big") with { Members = SyntheticUsers.Ids(1, 10) });
        var small = _graph.Tenant.CreateGroup(GroupDraft.Microsoft365("Small", "small") with { Members = [SyntheticUsers.Id(11)] });
        var reader = _graph.CreateReader();

        // Act
        var pages = await ReadRoundAsync(reader, null);

        // Assert
        Assert.Equal(2, pages.Count);
        var first = Assert.Single(pages[0].Changes);
        Assert.Equal(big, first.GroupId);
        Assert.Equal(SyntheticUsers.Ids(1, 8), first.AddedMemberIds);
        Assert.Equal([big, small], pages[1].Changes.Select(c => c.GroupId).ToArray());
        Assert.Equal(SyntheticUsers.Ids(9, 10), pages[1].Changes[0].AddedMemberIds);
        Assert.Equal("Small", pages[1].Changes[1].Group!.DisplayName);
        Assert.True(pages[1].Changes[1].Group!.IsMicrosoft365);
        Assert.NotNull(pages[^1].DeltaLink);
        Assert.All(pages[..^1], p => Assert.Null(p.DeltaLink));
    }

    [Fact]
    public async Task ReadDeltaPage_DeltaLinkAfterMembershipChanges_ReportsAddedAndRemovedMembers()
    {
        // Arrange
        var group = _graph.Tenant.CreateGroup(GroupDraft.Security("Sales") with { Members = SyntheticUsers.Ids(1, 3) });
        var reader = _graph.CreateReader();
        var deltaLink = (await ReadRoundAsync(reader, null))[^1].DeltaLink;
        _graph.Tenant.RemoveMember(group, SyntheticUsers.Id(2));
        _graph.Tenant.AddMember(group, SyntheticUsers.Id(4));
        _graph.Tenant.UpdateGroup(group, new GroupUpdate { Description = "renamed" });

        // Act
        var page = Assert.Single(await ReadRoundAsync(reader, deltaLink));

        // Assert
        var change = Assert.Single(page.Changes);
        Assert.Equal(group, change.GroupId);
        Assert.False(change.Deleted);
        Assert.Equal([SyntheticUsers.Id(4)], change.AddedMemberIds);
        Assert.Equal([SyntheticUsers.Id(2)], change.RemovedMemberIds);
        Assert.Equal("renamed", change.Group!.Description);
    }

    [Fact]
    public async Task ReadDeltaPage_GroupsDeleted_ReportsThemDeletedWithoutProperties()
    {
        // Arrange
        var team = _graph.Tenant.CreateGroup(GroupDraft.Microsoft365("Team", "team") with { Members = [SyntheticUsers.Id(1)] });
        var security = _graph.Tenant.CreateGroup(GroupDraft.Security("Secure"));
        var reader = _graph.CreateReader();
        var deltaLink = (await ReadRoundAsync(reader, null))[^1].DeltaLink;
        _graph.Tenant.DeleteGroup(team);
        _graph.Tenant.DeleteGroup(security);

        // Act
        var changes = (await ReadRoundAsync(reader, deltaLink)).SelectMany(p => p.Changes).ToList();

        // Assert
        Assert.Equal([team, security], changes.Select(c => c.GroupId).ToArray());
        Assert.All(changes, c =>
        {
            Assert.True(c.Deleted);
            Assert.Null(c.Group);
            Assert.Empty(c.AddedMemberIds);
        });
    }

    [Fact]
    public async Task ReadDeltaPage_ExpiredDeltaLink_ThrowsDeltaTokenExpiredException()
    {
        // Arrange
        _graph.Tenant.CreateGroup(GroupDraft.Security("Any"));
        var reader = _graph.CreateReader();
        var deltaLink = (await ReadRoundAsync(reader, null))[^1].DeltaLink;
        _graph.Control.ExpireDeltaTokens();

        // Act
        var error = await Assert.ThrowsAsync<DeltaTokenExpiredException>(() => reader.ReadDeltaPageAsync(deltaLink, CancellationToken.None));

        // Assert
        Assert.Contains("410", error.Message, StringComparison.Ordinal);
        Assert.Equal(410, Assert.IsType<Microsoft.Graph.Models.ODataErrors.ODataError>(error.InnerException).ResponseStatusCode);
    }

    [Fact]
    public async Task ReadDeltaPage_DeltaLinkPastItsSevenDays_ThrowsDeltaTokenExpiredExceptionFor400SyncStateNotFound()
    {
        // Arrange: Graph answers an aged directory deltaLink with 400 syncStateNotFound, not 410.
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var aged = await GraphEmulatorFixture.StartAsync(SyntheticUsers.Tenant(1, time), o => o.DeltaTokenLifetime = TimeSpan.FromDays(7));
        aged.Tenant.CreateGroup(GroupDraft.Security("Aged"));
        var reader = aged.CreateReader();
        var deltaLink = (await ReadRoundAsync(reader, null))[^1].DeltaLink;
        time.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));

        // Act
        var error = await Assert.ThrowsAsync<DeltaTokenExpiredException>(() => reader.ReadDeltaPageAsync(deltaLink, CancellationToken.None));

        // Assert
        Assert.Contains("syncStateNotFound", error.Message, StringComparison.Ordinal);
        Assert.Equal(400, Assert.IsType<Microsoft.Graph.Models.ODataErrors.ODataError>(error.InnerException).ResponseStatusCode);
    }

    [Fact]
    public async Task ReadDeltaPage_OtherBadRequest_IsNotTakenForAnExpiredToken()
    {
        // Arrange
        var reader = _graph.CreateReader();
        var deltaLink = (await ReadRoundAsync(reader, null))[^1].DeltaLink!;
        var broken = deltaLink[..deltaLink.IndexOf("$deltatoken=", StringComparison.Ordinal)] + "$deltatoken=not-a-token";

        // Act
        var error = await Assert.ThrowsAsync<GraphRequestException>(() => reader.ReadDeltaPageAsync(broken, CancellationToken.None));

        // Assert
        Assert.Equal(400, error.StatusCode);
    }

    [Fact]
    public async Task GetLatestDeltaLink_ExistingGroups_SkipsThemAndSeesLaterChanges()
    {
        // Arrange
        _graph.Tenant.CreateGroup(GroupDraft.Security("Old") with { Members = SyntheticUsers.Ids(1, 5) });
        var reader = _graph.CreateReader();

        // Act
        var latest = await reader.GetLatestDeltaLinkAsync(CancellationToken.None);
        var created = _graph.Tenant.CreateGroup(GroupDraft.Security("New"));
        var changes = (await ReadRoundAsync(reader, latest)).SelectMany(p => p.Changes).ToList();

        // Assert
        Assert.Equal([created], changes.Select(c => c.GroupId).ToArray());
    }

    [Fact]
    public async Task ReadDeltaPage_WritebackConfigurationRead_UsesBetaAndMapsIt()
    {
        // Arrange
        var group = _graph.Tenant.CreateGroup(GroupDraft.Security("Writeback") with
        {
            WritebackConfiguration = new WritebackConfiguration(true, "universalSecurityGroup"),
        });
        var reader = _graph.CreateReader();

        // Act
        var change = Assert.Single((await ReadRoundAsync(reader, null)).SelectMany(p => p.Changes));

        // Assert
        Assert.Equal(group, change.GroupId);
        Assert.True(change.Group!.WritebackEnabled);
        Assert.Equal(OnPremisesGroupType.UniversalSecurityGroup, change.Group.WritebackGroupType);
        Assert.All(_graph.Requests.Matching("/", "GET"), r => Assert.StartsWith("/beta/groups/delta", r.Path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadDeltaPage_WritebackConfigurationNotRead_StaysOnV1()
    {
        // Arrange
        _graph.Tenant.CreateGroup(GroupDraft.Security("Plain"));
        var reader = _graph.CreateReader(new Dictionary<string, string?> { ["Graph:ReadWritebackConfiguration"] = "false" });

        // Act
        var change = Assert.Single((await ReadRoundAsync(reader, null)).SelectMany(p => p.Changes));

        // Assert
        Assert.Null(change.Group!.WritebackEnabled);
        Assert.StartsWith("/v1.0/groups/delta", Assert.Single(_graph.Requests).Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadDeltaPage_LinkToAnotherHost_IsRefusedWithoutCallingIt()
    {
        // Arrange
        var reader = _graph.CreateReader();

        // Act
        var error = await Assert.ThrowsAsync<GraphRequestException>(() =>
            reader.ReadDeltaPageAsync("https://attacker.example/v1.0/groups/delta?$deltatoken=x", CancellationToken.None));

        // Assert
        Assert.False(error.IsTransient);
        Assert.Contains("GET groups/delta", error.Message, StringComparison.Ordinal);
        Assert.Empty(_graph.Requests);
    }

    private static async Task<List<DeltaPage>> ReadRoundAsync(IGraphGroupReader reader, string? link)
    {
        var pages = new List<DeltaPage>();
        do
        {
            var page = await reader.ReadDeltaPageAsync(link, CancellationToken.None);
            pages.Add(page);
            link = page.NextLink;
        }
        while (link is not null);

        return pages;
    }
}
