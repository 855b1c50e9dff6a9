using GroupWriteback.GraphEmulator.Hosting;
using GroupWriteback.GraphEmulator.Model;
using GroupWriteback.GraphEmulator.Subscriptions;
using GroupWriteback.GraphEmulator.Tests.Support;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace GroupWriteback.GraphEmulator.Tests.Subscriptions;

public sealed class SubscriptionEndpointTests : IAsyncLifetime
{
    private const int MaxLifetimeMinutes = 41760;
    private RunningGraphEmulator _emulator = null!;
    private NotificationReceiver _receiver = null!;
    private GraphServiceClient _graph = null!;

    public async Task InitializeAsync()
    {
        _emulator = await GraphEmulatorServer.StartAsync(SyntheticUsers.Tenant(3), o =>
        {
            o.ValidationTimeout = TimeSpan.FromSeconds(5);
            o.NotificationRetryDelay = TimeSpan.FromMilliseconds(10);
        });
        _receiver = await NotificationReceiver.StartAsync();
        _graph = SdkClients.For(_emulator);
    }

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task Create_EndpointsEchoToken_ValidatesBothAndReturnsSubscription()
    {
        // Arrange
        var expires = DateTimeOffset.UtcNow.AddDays(2);

        // Act
        var created = await _graph.Subscriptions.PostAsync(Request(expires));

        // Assert
        Assert.Equal("groups", created!.Resource);
        Assert.Equal("created,updated,deleted", created.ChangeType);
        Assert.Equal("secret-state", created.ClientState);
        Assert.Equal(expires.ToUnixTimeSeconds(), created.ExpirationDateTime!.Value.ToUnixTimeSeconds());
        Assert.Equal(2, _receiver.ValidationTokens.Count);
        Assert.All(_receiver.ValidationTokens, t => Assert.StartsWith("Validation: Testing client application reachability", t, StringComparison.Ordinal));
        var listed = await _graph.Subscriptions.GetAsync();
        Assert.Equal(created.Id, Assert.Single(listed!.Value!).Id);
    }

