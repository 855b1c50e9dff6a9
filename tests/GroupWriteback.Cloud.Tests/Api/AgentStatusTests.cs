using GroupWriteback.Cloud.Agents;
using GroupWriteback.Cloud.Api;
using GroupWriteback.Cloud.Configuration;
using GroupWriteback.Contracts.Results;
using GroupWriteback.Transport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace GroupWriteback.Cloud.Tests.Api;

/// <summary>
/// <c>GET /api/status</c> lists every agent that sent a heartbeat (several for HA) and calls one silent once its
/// newest heartbeat is older than <c>Agents:SilentAfter</c>, on the handler's clock.
/// </summary>
public sealed class AgentStatusTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);
    private readonly DurableFake _durable = new();
    private readonly Mock<IQueueStatusReader> _queues = new();
    private readonly FakeTimeProvider _time = new(Start);

    public AgentStatusTests()
    {
        _queues.Setup(q => q.GetCountsAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync((string q, CancellationToken _) => new QueueCounts(q, 0, 0, 0));
    }

    [Fact]
    public async Task GetStatusAsync_TwoAgents_OneQuietPastSilentAfter_ShowsItSilentForNMin()
    {
        _durable.SetEntity(AgentRegistryEntity.Id, AgentSeen.Merge(null, [Seen("agent-a", Start), Seen("agent-b", Start.AddMinutes(6))]));
        _time.Advance(TimeSpan.FromMinutes(7));

        var agents = (await StatusAsync(new AgentHeartbeats(_durable.Client.Object))).Agents;

        Assert.Equal(["agent-a", "agent-b"], agents.Select(a => a.AgentId));
        var (quiet, alive) = (agents[0], agents[1]);
        Assert.Equal(("silent", true, "silent for 7 min"), (quiet.State, quiet.Silent, quiet.Detail));
        Assert.Equal(("active", false, null), (alive.State, alive.Silent, alive.Detail));
        Assert.Equal(("host-agent-b", "2.0.0", Start.AddMinutes(6), 3, 1, "LDAP down"), (alive.Host, alive.Version, alive.LastSeen, alive.OpenSessions, alive.InFlightCommands, alive.LastError));
    }

    [Fact]
    public async Task GetStatusAsync_ExactlyAtSilentAfter_IsStillActive_AndAfterItSilent()
    {
        var store = new MemoryAgentHealthStore();
        await store.RecordAsync([Heartbeat("agent-a", Start)], CancellationToken.None);

        _time.Advance(TimeSpan.FromMinutes(5));
        var atLimit = Assert.Single((await StatusAsync(store)).Agents);
        _time.Advance(TimeSpan.FromSeconds(1));
        var past = Assert.Single((await StatusAsync(store)).Agents);

        Assert.False(atLimit.Silent);
        Assert.Equal(("silent", "silent for 5 min"), (past.State, past.Detail));
    }

    [Fact]
    public async Task RecordAsync_HeartbeatsAndResults_KeepsEachAgentsNewestHeartbeat_AndTheNewestCommandResult()
    {
        var store = new MemoryAgentHealthStore();
        var answer = new WritebackResult { CommandId = "c1", CommandKind = "upsertGroup", GroupId = "g1", Outcome = ResultOutcome.Applied, AgentId = "agent-a", CompletedAt = Start };

        await store.RecordAsync([Heartbeat("agent-a", Start.AddSeconds(30)), answer, Heartbeat("agent-a", Start.AddSeconds(60))], CancellationToken.None);
        await store.RecordAsync([Heartbeat("agent-a", Start.AddSeconds(45)), Heartbeat("agent-b", Start)], CancellationToken.None);

        var agents = await store.ReadAgentsAsync(CancellationToken.None);
        Assert.Equal([("agent-a", Start.AddSeconds(60)), ("agent-b", Start)], agents.Select(a => (a.AgentId, a.LastSeen)));
        Assert.Equal("c1", (await store.ReadAsync(CancellationToken.None))!.CommandId);
    }

    [Fact]
    public async Task GetStatusAsync_NoHeartbeatEver_ListsNoAgents()
    {
        Assert.Empty((await StatusAsync(new AgentHeartbeats(_durable.Client.Object))).Agents);
    }

    private async Task<StatusReport> StatusAsync(IAgentHealthStore store)
    {
        var handler = new StatusHandler(_durable.Client.Object, _queues.Object, store, NullLogger<StatusHandler>.Instance, _time, Microsoft.Extensions.Options.Options.Create(new AgentsOptions { SilentAfter = TimeSpan.FromMinutes(5) }));
        return ApiAssert.Body(await handler.GetStatusAsync(CancellationToken.None), 200, ApiJsonContext.Default.StatusReport);
    }

    private static AgentSeen Seen(string agentId, DateTimeOffset at) => AgentSeen.From(Heartbeat(agentId, at))!;

    private static WritebackResult Heartbeat(string agentId, DateTimeOffset at) =>
        new AgentHeartbeatReport { Host = "host-" + agentId, AgentVersion = "2.0.0", OpenSessions = 3, InFlightCommands = 1, LastError = "LDAP down", LastErrorAt = at }.ToResult(agentId, at);
}
