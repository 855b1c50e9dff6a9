using GroupWriteback.Cloud.Planning;
using GroupWriteback.Cloud.Workflows;
using GroupWriteback.Cloud.Workflows.Approvals;
using GroupWriteback.Cloud.Workflows.Group;
using GroupWriteback.Contracts.Commands;
using GroupWriteback.Contracts.Results;
using Microsoft.DurableTask.Client;
using Xunit.Abstractions;

namespace GroupWriteback.Cloud.Tests.Workflows.Group;

/// <summary>A pass against an agent that is slow, silent or refuses, and changes that pile up meanwhile.</summary>
public sealed class GroupPassAgentTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string> ShortResultTimeout = new()
    {
        ["Writeback:ResultTimeout"] = "00:00:01",
        ["Writeback:MaxRequeues"] = "2",
    };

    [Fact]
    public async Task GroupPass_AgentNeverAnswers_RequeuesThenRecordsTimedOut()
    {
        // Arrange
        await using var host = await WorkflowHost.StartAsync(output, ShortResultTimeout);
        host.Agent.Reply = _ => AgentReply.Silent;
        var groupId = host.Tenant.CreateGroup(TestGroups.Security("Silent"), host.Tenant.AddUsers(2));

        // Act
        await host.RequestPassAsync(new() { GroupId = groupId });
        var status = await host.WaitForGroupAsync(groupId, s => s is { Pass: 1, Phase: GroupPhase.Idle }, "pass given up");

        // Assert
        var upsertId = host.Agent.CommandsFor(groupId)[0].CommandId;
        Assert.Equal(3, host.Agent.Published.Count(c => c.CommandId == upsertId));
        Assert.Equal("timedOut", status.LastOutcome);
        Assert.Contains($"Group {groupId}: no result for 2 command(s) after 2 re-queue(s)", status.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GroupPass_AgentRefusesUpsert_RecordsFailureNamingTheGroup()
    {
        // Arrange
        await using var host = await WorkflowHost.StartAsync(output);
        host.Agent.Reply = c => c is UpsertGroupCommand ? AgentReply.Fail(c, FailureReason.AccessDenied) : AgentReply.Succeed(c);
        var groupId = host.Tenant.CreateGroup(TestGroups.Security("Refused"));

        // Act
        await host.RequestPassAsync(new() { GroupId = groupId });
        var instance = await host.Client.WaitForInstanceCompletionAsync(InstanceIds.ForGroup(groupId), getInputsAndOutputs: true);

        // Assert
        var status = instance.ReadOutputAs<GroupStatus>()!;
        Assert.Equal((GroupPhase.NotWrittenBack, false, "failed"), (status.Phase, status.WrittenBack, status.LastOutcome));
        Assert.StartsWith($"Group {groupId}: 1 command(s) failed; first upsertGroup", status.LastError, StringComparison.Ordinal);
        Assert.Contains("AccessDenied", status.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GroupPass_ResultArrivesAfterTimeout_IsStillAccepted()
    {
        // Arrange
        var settings = new Dictionary<string, string> { ["Writeback:ResultTimeout"] = "00:00:01", ["Writeback:MaxRequeues"] = "4" };
        await using var host = await WorkflowHost.StartAsync(output, settings);
        host.Agent.Reply = c => c is UpsertGroupCommand ? AgentReply.Succeed(c) with { Delay = TimeSpan.FromSeconds(2.5) } : AgentReply.Succeed(c);
        var groupId = host.Tenant.CreateGroup(TestGroups.Security("Late"));

        // Act
        await host.RequestPassAsync(new() { GroupId = groupId });
        var status = await host.WaitForGroupAsync(groupId, s => s is { Pass: 1, Phase: GroupPhase.Idle }, "first pass");

        // Assert
        var upsertId = host.Agent.CommandsFor(groupId)[0].CommandId;
        Assert.InRange(host.Agent.Published.Count(c => c.CommandId == upsertId), 2, 4);
        Assert.Equal(("succeeded", null), (status.LastOutcome, status.LastError));
    }

    [Fact]
    public async Task GroupPass_RequestsArrivingDuringAPass_AreMergedIntoOneNextPass()
    {
        // Arrange
        await using var host = await WorkflowHost.StartAsync(output);
        var groupId = host.Tenant.CreateGroup(TestGroups.Security("Busy"));
        var newcomers = host.Tenant.AddUsers(3);
        host.Agent.Reply = c => AgentReply.Succeed(c) with { Delay = TimeSpan.FromMilliseconds(c is UpsertGroupCommand ? 3000 : 0) };
        await host.RequestPassAsync(new() { GroupId = groupId });
        await host.WaitForGroupAsync(groupId, s => s is { Pass: 1, Phase: GroupPhase.WaitingForAgent }, "first pass waiting");

        // Act
        foreach (var member in newcomers)
        {
            host.Tenant.AddMembers(groupId, member);
            Assert.Equal("signalled", await host.RequestPassAsync(new() { GroupId = groupId, AddedMemberIds = [member] }));
        }

        await host.WaitForGroupAsync(groupId, s => s is { Pass: 2, Phase: GroupPhase.Idle }, "second pass");

        // Assert
        Assert.Equal([CommandKinds.UpsertGroup, CommandKinds.MembershipSnapshot, CommandKinds.ChangeMembership], host.Agent.KindsFor(groupId));
        var change = Assert.IsType<ChangeMembershipCommand>(host.Agent.CommandsFor(groupId)[2]);
        Assert.Equal(newcomers, change.Add.Select(m => m.CloudId));
    }

    [Fact]
    public async Task GroupPass_RemovalAboveThresholdApproved_RemovesMembers()
    {
        // Arrange
        var (host, groupId, members) = await WrittenBackGroupAsync();
        await using var _ = host;

        // Act
        await host.RequestPassAsync(new() { GroupId = groupId, RemovedMemberIds = [.. members.Take(3)] });
        var paused = await host.WaitForGroupAsync(groupId, s => s.Phase == GroupPhase.AwaitingApproval, "awaiting approval");
        await DeleteApprovals.ApproveAsync(host.Client, InstanceIds.ForGroup(groupId), new(paused.Preview!.Id, "approver@corp.test", null, "oid-approver"), CancellationToken.None);
        var status = await host.WaitForGroupAsync(groupId, s => s is { Pass: 2, Phase: GroupPhase.Idle }, "second pass");

        // Assert
        Assert.Equal(("members", 3, 2), (paused.Preview.Kind, paused.Preview.Count, paused.Preview.Threshold));
        Assert.Equal((ApprovalOutcome.Approved, "approver@corp.test", "oid-approver"), (status.LastApproval?.Outcome, status.LastApproval?.By, status.LastApproval?.ById));
        var change = Assert.IsType<ChangeMembershipCommand>(host.Agent.CommandsFor(groupId)[^1]);
        Assert.Equal(members.Take(3), change.Remove.Select(m => m.CloudId));
        Assert.Equal(("succeeded", 2), (status.LastOutcome, status.KnownMemberCount));
    }

    [Fact]
    public async Task GroupPass_RemovalAboveThresholdRejected_RemovesNothing()
    {
        // Arrange
        var (host, groupId, members) = await WrittenBackGroupAsync();
        await using var _ = host;

        // Act
        await host.RequestPassAsync(new() { GroupId = groupId, RemovedMemberIds = [.. members.Take(3)] });
        var paused = await host.WaitForGroupAsync(groupId, s => s.Phase == GroupPhase.AwaitingApproval, "awaiting approval");
        await DeleteApprovals.RejectAsync(host.Client, InstanceIds.ForGroup(groupId), new(paused.Preview!.Id, "test"), CancellationToken.None);
        var status = await host.WaitForGroupAsync(groupId, s => s is { Pass: 2, Phase: GroupPhase.Idle }, "second pass");

        // Assert
        Assert.DoesNotContain(CommandKinds.ChangeMembership, host.Agent.KindsFor(groupId));
        Assert.Equal(("partial", 5), (status.LastOutcome, status.KnownMemberCount));
        Assert.Contains("was not approved", status.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GroupPass_SnapshotRequeuedAfterMembersLeft_DoesNotSlipPastTheRemovalGuard()
    {
        // Arrange: a written-back group of 5 (threshold 2), a snapshot pass the agent does not answer.
        var (host, groupId, members) = await WrittenBackGroupAsync(ShortResultTimeout);
        await using var _ = host;
        host.Agent.Reply = c => c is MembershipSnapshotCommand ? AgentReply.Silent : AgentReply.Succeed(c);
        var before = host.Agent.Published.Count;

        // Act: three members leave while the pass waits; its re-queue reads Graph again.
        await host.RequestPassAsync(new() { GroupId = groupId, Mode = GroupPassMode.Snapshot });
        await host.WaitForGroupAsync(groupId, s => s is { Pass: 2, Phase: GroupPhase.WaitingForAgent }, "waiting for the agent");

        // The phase is shown before the snapshot is read from Graph: wait for the publication itself.
        await WorkflowHost.UntilAsync(() => host.Agent.Published.Skip(before).OfType<MembershipSnapshotCommand>().Any(), "snapshot published");
        host.Tenant.RemoveMembers(groupId, [.. members.Take(3)]);
        var status = await host.WaitForGroupAsync(groupId, s => s is { Pass: 2, Phase: GroupPhase.Idle }, "pass given up");

        // Assert: every snapshot chunk published in the pass still carries the 5 members the guard allowed.
        var snapshots = host.Agent.Published.Skip(before).OfType<MembershipSnapshotCommand>().ToList();
        Assert.NotEmpty(snapshots);
        Assert.All(snapshots, c => Assert.Equal(5, c.Members.Count));
        Assert.Equal("timedOut", status.LastOutcome);
    }

    private async Task<(WorkflowHost Host, string GroupId, IReadOnlyList<string> Members)> WrittenBackGroupAsync(IReadOnlyDictionary<string, string>? extra = null)
    {
        var settings = new Dictionary<string, string>(extra ?? new Dictionary<string, string>()) { ["Writeback:MembershipRemovalThreshold"] = "2" };
        var host = await WorkflowHost.StartAsync(output, settings);
        var members = host.Tenant.AddUsers(5);
        var groupId = host.Tenant.CreateGroup(TestGroups.Security("Guarded"), members);
        await host.RequestPassAsync(new() { GroupId = groupId });
        await host.WaitForGroupAsync(groupId, s => s is { Pass: 1, Phase: GroupPhase.Idle }, "first pass");
        return (host, groupId, members);
    }
}