    [Theory]
    [InlineData(NotificationReceiver.ValidationBehavior.EchoEncoded)]
    [InlineData(NotificationReceiver.ValidationBehavior.Silent)]
    public async Task Create_EndpointFailsHandshake_Answers400AndCreatesNothing(NotificationReceiver.ValidationBehavior behavior)
    {
        // Arrange
        _receiver.Validation = behavior;

        // Act
        var error = await Assert.ThrowsAsync<ODataError>(() => _graph.Subscriptions.PostAsync(Request(DateTimeOffset.UtcNow.AddDays(1))));

        // Assert
        Assert.Equal(400, error.ResponseStatusCode);
        Assert.Contains("validation", error.Error!.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(_emulator.Control.Subscriptions.List());
    }

    [Fact]
    public async Task Create_ExpirationBeyond41760Minutes_Answers400()
    {
        // Act
        var error = await Assert.ThrowsAsync<ODataError>(() =>
            _graph.Subscriptions.PostAsync(Request(DateTimeOffset.UtcNow.AddMinutes(MaxLifetimeMinutes + 5))));

        // Assert
        Assert.Equal(400, error.ResponseStatusCode);
        Assert.Contains("41760 minutes", error.Error!.Message, StringComparison.Ordinal);
        Assert.Empty(_receiver.ValidationTokens);
    }

    [Fact]
    public async Task GroupChanges_ActiveSubscription_PostsChangeNotificationsWithClientState()
    {
        // Arrange
        var subscription = await _graph.Subscriptions.PostAsync(Request(DateTimeOffset.UtcNow.AddDays(1)));
        var group = _emulator.Tenant.CreateGroup(GroupDraft.Security("Watched"));

        // Act
        _emulator.Tenant.AddMember(group, SyntheticUsers.Id(1));
        _emulator.Tenant.DeleteGroup(group);

        // Assert
        var items = await Eventually.ReturnsAsync(() => _receiver.Items() is { Count: >= 3 } all ? all : null, "three change notifications");
        Assert.Equal(["created", "updated", "deleted"], items.Select(i => (string)i["changeType"]!).ToArray());
        Assert.All(items, i =>
        {
            Assert.Equal(subscription!.Id, (string)i["subscriptionId"]!);
            Assert.Equal("secret-state", (string)i["clientState"]!);
            Assert.Equal($"Groups/{group}", (string)i["resource"]!);
            Assert.Equal(group, (string)i["resourceData"]!["id"]!);
            Assert.Equal(_emulator.Tenant.TenantId, (string)i["tenantId"]!);
        });
    }

    [Fact]
    public async Task GroupChanges_ManyAtOnce_AreSentInBatchesOfAtMost100()
    {
        // Arrange
        await _graph.Subscriptions.PostAsync(Request(DateTimeOffset.UtcNow.AddDays(1)));
        var group = _emulator.Tenant.CreateGroup(GroupDraft.Security("Busy"));

        // Act: 150 membership changes in a burst.
        for (var i = 0; i < 50; i++)
        {
            _emulator.Tenant.AddMember(group, SyntheticUsers.Id(1));
            _emulator.Tenant.AddMember(group, SyntheticUsers.Id(2));
            _emulator.Tenant.RemoveMember(group, SyntheticUsers.Id(1));
            _emulator.Tenant.RemoveMember(group, SyntheticUsers.Id(2));
        }

        // Assert
        await Eventually.ReturnsAsync(() => _receiver.Items() is { Count: 201 } all ? all : null, "201 change notifications");
        var bodies = _receiver.Notifications.Where(n => n.Path == "/notify").Select(n => n.Body["value"]!.AsArray().Count).ToList();
        Assert.All(bodies, count => Assert.InRange(count, 1, 100));
        Assert.True(bodies.Count >= 3);
    }

    [Fact]
    public async Task GroupChange_SubscriberFailsTwice_IsRetriedUntilAccepted()
    {
        // Arrange
        await _graph.Subscriptions.PostAsync(Request(DateTimeOffset.UtcNow.AddDays(1)));
        _receiver.FailNext(2);

        // Act
        _emulator.Tenant.CreateGroup(GroupDraft.Security("Retried"));

        // Assert
        var item = await Eventually.ReturnsAsync(() => _receiver.Items() is [var first, ..] ? first : null, "the retried notification");
        Assert.Equal("created", (string)item["changeType"]!);
        Assert.Equal(2, _receiver.RejectedDeliveries);
        Assert.Equal([500, 500, 202], _emulator.Control.Deliveries.Where(d => d.Kind == DeliveryKind.Change).Select(d => d.StatusCode ?? 0).ToArray());
    }

    [Fact]
    public async Task RenewAndReauthorize_AfterChallenge_ClearTheChallengeAndExtend()
    {
        // Arrange
        var subscription = await _graph.Subscriptions.PostAsync(Request(DateTimeOffset.UtcNow.AddHours(1)));
        var status = await _emulator.Control.SendLifecycleEventAsync(subscription!.Id!, LifecycleEvents.ReauthorizationRequired);
        var challenged = _emulator.Control.Subscriptions.Find(subscription.Id!);
        var renewedUntil = DateTimeOffset.UtcNow.AddDays(3);

        // Act
        var renewed = await _graph.Subscriptions[subscription.Id].PatchAsync(new Subscription { ExpirationDateTime = renewedUntil });
        await _graph.Subscriptions[subscription.Id].Reauthorize.PostAsync();

        // Assert
        Assert.Equal(202, status);
        Assert.True(challenged!.ReauthorizationRequired);
        var lifecycle = Assert.Single(_receiver.Items("/lifecycle"));
        Assert.Equal("reauthorizationRequired", (string)lifecycle["lifecycleEvent"]!);
        Assert.Equal("secret-state", (string)lifecycle["clientState"]!);
        Assert.Equal(renewedUntil.ToUnixTimeSeconds(), renewed!.ExpirationDateTime!.Value.ToUnixTimeSeconds());
        var stored = _emulator.Control.Subscriptions.Find(subscription.Id!)!;
        Assert.False(stored.ReauthorizationRequired);
        Assert.Equal(2, stored.Reauthorizations);
        Assert.Equal(1, stored.Renewals);
    }

    [Fact]
    public async Task Delete_ThenRenew_Answers404()
    {
        // Arrange
        var subscription = await _graph.Subscriptions.PostAsync(Request(DateTimeOffset.UtcNow.AddHours(1)));
        await _graph.Subscriptions[subscription!.Id].DeleteAsync();

        // Act
        var error = await Assert.ThrowsAsync<ODataError>(() =>
            _graph.Subscriptions[subscription.Id].PatchAsync(new Subscription { ExpirationDateTime = DateTimeOffset.UtcNow.AddDays(1) }));

        // Assert
        Assert.Equal(404, error.ResponseStatusCode);
        Assert.Empty(_emulator.Control.Subscriptions.List());
    }

    private Subscription Request(DateTimeOffset expires) => new()
    {
        ChangeType = "created,updated,deleted",
        NotificationUrl = _receiver.NotificationUrl.ToString(),
        LifecycleNotificationUrl = _receiver.LifecycleUrl.ToString(),
        Resource = "groups",
        ExpirationDateTime = expires,
        ClientState = "secret-state",
    };
}
