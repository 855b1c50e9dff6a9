using System.Net.Http.Json;
using GroupWriteback.Cloud.Graph;
using GroupWriteback.Cloud.Tests.Emulation;
using GroupWriteback.GraphEmulator.Model;
using GroupWriteback.GraphEmulator.Subscriptions;
using Microsoft.Extensions.DependencyInjection;

namespace GroupWriteback.Cloud.Tests.Graph;

public sealed class GraphSubscriptionManagerTests : IAsyncLifetime
{
    private const string ClientState = "a-client-state-of-some-length";
    private GraphEmulatorFixture _graph = null!;
    private NotificationEndpointHost _endpoint = null!;
    private IGraphSubscriptionManager _manager = null!;
    private RecordingDeltaSignal _signal = null!;

    public async Task InitializeAsync()
    {
        _graph = await GraphEmulatorFixture.StartAsync(SyntheticUsers.Tenant(1));
        _endpoint = await NotificationEndpointHost.StartAsync();
        var services = _graph.CreateServices(new Dictionary<string, string?>
        {
            ["Graph:NotificationUrl"] = _endpoint.NotificationUrl.ToString(),
            ["Graph:ClientState"] = ClientState,
        });
        _endpoint.Use(services);
        _manager = services.GetRequiredService<IGraphSubscriptionManager>();
        _signal = services.GetRequiredService<RecordingDeltaSignal>();
    }

    public async Task DisposeAsync()
    {
        await _graph.DisposeAsync();
        await _endpoint.DisposeAsync();
    }

    [Fact]
    public async Task EnsureSubscription_NoneExists_CreatesOneOnGroupsAfterTheHandshake()
    {
        // Act
        var info = await _manager.EnsureSubscriptionAsync(_endpoint.NotificationUrl, ClientState, CancellationToken.None);

        // Assert
        var stored = Assert.Single(_graph.Control.Subscriptions.List());
        Assert.Equal(info.Id, stored.Id);
        Assert.Equal("groups", stored.Resource);
        Assert.Equal("created,updated,deleted", stored.ChangeType);
        Assert.Equal(ClientState, stored.ClientState);
        Assert.Equal(_endpoint.NotificationUrl, stored.NotificationUrl);
        Assert.Equal(_endpoint.NotificationUrl, stored.LifecycleNotificationUrl);
        Assert.InRange(stored.ExpirationDateTime, DateTimeOffset.UtcNow.AddMinutes(41700), DateTimeOffset.UtcNow.AddMinutes(41760));
        Assert.Equal(stored.ExpirationDateTime, info.ExpiresAt);
        Assert.Contains(_graph.Control.Deliveries, d => d.Kind == DeliveryKind.Validation && d.StatusCode == 200);
    }

    [Fact]
    public async Task EnsureSubscription_CurrentOne_KeepsItWithoutRenewing()
    {
        // Arrange
        var first = await _manager.EnsureSubscriptionAsync(_endpoint.NotificationUrl, ClientState, CancellationToken.None);

        // Act
        var second = await _manager.EnsureSubscriptionAsync(_endpoint.NotificationUrl, ClientState, CancellationToken.None);

        // Assert
        Assert.Equal(first.Id, second.Id);
        Assert.Empty(_graph.Requests.Matching("/v1.0/subscriptions/", "PATCH"));
        Assert.Single(_graph.Requests.Matching("/v1.0/subscriptions", "POST"));
    }

    [Fact]
    public async Task EnsureSubscription_ExpiringWithinRenewalWindow_RenewsTheSameSubscription()
    {
        // Arrange
        var shortLived = await CreateDirectlyAsync(DateTimeOffset.UtcNow.AddHours(2));

        // Act
        var info = await _manager.EnsureSubscriptionAsync(_endpoint.NotificationUrl, ClientState, CancellationToken.None);

        // Assert
        Assert.Equal(shortLived, info.Id);
        Assert.True(_graph.Control.Subscriptions.Find(shortLived)!.ExpirationDateTime > DateTimeOffset.UtcNow.AddDays(28));
        Assert.Equal(200, Assert.Single(_graph.Requests.Matching($"/v1.0/subscriptions/{shortLived}", "PATCH")).StatusCode);
    }

    [Fact]
    public async Task EnsureSubscription_RemovedByGraph_CreatesANewOne()
    {
        // Arrange
        var first = await _manager.EnsureSubscriptionAsync(_endpoint.NotificationUrl, ClientState, CancellationToken.None);
        _graph.Control.Subscriptions.Remove(first.Id);

        // Act
        var second = await _manager.EnsureSubscriptionAsync(_endpoint.NotificationUrl, ClientState, CancellationToken.None);

        // Assert
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(second.Id, Assert.Single(_graph.Control.Subscriptions.List()).Id);
    }

