using System.Text;
using System.Text.Json.Nodes;
using GroupWriteback.Cloud.Graph;
using GroupWriteback.Cloud.Graph.Notifications;
using GroupWriteback.Cloud.Tests.Emulation;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GroupWriteback.Cloud.Tests.Graph;

public sealed class GraphNotificationHandlerTests
{
    private const string ClientState = "the-configured-client-state";
    private readonly RecordingDeltaSignal _signal = new();
    private readonly RecordingRepair _repair = new();

    [Fact]
    public async Task HandleAsync_ValidationToken_EchoesDecodedTokenAsTextPlain()
    {
        // Arrange
        var handler = Handler();

        // Act
        var response = await handler.HandleAsync("?validationToken=Validation%3A%20Testing%20client%20application%20reachability", Body(string.Empty), CancellationToken.None);

        // Assert
        Assert.Equal(200, response.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", response.ContentType);
        Assert.Equal("Validation: Testing client application reachability", response.Body);
        Assert.Empty(_signal.Reasons);
    }

    [Fact]
    public async Task HandleAsync_ThreeAuthenticChanges_SignalsOnceAndAccepts()
    {
        // Arrange
        var handler = Handler();
        var body = Batch(Change(ClientState, "created"), Change(ClientState, "updated"), Change(ClientState, "deleted"));

        // Act
        var response = await handler.HandleAsync(null, Body(body), CancellationToken.None);

        // Assert
        Assert.Equal(202, response.StatusCode);
        Assert.Null(response.Body);
        Assert.Equal(["changeNotification"], _signal.Reasons.ToArray());
    }

    [Theory]
    [InlineData("the-configured-client-statE")]
    [InlineData("short")]
    [InlineData(null)]
    public async Task HandleAsync_WrongClientState_Answers403WithoutSignalOrDetail(string? clientState)
    {
        // Arrange
        var handler = Handler();

        // Act
        var response = await handler.HandleAsync(string.Empty, Body(Batch(Change(clientState, "updated"))), CancellationToken.None);

        // Assert
        Assert.Equal(403, response.StatusCode);
        Assert.DoesNotContain("clientState", response.Body!, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Forbidden", JsonNode.Parse(response.Body!)!["error"]!["code"]!.GetValue<string>());
        Assert.Empty(_signal.Reasons);
    }

    [Fact]
    public async Task HandleAsync_MixedBatch_ProcessesOnlyAuthenticItems()
    {
        // Arrange
        var handler = Handler();
        var forged = Lifecycle("forged-state", "sub-forged", LifecycleEvents.SubscriptionRemoved);
        var body = Batch(forged, Change(ClientState, "updated"));

        // Act
        var response = await handler.HandleAsync(null, Body(body), CancellationToken.None);

        // Assert
        Assert.Equal(202, response.StatusCode);
        Assert.Equal(["changeNotification"], _signal.Reasons.ToArray());
        Assert.Empty(_repair.Calls);
    }

    [Fact]
    public async Task HandleAsync_LifecycleEvents_RepairsSubscriptionAndSignalsDelta()
    {
        // Arrange
        var handler = Handler();
        var body = Batch(
            Lifecycle(ClientState, "sub-1", LifecycleEvents.ReauthorizationRequired),
            Lifecycle(ClientState, "sub-1", LifecycleEvents.ReauthorizationRequired),
            Lifecycle(ClientState, "sub-2", LifecycleEvents.SubscriptionRemoved),
            Lifecycle(ClientState, "sub-3", LifecycleEvents.Missed));

        // Act
        var response = await handler.HandleAsync(null, Body(body), CancellationToken.None);

        // Assert
        Assert.Equal(202, response.StatusCode);
        Assert.Equal([("sub-1", "reauthorizationRequired"), ("sub-2", "subscriptionRemoved")], _repair.Calls.ToArray());
        Assert.Equal(["lifecycle:reauthorizationRequired"], _signal.Reasons.ToArray());
    }

    [Fact]
    public async Task HandleAsync_RepairOutlastsItsBudget_AnswersAcceptedInTimeAndLeavesTheRestToTheTimer()
    {
        // Arrange
        _repair.Hangs = true;
        var handler = Handler(repairBudget: TimeSpan.FromMilliseconds(200));
        var body = Batch(
            Lifecycle(ClientState, "sub-1", LifecycleEvents.ReauthorizationRequired),
            Lifecycle(ClientState, "sub-2", LifecycleEvents.SubscriptionRemoved));

        // Act: without the budget the stuck repair would hold the answer for good (the guard fails the test instead).
        var response = await handler.HandleAsync(null, Body(body), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        // Assert: answered, the delta signalled, the second repair left to the subscription timer.
        Assert.Equal(202, response.StatusCode);
        Assert.Equal(["lifecycle:reauthorizationRequired"], _signal.Reasons.ToArray());
        Assert.Equal([("sub-1", "reauthorizationRequired")], _repair.Calls.ToArray());
    }

    [Theory]
    [InlineData("this is not json")]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("""{"value":{}}""")]
    [InlineData("""{"value":[null]}""")]
    [InlineData("""{"value":[{"clientState":7}]}""")]
    [InlineData("")]
    public async Task HandleAsync_MalformedBody_Answers400WithGraphError(string body)
    {
        // Arrange
        var handler = Handler();

        // Act
        var response = await handler.HandleAsync(null, Body(body), CancellationToken.None);

        // Assert
        Assert.Equal(400, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.ContentType);
        var error = JsonNode.Parse(response.Body!)!["error"]!;
        Assert.Equal("InvalidRequest", error["code"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(error["message"]!.GetValue<string>()));
        Assert.Empty(_signal.Reasons);
    }

    [Fact]
    public async Task HandleAsync_BodyLargerThanLimit_Answers413()
    {
        // Arrange
        var handler = Handler();
        var huge = new string(' ', GraphNotificationHandler.MaxBodyBytes + 1);

        // Act
        var response = await handler.HandleAsync(null, Body(huge), CancellationToken.None);

        // Assert
        Assert.Equal(413, response.StatusCode);
        Assert.Empty(_signal.Reasons);
    }

    [Fact]
    public async Task HandleAsync_NoClientStateConfigured_RefusesEveryNotification()
    {
        // Arrange
        var handler = Handler(clientState: null);

        // Act
        var response = await handler.HandleAsync(null, Body(Batch(Change(ClientState, "updated"))), CancellationToken.None);

        // Assert
        Assert.Equal(403, response.StatusCode);
        Assert.Empty(_signal.Reasons);
    }

    [Fact]
    public async Task HandleAsync_SignalFails_Answers503SoGraphDeliversAgain()
    {
        // Arrange
        _signal.Failure = new InvalidOperationException("the workflow backend is down");
        var handler = Handler();

        // Act
        var response = await handler.HandleAsync(null, Body(Batch(Change(ClientState, "updated"))), CancellationToken.None);

        // Assert
        Assert.Equal(503, response.StatusCode);
        Assert.Equal("serviceNotAvailable", JsonNode.Parse(response.Body!)!["error"]!["code"]!.GetValue<string>());
    }

    private GraphNotificationHandler Handler(string? clientState = ClientState, TimeSpan? repairBudget = null) =>
        new(
            _signal,
            _repair,
            Options.Create(new GraphOptions { ClientState = clientState, LifecycleRepairBudget = repairBudget ?? TimeSpan.FromSeconds(2) }),
            NullLogger<GraphNotificationHandler>.Instance);

    private static MemoryStream Body(string text) => new(Encoding.UTF8.GetBytes(text));

    private static string Batch(params JsonObject[] items) => new JsonObject { ["value"] = new JsonArray(items) }.ToJsonString();

    private static JsonObject Change(string? clientState, string changeType) => new()
    {
        ["subscriptionId"] = "sub-1",
        ["clientState"] = clientState,
        ["changeType"] = changeType,
        ["resource"] = "Groups/3b8d2f41-7c6e-4a9d-b5e2-8f1a0c9d7e6b",
        ["resourceData"] = new JsonObject { ["@odata.type"] = "#Microsoft.Graph.Group", ["id"] = "3b8d2f41-7c6e-4a9d-b5e2-8f1a0c9d7e6b" },
        ["tenantId"] = "11111111-2222-3333-4444-555555555555",
    };

    private static JsonObject Lifecycle(string clientState, string subscriptionId, string lifecycleEvent) => new()
    {
        ["subscriptionId"] = subscriptionId,
        ["clientState"] = clientState,
        ["lifecycleEvent"] = lifecycleEvent,
        ["subscriptionExpirationDateTime"] = "2030-01-01T00:00:00Z",
        ["tenantId"] = "11111111-2222-3333-4444-555555555555",
    };

    private sealed class RecordingRepair : ISubscriptionRepair
    {
        public List<(string SubscriptionId, string LifecycleEvent)> Calls { get; } = [];

        /// <summary>When set, a repair waits until it is cancelled, as a Graph call stuck in retries would.</summary>
        public bool Hangs { get; set; }

        public Task RepairAsync(string subscriptionId, string lifecycleEvent, CancellationToken ct)
        {
            Calls.Add((subscriptionId, lifecycleEvent));
            return Hangs ? Task.Delay(Timeout.Infinite, ct) : Task.CompletedTask;
        }
    }
}
