using System.Collections.Concurrent;
using GroupWriteback.Agent.Configuration;
using GroupWriteback.Agent.Processing;
using GroupWriteback.Contracts;
using GroupWriteback.Contracts.Results;
using GroupWriteback.Transport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GroupWriteback.Agent.Tests.Processing;

/// <summary>The heartbeat goes out at start and every interval, with what the agent is doing and its last error.</summary>
public sealed class HeartbeatSenderTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero));
    private readonly Publisher _published = new();

    [Fact]
    public async Task RunAsync_SendsAtStartAndEveryInterval_WithSessionsInFlightAndLastError()
    {
        var activity = new AgentActivity(_time);
        var sender = new HeartbeatSender(_published, activity, Microsoft.Extensions.Options.Options.Create(new AgentOptions { AgentId = "agent-a", HeartbeatInterval = TimeSpan.FromSeconds(30) }), _time, NullLogger<HeartbeatSender>.Instance);
        using var stop = new CancellationTokenSource();

        var running = sender.RunAsync(stop.Token);
        await _published.WaitForAsync(1);
        using (activity.Session())
        using (activity.Command())
        {
            activity.Failed("Directory unavailable: server down");
            _time.Advance(TimeSpan.FromSeconds(30));
            await _published.WaitForAsync(2);
        }

        _time.Advance(TimeSpan.FromSeconds(29));
        await Task.Delay(100);
        Assert.Equal(2, _published.Results.Count);
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(5));

        var (first, second) = (_published.Results.First(), _published.Results.Last());
        Assert.All(_published.Results, r => Assert.True(AgentHeartbeatReport.IsHeartbeat(r)));
        Assert.Equal((0, 0, null), (first.Heartbeat!.OpenSessions, first.Heartbeat.InFlightCommands, first.Heartbeat.LastError));
        Assert.Equal((1, 1, "Directory unavailable: server down"), (second.Heartbeat!.OpenSessions, second.Heartbeat.InFlightCommands, second.Heartbeat.LastError));
        Assert.Equal(_time.Start, second.Heartbeat.LastErrorAt);
        Assert.Equal(_time.Start.AddSeconds(30), second.CompletedAt);
        Assert.NotEqual(first.CommandId, second.CommandId);
        Assert.Equal(Environment.MachineName, second.Heartbeat.Host);
        Assert.True(AgentHeartbeatReport.IsHeartbeat(WireSerializer.DeserializeResult(WireSerializer.Serialize(second))));
    }

    public void Dispose() => _published.Dispose();

    private sealed class Publisher : IResultPublisher, IDisposable
    {
        private readonly SemaphoreSlim _sent = new(0);

        public ConcurrentQueue<WritebackResult> Results { get; } = new();

        public Task PublishAsync(WritebackResult result, CancellationToken cancellationToken)
        {
            Results.Enqueue(result);
            _sent.Release();
            return Task.CompletedTask;
        }

        public void Dispose() => _sent.Dispose();

        public async Task WaitForAsync(int count)
        {
            while (Results.Count < count)
            {
                Assert.True(await _sent.WaitAsync(TimeSpan.FromSeconds(5)), $"only {Results.Count} heartbeats sent");
            }
        }
    }
}
