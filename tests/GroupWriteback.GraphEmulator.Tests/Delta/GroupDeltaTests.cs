using GroupWriteback.GraphEmulator.Hosting;
using GroupWriteback.GraphEmulator.Model;
using GroupWriteback.GraphEmulator.Tests.Support;
using Microsoft.Graph;
using Microsoft.Graph.Groups.Delta;
using Microsoft.Graph.Models;

namespace GroupWriteback.GraphEmulator.Tests.Delta;

public sealed class GroupDeltaTests : IAsyncLifetime
{
    private static readonly string[] Tracked = ["displayName", "description", "members"];
    private RunningGraphEmulator _emulator = null!;
    private GraphServiceClient _graph = null!;

    public async Task InitializeAsync()
    {
        _emulator = await GraphEmulatorServer.StartAsync(SyntheticUsers.Tenant(20), o =>
        {
            o.DeltaPageSize = 2;
            o.DeltaMembersPerEntry = 4;
        });
        _graph = SdkClients.For(_emulator);
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task InitialRound_SeveralPages_ReturnsEveryGroupAndMemberThenDeltaLink()
    {
        // Arrange: 10 members split over 3 entries of one group, plus two other groups: 5 entries, 3 pages.
        var big = _emulator.Tenant.CreateGroup(GroupDraft.Security("Big") with { Members = SyntheticUsers.Ids(1, 10) });
        _emulator.Tenant.CreateGroup(GroupDraft.Security("Empty"));
        _emulator.Tenant.CreateGroup(GroupDraft.Microsoft365("Team", "team") with { Members = [SyntheticUsers.Id(11)] });

        // Act
        var (entries, pages, deltaLink) = await ReadRoundAsync(null);

        // Assert
        Assert.Equal(3, pages);
        Assert.NotNull(deltaLink);
        Assert.Contains("$deltatoken=", deltaLink, StringComparison.Ordinal);
        var bigEntries = entries.Where(e => e.Id == big).ToList();
        Assert.Equal(3, bigEntries.Count);
        Assert.All(bigEntries, e => Assert.Equal("Big", e.DisplayName));
        var members = bigEntries.SelectMany(DeltaWire.MembersDelta).ToList();
        Assert.Equal(SyntheticUsers.Ids(1, 10), members.Select(m => m.Id).ToList());
        Assert.All(members, m => Assert.Equal("#microsoft.graph.user", m.Type));
        Assert.All(members, m => Assert.Null(m.Removed));
        Assert.Equal(new string?[] { "Big", "Empty", "Team" }, entries.Select(e => e.DisplayName).Distinct());
    }

    [Fact]
    public async Task DeltaLink_MembersAddedAndRemoved_ReturnsMembersDeltaWithRemovedAnnotation()
    {
        // Arrange
        var group = _emulator.Tenant.CreateGroup(GroupDraft.Security("Sales") with { Members = SyntheticUsers.Ids(1, 3) });
        var nested = _emulator.Tenant.CreateGroup(GroupDraft.Security("Nested"));
        var (_, _, deltaLink) = await ReadRoundAsync(null);
        _emulator.Tenant.RemoveMember(group, SyntheticUsers.Id(1));
        _emulator.Tenant.AddMember(group, SyntheticUsers.Id(4));
        _emulator.Tenant.AddMember(group, nested);
        _emulator.Tenant.AddMember(group, SyntheticUsers.Id(5));
        _emulator.Tenant.RemoveMember(group, SyntheticUsers.Id(5));

        // Act
        var (entries, _, next) = await ReadRoundAsync(deltaLink);

        // Assert: user 5 came and went within the round, so it is not reported.
        var entry = Assert.Single(entries);
        Assert.Equal(group, entry.Id);
        Assert.Equal("Sales", entry.DisplayName);
        var members = DeltaWire.MembersDelta(entry);
        Assert.Equal(
            [("#microsoft.graph.user", SyntheticUsers.Id(1), "deleted"), ("#microsoft.graph.user", SyntheticUsers.Id(4), null), ("#microsoft.graph.group", nested, null)],
            members);
        Assert.NotEqual(deltaLink, next);
    }

    [Fact]
    public async Task DeltaLink_GroupsDeleted_ReturnsRemovedWithChangedForMicrosoft365AndDeletedForSecurity()
    {
        // Arrange
        var team = _emulator.Tenant.CreateGroup(GroupDraft.Microsoft365("Team", "team"));
        var security = _emulator.Tenant.CreateGroup(GroupDraft.Security("Secure"));
        var (_, _, deltaLink) = await ReadRoundAsync(null);
        _emulator.Tenant.DeleteGroup(team);
        _emulator.Tenant.DeleteGroup(security);

        // Act
        var (entries, _, _) = await ReadRoundAsync(deltaLink);

        // Assert
        Assert.Equal([(team, "changed"), (security, "deleted")], entries.Select(e => (e.Id, DeltaWire.RemovedReason(e))).ToArray());
        Assert.All(entries, e => Assert.Null(e.DisplayName));
    }

    [Fact]
    public async Task DeltaLink_OnlyUntrackedPropertyChanged_ReturnsNoEntries()
    {
        // Arrange
        var group = _emulator.Tenant.CreateGroup(GroupDraft.Security("Quiet"));
        var (_, _, deltaLink) = await ReadRoundAsync(null);
        _emulator.Tenant.UpdateGroup(group, new GroupUpdate { Visibility = "Public" });

        // Act
        var (entries, pages, next) = await ReadRoundAsync(deltaLink);

        // Assert
        Assert.Empty(entries);
        Assert.Equal(1, pages);
        Assert.NotNull(next);
    }

    [Fact]
    public async Task DeltaTokenLatest_ExistingGroups_ReturnsEmptyPageWhoseDeltaLinkSeesOnlyLaterChanges()
    {
        // Arrange
        _emulator.Tenant.CreateGroup(GroupDraft.Security("Before"));
        var latestUrl = $"{_emulator.BaseUrl}/groups/delta?$select=displayName,members&$deltatoken=latest";

        // Act
        var latest = await _graph.Groups.Delta.WithUrl(latestUrl).GetAsDeltaGetResponseAsync();
        var after = _emulator.Tenant.CreateGroup(GroupDraft.Security("After"));
        var (entries, _, _) = await ReadRoundAsync(latest!.OdataDeltaLink);

        // Assert
        Assert.Empty(latest.Value!);
        Assert.Null(latest.OdataNextLink);
        Assert.Equal(new string?[] { after }, entries.Select(e => e.Id));
    }

    private async Task<(List<Group> Entries, int Pages, string? DeltaLink)> ReadRoundAsync(string? link)
    {
        var entries = new List<Group>();
        var pages = 0;
        DeltaGetResponse? page = link is null
            ? await _graph.Groups.Delta.GetAsDeltaGetResponseAsync(r => r.QueryParameters.Select = Tracked)
            : await _graph.Groups.Delta.WithUrl(link).GetAsDeltaGetResponseAsync();
        while (true)
        {
            pages++;
            entries.AddRange(page!.Value!);
            if (page.OdataNextLink is null)
            {
                return (entries, pages, page.OdataDeltaLink);
            }

            page = await _graph.Groups.Delta.WithUrl(page.OdataNextLink).GetAsDeltaGetResponseAsync();
        }
    }
}
