using System.Text.Json;
using GroupWriteback.Agent.Tests.Processing;
using GroupWriteback.Contracts;
using GroupWriteback.Contracts.Commands;
using GroupWriteback.Contracts.Results;
using GroupWriteback.LocalDomain;
using GroupWriteback.Testing;
using GroupWriteback.Transport.Embedded;
using Microsoft.Extensions.Options;

namespace GroupWriteback.Agent.Tests.Cli;

/// <summary>
/// <c>run</c> as a separate process on the embedded queue, stopped with SIGTERM while it applies a large membership
/// snapshot: it exits within 10 s, and after a restart AD holds exactly the desired members, whether the command in
/// hand was finished before the exit or abandoned and delivered again. The agent's start-up heartbeat arrives on the
/// results queue beside the results.
/// </summary>
[Trait(TestCategory.Name, TestCategory.DomainController)]
public sealed class GracefulStopTests : IDisposable
{
    private static readonly TimeSpan ExitLimit = TimeSpan.FromSeconds(10);
    private readonly WriterScope _scope = new("stop");
    private readonly IReadOnlyList<TestUser> _users = TestDomain.Instance.SharedUsers(2000);
    private readonly string _folder = System.IO.Directory.CreateTempSubdirectory("gw-stop-").FullName;
    private readonly EmbeddedQueueStore _queue;

    public GracefulStopTests()
    {
        _queue = new EmbeddedQueueStore(Options.Create(new EmbeddedQueueOptions { Path = Path.Combine(_folder, "queue.db") }), TimeProvider.System);
    }

    [Fact]
    public async Task Sigterm_DuringSnapshot_FinishesTheCommandInHandAndExits()
    {
        var (id, snapshot) = await QueueGroupAsync();
        var settings = WriteSettings("00:00:10", memberBatchSize: 1000);

        var (exit, elapsed, output) = await StopDuringAsync(settings, id, snapshot[^1]);

        Assert.True(elapsed < ExitLimit, $"exit took {elapsed}\n{output}");
        Assert.True(exit == 0, output);
        var results = await DrainResultsAsync();
        var finished = Assert.Single(results, r => r.CommandId == snapshot[^1].CommandId);
        var heartbeat = Assert.Single(results, r => r.CommandKind == AgentHeartbeatReport.Kind).Heartbeat;
        Assert.Equal(Environment.MachineName, heartbeat?.Host);
        Assert.Equal(ResultOutcome.Applied, finished.Outcome);
        Assert.Equal(2000, finished.MembersAdded);
        Assert.DoesNotContain("abandoned for redelivery", output, StringComparison.Ordinal);
        Assert.Equal(_users.Select(u => u.Dn).ToHashSet(StringComparer.OrdinalIgnoreCase), _scope.Members(id));
    }

    [Fact]
    public async Task Sigterm_WithNoTimeToFinish_AbandonsTheCommandAndARestartConverges()
    {
        var (id, snapshot) = await QueueGroupAsync();
        // Small batches keep the last chunk at work for seconds, so the stop lands while it is in hand.
        var settings = WriteSettings("00:00:00", memberBatchSize: 5);

        var (exit, elapsed, output) = await StopDuringAsync(settings, id, snapshot[^1]);

        Assert.True(elapsed < ExitLimit, $"exit took {elapsed}\n{output}");
        Assert.True(exit == 0, output);
        Assert.True(output.Contains("abandoned for redelivery", StringComparison.Ordinal), output);
        Assert.DoesNotContain(await DrainResultsAsync(), r => r.CommandId == snapshot[^1].CommandId);

        using (var restarted = AgentProcess.Start(settings, "run"))
        {
            var redelivered = await WaitForResultAsync(snapshot[^1].CommandId, TimeSpan.FromMinutes(2));
            Assert.Equal(ResultOutcome.Applied, redelivered.Outcome);
            Assert.True(await restarted.TerminateAsync(TimeSpan.FromSeconds(30)) < ExitLimit, restarted.Output);
        }

        Assert.Equal(_users.Select(u => u.Dn).ToHashSet(StringComparer.OrdinalIgnoreCase), _scope.Members(id));
    }

    public void Dispose()
    {
        _queue.Dispose();
        _scope.Dispose();
        System.IO.Directory.Delete(_folder, recursive: true);
    }

    private async Task<(string Id, IReadOnlyList<MembershipSnapshotCommand> Snapshot)> QueueGroupAsync()
    {
        var id = Guid.NewGuid().ToString();
        var snapshot = WriterScope.Snapshot(id, _users.Select(WriterScope.Member).ToList());
        await new EmbeddedCommandPublisher(_queue).PublishAsync([_scope.Upsert(id, "Stopped mid-snapshot", CloudGroupKind.Security), .. snapshot], CancellationToken.None);
        return (id, snapshot);
    }

    /// <summary>Starts the agent, sends SIGTERM once it has taken <paramref name="inHand"/>, and waits for the exit.</summary>
    private static async Task<(int Exit, TimeSpan Elapsed, string Output)> StopDuringAsync(string settings, string groupId, WritebackCommand inHand)
    {
        using var agent = AgentProcess.Start(settings, "run");
        await agent.WaitForLineAsync($"Applying {inHand.Kind} for group {groupId} ({inHand.CommandId})", TimeSpan.FromMinutes(2));
        var elapsed = await agent.TerminateAsync(TimeSpan.FromSeconds(30));
        return (agent.ExitCode, elapsed, agent.Output);
    }

    private string WriteSettings(string shutdownTimeout, int memberBatchSize)
    {
        var settings = Path.Combine(_folder, "settings.json");
        var directory = AgentDirectory.Options([_scope.Ou]);
        directory.MemberBatchSize = memberBatchSize;
        File.WriteAllText(settings, JsonSerializer.Serialize(new
        {
            Directory = directory,
            Agent = new { AgentId = "stop-test", StateDirectory = Path.Combine(_folder, "state"), ShutdownTimeout = shutdownTimeout, MaxConcurrentSessions = 1 },
            EmbeddedQueue = new { Path = Path.Combine(_folder, "queue.db") },
            Logging = new { LogLevel = new Dictionary<string, string> { ["Default"] = "Information", ["GroupWriteback.Agent.Processing"] = "Debug" } },
        }));
        return settings;
    }

    private async Task<IReadOnlyList<WritebackResult>> DrainResultsAsync()
    {
        var source = new EmbeddedResultSource(_queue);
        var results = new List<WritebackResult>();
        while (await source.ReceiveAsync(100, TimeSpan.FromMilliseconds(200), CancellationToken.None) is { Count: > 0 } batch)
        {
            foreach (var message in batch)
            {
                results.Add(message.Result ?? throw new InvalidOperationException(message.FormatError));
                await message.CompleteAsync(CancellationToken.None);
            }
        }

        return results;
    }

    private async Task<WritebackResult> WaitForResultAsync(string commandId, TimeSpan timeout)
    {
        var until = DateTimeOffset.UtcNow + timeout;
        while (DateTimeOffset.UtcNow < until)
        {
            if ((await DrainResultsAsync()).FirstOrDefault(r => r.CommandId == commandId) is { } result)
            {
                return result;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"no result for command {commandId} within {timeout}");
    }
}
