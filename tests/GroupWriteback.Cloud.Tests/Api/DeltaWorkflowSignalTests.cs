using GroupWriteback.Cloud.Agents;
using GroupWriteback.Cloud.Api;
using GroupWriteback.Cloud.Workflows;
using GroupWriteback.Cloud.Workflows.Delta;
using GroupWriteback.Contracts.Results;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;

namespace GroupWriteback.Cloud.Tests.Api;

public sealed class DeltaWorkflowSignalTests
{
    private readonly DurableFake _durable = new();

    [Fact]
    public async Task RequestDeltaAsync_NotRunning_StartsThenRaises()
    {
        await new DeltaWorkflowSignal(_durable.Client.Object, NullLogger<DeltaWorkflowSignal>.Instance).RequestDeltaAsync("timer", CancellationToken.None);

        var start = Assert.Single(_durable.Scheduled);
        Assert.Equal((nameof(DeltaOrchestrator), InstanceIds.Delta), (start.Name, start.InstanceId));
        var input = Assert.IsType<DeltaState>(start.Input);
        Assert.Equal((null, 0), (input.DeltaLink, input.Rounds));
        var raised = Assert.Single(_durable.Raised);
        Assert.Equal((InstanceIds.Delta, EventNames.DeltaRequested, new DeltaSignal("timer")), (raised.InstanceId, raised.Name, raised.Payload));
    }

    [Fact]
    public async Task RequestDeltaAsync_Failed_RestartsWithItsDeltaLink()
    {
        _durable.Add(InstanceIds.Delta, nameof(DeltaOrchestrator), OrchestrationRuntimeStatus.Failed, new DeltaState { DeltaLink = "https://graph/delta?token=kept", Rounds = 7 });

        await new DeltaWorkflowSignal(_durable.Client.Object, NullLogger<DeltaWorkflowSignal>.Instance).RequestDeltaAsync("notification", CancellationToken.None);

        var carried = Assert.IsType<DeltaState>(Assert.Single(_durable.Scheduled).Input);
        Assert.Equal(("https://graph/delta?token=kept", 7), (carried.DeltaLink, carried.Rounds));
    }

    [Fact]
    public async Task RequestDeltaAsync_Running_OnlyRaises()
    {
        _durable.Add(InstanceIds.Delta, nameof(DeltaOrchestrator), OrchestrationRuntimeStatus.Running, new DeltaState());

        await new DeltaWorkflowSignal(_durable.Client.Object, NullLogger<DeltaWorkflowSignal>.Instance).RequestDeltaAsync("admin", CancellationToken.None);

        Assert.Empty(_durable.Scheduled);
        Assert.Single(_durable.Raised);
    }

    [Fact]
    public async Task RecordAsync_SeveralResults_SignalsNewestToHealthEntity()
    {
        var older = Result("c1", DateTimeOffset.UnixEpoch);
        var newer = Result("c2", DateTimeOffset.UnixEpoch.AddMinutes(1)) with { Outcome = ResultOutcome.Failed, Reason = FailureReason.AccessDenied };

        await new AgentHeartbeats(_durable.Client.Object).RecordAsync([newer, older], CancellationToken.None);

        var signal = Assert.Single(_durable.Signals);
        Assert.Equal((AgentHealthEntity.Id, nameof(AgentHealthEntity.Record)), (signal.Id, signal.Operation));
        var heartbeat = Assert.IsType<AgentHeartbeat>(signal.Input);
        Assert.Equal(("c2", "Failed (AccessDenied)", "agent-1"), (heartbeat.CommandId, heartbeat.Outcome, heartbeat.AgentId));
    }

    [Fact]
    public async Task RecordAsync_NoResults_SignalsNothing()
    {
        await new AgentHeartbeats(_durable.Client.Object).RecordAsync([], CancellationToken.None);

        Assert.Empty(_durable.Signals);
    }

    private static WritebackResult Result(string commandId, DateTimeOffset at) => new()
    {
        CommandId = commandId,
        CommandKind = "upsertGroup",
        GroupId = "g",
        Outcome = ResultOutcome.Applied,
        AgentId = "agent-1",
        CompletedAt = at,
    };
}