    [Fact]
    public async Task EnsureSubscription_RenewalAnswers404_CreatesANewOne()
    {
        // Arrange
        var shortLived = await CreateDirectlyAsync(DateTimeOffset.UtcNow.AddHours(2));
        _graph.Control.InjectFault($"/v1.0/subscriptions/{shortLived}", 404, retryAfterSeconds: 0);

        // Act
        var info = await _manager.EnsureSubscriptionAsync(_endpoint.NotificationUrl, ClientState, CancellationToken.None);

        // Assert
        Assert.NotEqual(shortLived, info.Id);
        Assert.Equal(404, Assert.Single(_graph.Requests.Matching($"/v1.0/subscriptions/{shortLived}", "PATCH")).StatusCode);
        Assert.NotNull(_graph.Control.Subscriptions.Find(info.Id));
    }

    [Fact]
    public async Task EnsureSubscription_ClientStateChanged_ReplacesTheSubscription()
    {
        // Arrange
        var old = await _manager.EnsureSubscriptionAsync(_endpoint.NotificationUrl, "an-older-client-state-value", CancellationToken.None);

        // Act
        var current = await _manager.EnsureSubscriptionAsync(_endpoint.NotificationUrl, ClientState, CancellationToken.None);

        // Assert
        var stored = Assert.Single(_graph.Control.Subscriptions.List());
        Assert.Equal(current.Id, stored.Id);
        Assert.NotEqual(old.Id, stored.Id);
        Assert.Equal(ClientState, stored.ClientState);
    }

    [Fact]
    public async Task ReauthorizationRequired_DeliveredToTheEndpoint_IsAnsweredAndSignalsDelta()
    {
        // Arrange
        var info = await _manager.EnsureSubscriptionAsync(_endpoint.NotificationUrl, ClientState, CancellationToken.None);

        // Act
        var status = await _graph.Control.SendLifecycleEventAsync(info.Id, LifecycleEvents.ReauthorizationRequired);

        // Assert
        Assert.Equal(202, status);
        var stored = _graph.Control.Subscriptions.Find(info.Id)!;
        Assert.False(stored.ReauthorizationRequired);
        Assert.Equal(1, stored.Reauthorizations);
        Assert.Equal(["lifecycle:reauthorizationRequired"], _signal.Reasons.ToArray());
    }

    [Fact]
    public async Task SubscriptionRemoved_DeliveredToTheEndpoint_RecreatesTheSubscription()
    {
        // Arrange
        var info = await _manager.EnsureSubscriptionAsync(_endpoint.NotificationUrl, ClientState, CancellationToken.None);

        // Act
        var status = await _graph.Control.SendLifecycleEventAsync(info.Id, LifecycleEvents.SubscriptionRemoved);

        // Assert
        Assert.Equal(202, status);
        var recreated = Assert.Single(_graph.Control.Subscriptions.List());
        Assert.NotEqual(info.Id, recreated.Id);
        Assert.Equal(ClientState, recreated.ClientState);
    }

    [Fact]
    public async Task GroupChanges_WithSubscription_ReachTheEndpointAndSignalDelta()
    {
        // Arrange
        await _manager.EnsureSubscriptionAsync(_endpoint.NotificationUrl, ClientState, CancellationToken.None);

        // Act
        var group = _graph.Tenant.CreateGroup(GroupDraft.Security("Noticed"));
        _graph.Tenant.AddMember(group, SyntheticUsers.Id(1));

        // Assert
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (_signal.Reasons.IsEmpty && DateTime.UtcNow < deadline)
        {
            await Task.Delay(25);
        }

        Assert.Contains("changeNotification", _signal.Reasons);
        Assert.All(_graph.Control.Deliveries.Where(d => d.Kind == DeliveryKind.Change), d => Assert.Equal(202, d.StatusCode));
    }

    /// <summary>A subscription made the way another instance of the app would have made it, with a short lifetime.</summary>
    private async Task<string> CreateDirectlyAsync(DateTimeOffset expires)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"{_graph.BaseUrl}/subscriptions"))
        {
            Content = JsonContent.Create(new
            {
                changeType = "created,updated,deleted",
                notificationUrl = _endpoint.NotificationUrl.ToString(),
                resource = "groups",
                expirationDateTime = expires,
                clientState = ClientState,
            }),
        };
        request.Headers.Authorization = new("Bearer", "token");
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>();
        return (string)created!["id"]!;
    }
}
