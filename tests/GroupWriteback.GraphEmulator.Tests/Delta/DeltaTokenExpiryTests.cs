using GroupWriteback.GraphEmulator.Hosting;
using GroupWriteback.GraphEmulator.Model;
using GroupWriteback.GraphEmulator.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Graph;
using Microsoft.Graph.Models.ODataErrors;

namespace GroupWriteback.GraphEmulator.Tests.Delta;

public sealed class DeltaTokenExpiryTests
{
    [Fact]
    public async Task DeltaLink_AfterExpireDeltaTokens_Answers410WithResyncCodeAndLocation()
    {
        // Arrange
        await using var emulator = await GraphEmulatorServer.StartAsync(SyntheticUsers.Tenant(1));
        var graph = SdkClients.For(emulator);
        emulator.Tenant.CreateGroup(GroupDraft.Security("Any"));
        var round = await graph.Groups.Delta.GetAsDeltaGetResponseAsync(r => r.QueryParameters.Select = ["displayName", "members"]);
        emulator.Control.ExpireDeltaTokens();

        // Act
        var error = await Assert.ThrowsAsync<ODataError>(() => graph.Groups.Delta.WithUrl(round!.OdataDeltaLink!).GetAsDeltaGetResponseAsync());

        // Assert
        Assert.Equal(410, error.ResponseStatusCode);
        Assert.Equal("resyncRequired", error.Error!.Code);
        var location = Assert.Single(error.ResponseHeaders["Location"]);
        Assert.Equal($"{emulator.BaseUrl}/groups/delta?$select=displayName%2Cmembers", location);
    }

    [Fact]
    public async Task DeltaLink_OlderThanTokenLifetime_Answers400SyncStateNotFound()
    {
        // Arrange
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2025-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var emulator = await GraphEmulatorServer.StartAsync(SyntheticUsers.Tenant(1, time), o => o.DeltaTokenLifetime = TimeSpan.FromDays(7));
        var (graph, deltaLink) = await FirstRoundAsync(emulator);
        time.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));

        // Act
        var error = await Assert.ThrowsAsync<ODataError>(() => graph.Groups.Delta.WithUrl(deltaLink).GetAsDeltaGetResponseAsync());

        // Assert
        Assert.Equal(400, error.ResponseStatusCode);
        Assert.Equal("syncStateNotFound", error.Error!.Code);
    }

    [Fact]
    public async Task DeltaLink_WithinTokenLifetime_IsHonoured()
    {
        // Arrange
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2025-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var emulator = await GraphEmulatorServer.StartAsync(SyntheticUsers.Tenant(1, time), o => o.DeltaTokenLifetime = TimeSpan.FromDays(7));
        var (graph, deltaLink) = await FirstRoundAsync(emulator);
        time.Advance(TimeSpan.FromDays(6));
        var created = emulator.Tenant.CreateGroup(GroupDraft.Security("Late"));

        // Act
        var next = await graph.Groups.Delta.WithUrl(deltaLink).GetAsDeltaGetResponseAsync();

        // Assert
        Assert.Equal(created, Assert.Single(next!.Value!).Id);
    }

    [Fact]
    public async Task NextLink_AfterReset_Answers410()
    {
        // Arrange
        await using var emulator = await GraphEmulatorServer.StartAsync(SyntheticUsers.Tenant(1), o => o.DeltaPageSize = 1);
        var graph = SdkClients.For(emulator);
        emulator.Tenant.CreateGroup(GroupDraft.Security("One"));
        emulator.Tenant.CreateGroup(GroupDraft.Security("Two"));
        var first = await graph.Groups.Delta.GetAsDeltaGetResponseAsync();
        emulator.Control.Reset(new TenantFileDocument());

        // Act
        var error = await Assert.ThrowsAsync<ODataError>(() => graph.Groups.Delta.WithUrl(first!.OdataNextLink!).GetAsDeltaGetResponseAsync());

        // Assert
        Assert.Equal(410, error.ResponseStatusCode);
        Assert.Empty(emulator.Tenant.ListGroups());
    }

    [Fact]
    public async Task DeltaToken_Garbled_Answers400()
    {
        // Arrange
        await using var emulator = await GraphEmulatorServer.StartAsync();
        var graph = SdkClients.For(emulator);

        // Act
        var error = await Assert.ThrowsAsync<ODataError>(() =>
            graph.Groups.Delta.WithUrl($"{emulator.BaseUrl}/groups/delta?$deltatoken=not-a-token").GetAsDeltaGetResponseAsync());

        // Assert
        Assert.Equal(400, error.ResponseStatusCode);
    }

    private static async Task<(GraphServiceClient Graph, string DeltaLink)> FirstRoundAsync(RunningGraphEmulator emulator)
    {
        var graph = SdkClients.For(emulator);
        var round = await graph.Groups.Delta.GetAsDeltaGetResponseAsync();
        return (graph, round!.OdataDeltaLink!);
    }
}
