using GroupWriteback.Cloud.Agents;
using GroupWriteback.Cloud.Api;
using GroupWriteback.Cloud.Audit;
using GroupWriteback.Cloud.Graph;
using GroupWriteback.Cloud.Graph.Notifications;
using GroupWriteback.Cloud.Hosting;
using GroupWriteback.Cloud.Results;
using GroupWriteback.Cloud.Workflows.Delta;
using GroupWriteback.Contracts.Results;
using GroupWriteback.Functions.Timers;
using GroupWriteback.Transport;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace GroupWriteback.Functions.Tests.Timers;

public sealed class ScheduledFunctionsTests
{
    private static readonly Uri NotificationUrl = new("https://gw.example.net/api/graph/notifications");
    private readonly FunctionsFixture _app = new();
    private readonly Mock<IGraphSubscriptionManager> _subscriptions = new();
    private readonly Mock<IResultSource> _results = new();
    private readonly TimerInfo _timer = new();
    private readonly List<AuditEntry> _audited = [];

    [Fact]
    public async Task DeltaPoll_NothingRunning_StartsAndSignalsDelta()
    {
        await Functions(new GraphOptions()).DeltaPoll(_timer, _app.Durable.Client.Object, CancellationToken.None);

        Assert.Equal(nameof(DeltaOrchestrator), Assert.Single(_app.Durable.Scheduled).Name);
        Assert.Equal(new Cloud.Workflows.Delta.DeltaSignal("timer"), Assert.Single(_app.Durable.Raised).Payload);
    }

    [Fact]
    public async Task RenewSubscription_UrlConfigured_EnsuresSubscription()
    {
        _subscriptions.Setup(s => s.EnsureSubscriptionAsync(NotificationUrl, "state-secret", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SubscriptionInfo { Id = "sub-1", Resource = "groups", ExpiresAt = DateTimeOffset.UnixEpoch, NotificationUrl = NotificationUrl });

        await Functions(new GraphOptions { NotificationUrl = NotificationUrl, ClientState = "state-secret" }).RenewSubscription(_timer, CancellationToken.None);

        _subscriptions.Verify(s => s.EnsureSubscriptionAsync(NotificationUrl, "state-secret", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task RenewSubscription_NoUrl_DoesNothing()
    {
        await Functions(new GraphOptions()).RenewSubscription(_timer, CancellationToken.None);

        _subscriptions.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task DrainResults_ResultsReceived_DispatchesAndRecordsNewestAgentResult()
    {
        var result = new WritebackResult { CommandId = "c1", CommandKind = "upsertGroup", GroupId = "g", Outcome = ResultOutcome.Applied, AgentId = "dc1" };
        _results.Setup(r => r.ReceiveAsync(It.IsAny<int>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([new StubReceivedResult { MessageId = "c1", DeliveryCount = 1, Result = result }, new StubReceivedResult { MessageId = "bad", DeliveryCount = 1, FormatError = "not JSON" }]);

        await Functions(new GraphOptions()).DrainResults(_timer, _app.Durable.Client.Object, CancellationToken.None);

        var heartbeat = Assert.IsType<AgentHeartbeat>(Assert.Single(_app.Durable.Signals).Input);
        Assert.Equal(("c1", "dc1"), (heartbeat.CommandId, heartbeat.AgentId));
        var audited = Assert.Single(_audited);
        Assert.Equal(("c1", "g", "applied", "dc1"), (audited.CommandId, audited.GroupId, audited.Outcome, audited.Actor));
    }

    [Fact]
    public async Task DrainResults_NothingWaiting_RecordsNothing()
    {
        _results.Setup(r => r.ReceiveAsync(It.IsAny<int>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);

        await Functions(new GraphOptions()).DrainResults(_timer, _app.Durable.Client.Object, CancellationToken.None);

        _results.Verify(r => r.ReceiveAsync(It.IsAny<int>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Empty(_app.Durable.Signals);
    }

    [Fact]
    public void Schedules_AreSixFieldCron()
    {
        Assert.All(
            [ScheduledFunctions.DeltaPollSchedule, ScheduledFunctions.SubscriptionRenewalSchedule, ScheduledFunctions.ResultsDrainSchedule, ScheduledFunctions.AuditPruneSchedule],
            s => Assert.Equal(6, s.Split(' ').Length));
    }

    private ScheduledFunctions Functions(GraphOptions settings) => new(new ServiceCollection()
        .AddSingleton(new SubscriptionRenewal(_subscriptions.Object, Options.Create(settings), NullLogger<SubscriptionRenewal>.Instance))
        .AddSingleton(new ResultsDrain(_results.Object, _app.Durable.Client.Object, new AgentHeartbeats(_app.Durable.Client.Object), new AuditTrail(AuditStore(), NullLogger<AuditTrail>.Instance), NullLogger<ResultDispatcher>.Instance))
        .AddSingleton<IDeltaSignal>(new DeltaWorkflowSignal(_app.Durable.Client.Object, NullLogger<DeltaWorkflowSignal>.Instance))
        .BuildServiceProvider());

    private IAuditStore AuditStore()
    {
        var store = new Mock<IAuditStore>();
        store.Setup(s => s.AppendAsync(It.IsAny<IReadOnlyCollection<AuditEntry>>(), It.IsAny<CancellationToken>()))
            .Callback((IReadOnlyCollection<AuditEntry> entries, CancellationToken _) => _audited.AddRange(entries))
            .Returns(Task.CompletedTask);
        return store.Object;
    }
}
