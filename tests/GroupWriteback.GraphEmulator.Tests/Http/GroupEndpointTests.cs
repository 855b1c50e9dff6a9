using GroupWriteback.GraphEmulator.Hosting;
using GroupWriteback.GraphEmulator.Model;
using GroupWriteback.GraphEmulator.Tests.Support;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions.Serialization;

namespace GroupWriteback.GraphEmulator.Tests.Http;

public sealed class GroupEndpointTests : IAsyncLifetime
{
    private RunningGraphEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await GraphEmulatorServer.StartAsync(SyntheticUsers.Tenant(2));

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task ListGroups_FilterAndPaging_ReturnsMatchingGroupsOverPages()
    {
        // Arrange
        for (var i = 0; i < 5; i++)
        {
            _emulator.Tenant.CreateGroup(GroupDraft.Microsoft365($"Team {i}", $"team{i}"));
        }

        _emulator.Tenant.CreateGroup(GroupDraft.Security("Not a team"));
        var graph = SdkClients.For(_emulator);

        // Act
        var names = new List<string?>();
        var page = await graph.Groups.GetAsync(r =>
        {
            r.QueryParameters.Filter = "groupTypes/any(c:c eq 'Unified')";
            r.QueryParameters.Select = ["id", "displayName", "groupTypes"];
            r.QueryParameters.Top = 2;
        });
        while (page is not null)
        {
            names.AddRange(page.Value!.Select(g => g.DisplayName));
            page = page.OdataNextLink is null ? null : await graph.Groups.WithUrl(page.OdataNextLink).GetAsync();
        }

        // Assert
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"Team {i}"), names);
    }

    [Fact]
    public async Task CreateGroup_WithSdkModel_IsStoredAndReadBack()
    {
        // Arrange
        var graph = SdkClients.For(_emulator);
        var draft = new Group
        {
            DisplayName = "Created",
            MailNickname = "created",
            MailEnabled = false,
            SecurityEnabled = true,
            AdditionalData = new Dictionary<string, object> { ["members@odata.bind"] = new[] { $"{_emulator.BaseUrl}/directoryObjects/{SyntheticUsers.Id(1)}" } },
        };

        // Act
        var created = await graph.Groups.PostAsync(draft);
        var read = await graph.Groups[created!.Id].GetAsync();

        // Assert
        Assert.Equal("Created", read!.DisplayName);
        Assert.True(read.SecurityEnabled);
        Assert.Equal([SyntheticUsers.Id(1)], _emulator.Tenant.ListMembers(created.Id!).Select(m => m.Id).ToArray());
    }

    [Fact]
    public async Task GetGroup_WritebackConfigurationOnV1_IsRejectedAsGraphDoes()
    {
        // Arrange
        var id = _emulator.Tenant.CreateGroup(GroupDraft.Security("Any"));
        var graph = SdkClients.For(_emulator);

        // Act
        var error = await Assert.ThrowsAsync<ODataError>(() => graph.Groups[id].GetAsync(r => r.QueryParameters.Select = ["id", "writebackConfiguration"]));

        // Assert
        Assert.Equal(400, error.ResponseStatusCode);
        Assert.Contains("writebackConfiguration", error.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetGroup_WritebackConfigurationOnBeta_ArrivesInAdditionalData()
    {
        // Arrange
        var id = _emulator.Tenant.CreateGroup(GroupDraft.Security("Any") with { WritebackConfiguration = new WritebackConfiguration(true, "universalSecurityGroup") });
        var graph = SdkClients.For(_emulator, beta: true);

        // Act
        var group = await graph.Groups[id].GetAsync(r => r.QueryParameters.Select = ["id", "displayName", "writebackConfiguration"]);

        // Assert
        var writeback = Assert.IsType<UntypedObject>(group!.AdditionalData["writebackConfiguration"]).GetValue();
        Assert.True(((UntypedBoolean)writeback["isEnabled"]).GetValue());
        Assert.Equal("universalSecurityGroup", ((UntypedString)writeback["onPremisesGroupType"]).GetValue());
    }

    [Fact]
    public async Task UpdateAndDeleteGroup_ThroughSdk_ChangeTheTenant()
    {
        // Arrange
        var id = _emulator.Tenant.CreateGroup(GroupDraft.Security("Before"));
        var graph = SdkClients.For(_emulator);

        // Act
        await graph.Groups[id].PatchAsync(new Group { DisplayName = "After", Description = "changed" });
        var renamed = _emulator.Tenant.FindGroup(id);
        await graph.Groups[id].DeleteAsync();

        // Assert
        Assert.Equal("After", renamed!.DisplayName);
        Assert.Equal("changed", renamed.Description);
        Assert.Null(_emulator.Tenant.FindGroup(id));
        var error = await Assert.ThrowsAsync<ODataError>(() => graph.Groups[id].GetAsync());
        Assert.Equal(404, error.ResponseStatusCode);
        Assert.Equal("Request_ResourceNotFound", error.Error!.Code);
    }
}
