using GroupWriteback.GraphEmulator.Hosting;
using GroupWriteback.GraphEmulator.Model;
using GroupWriteback.GraphEmulator.Tests.Support;
using Microsoft.Graph;
using Microsoft.Graph.Models;

namespace GroupWriteback.GraphEmulator.Tests.Delta;

/// <summary>
/// <c>Prefer: return=minimal</c> on a tracking round: an updated group carries its id and only what changed, so
/// clients see partial entries (no <c>groupTypes</c>, <c>securityEnabled</c>, … when those did not change); devices
/// join and leave groups as <c>#microsoft.graph.device</c>.
/// </summary>
public sealed class MinimalDeltaTests : IAsyncLifetime
{
    private static readonly string[] Tracked = ["displayName", "groupTypes", "securityEnabled", "mailEnabled", "members"];
    private RunningGraphEmulator _emulator = null!;
    private GraphServiceClient _graph = null!;

    public async Task InitializeAsync()
    {
        _emulator = await GraphEmulatorServer.StartAsync(SyntheticUsers.Tenant(5));
        _graph = SdkClients.For(_emulator);
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task DeltaLink_PreferMinimal_MemberChangeCarriesOnlyIdAndMembersDelta()
    {
        // Arrange
        var device = _emulator.Tenant.AddDevice("Kiosk");
        var group = _emulator.Tenant.CreateGroup(GroupDraft.Security("Kiosks") with { Members = [SyntheticUsers.Id(1), device] });
        var link = await LatestAsync();
        _emulator.Tenant.RemoveMember(group, device);
        _emulator.Tenant.AddMember(group, SyntheticUsers.Id(2));

        // Act
        var entry = Assert.Single(await ReadAsync(link, minimal: true));

        // Assert
        Assert.Equal((group, null, null, null), (entry.Id, entry.DisplayName, entry.SecurityEnabled, entry.GroupTypes));
        Assert.Equal([("#microsoft.graph.device", device, "deleted"), ("#microsoft.graph.user", SyntheticUsers.Id(2), null)], DeltaWire.MembersDelta(entry));
    }

    [Fact]
    public async Task DeltaLink_PreferMinimal_RenameCarriesOnlyTheNewName()
    {
        // Arrange
        var group = _emulator.Tenant.CreateGroup(GroupDraft.Security("Before"));
        var link = await LatestAsync();
        _emulator.Tenant.UpdateGroup(group, new GroupUpdate { DisplayName = "After" });

        // Act
        var minimal = Assert.Single(await ReadAsync(link, minimal: true));
        var complete = Assert.Single(await ReadAsync(link, minimal: false));

        // Assert: without the preference the entry carries every selected property.
        Assert.Equal(("After", null, null), (minimal.DisplayName, minimal.SecurityEnabled, minimal.MailEnabled));
        Assert.Equal(("After", true, false), (complete.DisplayName, complete.SecurityEnabled, complete.MailEnabled));
    }

    [Fact]
    public async Task DeltaLink_PreferMinimal_CreatedGroupIsComplete()
    {
        // Arrange
        var link = await LatestAsync();
        var group = _emulator.Tenant.CreateGroup(GroupDraft.Security("New"));

        // Act
        var entry = Assert.Single(await ReadAsync(link, minimal: true));

        // Assert
        Assert.Equal((group, "New", true, false), (entry.Id, entry.DisplayName, entry.SecurityEnabled, entry.MailEnabled));
    }

    private async Task<string> LatestAsync()
    {
        var url = $"{_emulator.BaseUrl}/groups/delta?$select={string.Join(',', Tracked)}&$deltatoken=latest";
        return (await _graph.Groups.Delta.WithUrl(url).GetAsDeltaGetResponseAsync())!.OdataDeltaLink!;
    }

    private async Task<List<Group>> ReadAsync(string link, bool minimal)
    {
        var page = await _graph.Groups.Delta.WithUrl(link).GetAsDeltaGetResponseAsync(r =>
        {
            if (minimal)
            {
                r.Headers.Add("Prefer", "return=minimal");
            }
        });
        return [.. page!.Value!];
    }
}
