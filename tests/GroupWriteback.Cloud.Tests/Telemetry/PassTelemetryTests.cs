using GroupWriteback.Cloud.Workflows;
using GroupWriteback.Cloud.Workflows.Group;
using GroupWriteback.Cloud.Telemetry;
using GroupWriteback.Cloud.Tests.Workflows;
using GroupWriteback.Contracts.Commands;
using GroupWriteback.Contracts.Results;
using Microsoft.DurableTask.Client;
using Xunit.Abstractions;

namespace GroupWriteback.Cloud.Tests.Telemetry;

/// <summary>
/// Passes run by the real orchestrations (in-process Durable Task) and counted once each, replays or not; the
/// results they received counted by kind, outcome and reason.
/// </summary>
[Collection(nameof(TelemetryCollection))]
public sealed class PassTelemetryTests(ITestOutputHelper output) : IDisposable
{
    private readonly CloudTelemetryReader _reader = new();

    [Fact]
    public async Task GroupPass_TwoPassesThatSucceed_CountTwoStartedAndTwoCompleted()
    {
        await using var host = await WorkflowHost.StartAsync(output);
        var users = host.Tenant.AddUsers(2);
        var groupId = host.Tenant.CreateGroup(TestGroups.Security("Counted"), [users[0]]);

        await host.RequestPassAsync(new() { GroupId = groupId });
        await host.WaitForGroupAsync(groupId, s => s.Pass == 1 && s.Phase == GroupPhase.Idle, "pass 1");
        host.Tenant.AddMembers(groupId, users[1]);
        await host.RequestPassAsync(new() { GroupId = groupId });
        var status = await host.WaitForGroupAsync(groupId, s => s.Pass == 2 && s.Phase == GroupPhase.Idle, "pass 2");

        Assert.Equal("succeeded", status.LastOutcome);
        // Each pass replays its orchestration several times (plan, publish, results): still one count per pass.
        Assert.Equal(2, _reader.Sum(CloudInstrumentNames.PassesStarted));
        Assert.Equal(2, _reader.Sum(CloudInstrumentNames.PassesCompleted, (CloudTagNames.Outcome, "succeeded")));
        Assert.Equal(0, _reader.Sum(CloudInstrumentNames.PassesFailed));
        Assert.Equal("{pass}", _reader.Unit(CloudInstrumentNames.PassesStarted));

        // Every command's result was counted where the cloud received it, once, as applied.
        var commands = host.Agent.CommandsFor(groupId);
        Assert.Equal(commands.Count, _reader.Sum(CloudInstrumentNames.ResultsReceived, (CloudTagNames.Outcome, nameof(ResultOutcome.Applied)), (CloudTagNames.Reason, "none")));
        Assert.Equal(commands.Count(c => c is UpsertGroupCommand), _reader.Sum(CloudInstrumentNames.ResultsReceived, (CloudTagNames.CommandKind, CommandKinds.UpsertGroup)));
    }

    [Fact]
    public async Task GroupPass_AgentRefusesUpsert_CountsAFailedPass()
    {
        await using var host = await WorkflowHost.StartAsync(output);
        host.Agent.Reply = c => c is UpsertGroupCommand ? AgentReply.Fail(c, FailureReason.AccessDenied) : AgentReply.Succeed(c);
        var groupId = host.Tenant.CreateGroup(TestGroups.Security("Refused"));

        await host.RequestPassAsync(new() { GroupId = groupId });
        var instance = await host.Client.WaitForInstanceCompletionAsync(InstanceIds.ForGroup(groupId), getInputsAndOutputs: true);

        Assert.Equal("failed", instance.ReadOutputAs<GroupStatus>()!.LastOutcome);
        Assert.Equal(1, _reader.Sum(CloudInstrumentNames.PassesStarted));
        Assert.Equal(1, _reader.Sum(CloudInstrumentNames.PassesFailed, (CloudTagNames.Outcome, "failed")));
        Assert.Equal(0, _reader.Sum(CloudInstrumentNames.PassesCompleted));
        Assert.Equal(1, _reader.Sum(
            CloudInstrumentNames.ResultsReceived,
            (CloudTagNames.CommandKind, CommandKinds.UpsertGroup),
            (CloudTagNames.Outcome, nameof(ResultOutcome.Failed)),
            (CloudTagNames.Reason, nameof(FailureReason.AccessDenied))));
    }

    public void Dispose() => _reader.Dispose();
}
