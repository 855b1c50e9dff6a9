using GroupWriteback.Cloud.Workflows;
using GroupWriteback.Cloud.Workflows.Approvals;
using GroupWriteback.Cloud.Workflows.Delta;
using GroupWriteback.Cloud.Workflows.FullSync;
using GroupWriteback.Cloud.Workflows.Group;
using GroupWriteback.Contracts.Commands;
using Xunit.Abstractions;

namespace GroupWriteback.Cloud.Tests.Workflows.Delta;

/// <summary>The singleton delta orchestration: debounce, 410 and first-run resync, mass-delete guard.</summary>
public sealed class DeltaOrchestratorTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Signals_BurstOf100ForOneGroup_ReadsDeltaOnce()
    {
        // Arrange
        var settings = new Dictionary<string, string> { ["Writeback:DebounceWindow"] = "00:00:03", ["Writeback:MaxDebounce"] = "00:00:30" };
        await using var host = await WorkflowHost.StartAsync(output, settings);
        await host.StartDeltaAsync();
        var groupId = host.Tenant.CreateGroup(TestGroups.Security("Noisy"));

        // Act
        await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => host.SignalDeltaAsync()));
        var state = await host.WaitForDeltaAsync(s => s is { Rounds: 1, Phase: DeltaPhase.Idle }, "one round");
        await host.WaitForGroupAsync(groupId, s => s is { Pass: 1, Phase: GroupPhase.Idle }, "written back");

        // Assert
        Assert.Equal([200], host.Tenant.DeltaReads.Select(r => r.StatusCode));
        Assert.Equal((99, false, 1), (state.SignalsMerged, state.SignalPending, state.LastRoundGroups));
    }

    [Fact]
    public async Task Round_DeltaLinkExpired_RunsFullResyncAndRebases()
    {
        // Arrange
        await using var host = await WorkflowHost.StartAsync(output);
        var groups = Enumerable.Range(0, 3).Select(i => host.Tenant.CreateGroup(TestGroups.Security($"Expired {i}"), host.Tenant.AddUsers(1))).ToList();
        await host.StartDeltaAsync();
        host.Tenant.ExpireDeltaLinks();

        // Act
        await host.SignalDeltaAsync();
        var rebased = await host.WaitForDeltaAsync(s => s is { Rebases: 1, Phase: DeltaPhase.Idle }, "rebased");
        var resync = await host.WaitForRunAsync(InstanceIds.FullSync, s => s.Phase == FullSyncPhase.Completed, "full sync");
        var newcomer = host.Tenant.AddUser("S-1-5-21-1-2-3-4242");
        host.Tenant.AddMembers(groups[0], newcomer);
        await host.SignalDeltaAsync();
        await host.WaitForGroupAsync(groups[0], s => s is { Pass: 2, Phase: GroupPhase.Idle }, "change after the rebase");

        // Assert
        Assert.Equal(("deltaTokenExpired", 3, 3), (resync.Reason, resync.Total, resync.Done));
        Assert.All(groups, g => Assert.Equal([CommandKinds.UpsertGroup, CommandKinds.MembershipSnapshot], host.Agent.KindsFor(g).Take(2)));
        Assert.Equal([CommandKinds.UpsertGroup, CommandKinds.MembershipSnapshot, CommandKinds.ChangeMembership], host.Agent.KindsFor(groups[0]));
        Assert.Equal([410, 200], host.Tenant.DeltaReads.Select(r => r.StatusCode));
        Assert.NotNull(rebased.DeltaLink);
    }

    [Fact]
    public async Task Round_DeltaThrottledWithRetryAfter_WaitsItOutAndWritesTheGroupBack()
    {
        // Arrange
        await using var host = await WorkflowHost.StartAsync(output);
        await host.StartDeltaAsync();
        var groupId = host.Tenant.CreateGroup(TestGroups.Security("Throttled"), host.Tenant.AddUsers(1));
        host.Tenant.ThrottleDeltaReads(retryAfterSeconds: 2);

        // Act
        await host.SignalDeltaAsync();
        var state = await host.WaitForDeltaAsync(s => s is { Rounds: 1, Phase: DeltaPhase.Idle }, "one round");
        await host.WaitForGroupAsync(groupId, s => s is { Pass: 1, Phase: GroupPhase.Idle }, "written back");

        // Assert: the page was read again once the server's Retry-After had passed (an immediate retry comes within
        // milliseconds; timers run on a coarse clock, so a few of them are allowed), and not as a resync.
        var reads = host.Tenant.DeltaReads;
        Assert.Equal([429, 200], reads.Select(r => r.StatusCode));
        var waited = reads[1].At - reads[0].At;
        Assert.True(waited >= TimeSpan.FromSeconds(2) - TimeSpan.FromMilliseconds(50), $"read again {waited} after the 429");
        Assert.Equal((0, 1), (state.Rebases, state.LastRoundGroups));
        Assert.Equal([CommandKinds.UpsertGroup, CommandKinds.MembershipSnapshot], host.Agent.KindsFor(groupId));
    }

    [Fact]
    public async Task Round_ThrottledPastTheSdksRetryBudget_ActivityRetriedByTheOrchestrationAndGroupWritten()
    {
        // Arrange: the SDK makes six attempts (five retries); seven 429s in a row outlast them.
        await using var host = await WorkflowHost.StartAsync(output);
        await host.StartDeltaAsync();
        var groupId = host.Tenant.CreateGroup(TestGroups.Security("Long throttle"), host.Tenant.AddUsers(1));
        host.Tenant.ThrottleDeltaReads(retryAfterSeconds: 1, count: 7);

        // Act
        await host.SignalDeltaAsync();
        var state = await host.WaitForDeltaAsync(s => s is { Rounds: 1, Phase: DeltaPhase.Idle }, "one round");
        await host.WaitForGroupAsync(groupId, s => s is { Pass: 1, Phase: GroupPhase.Idle }, "written back");

        // Assert: the SDK's six reads, the activity's retry after its 10-second backoff, and no resync.
        var reads = host.Tenant.DeltaReads;
        var times = string.Join(", ", reads.Select(r => $"{r.StatusCode}@{r.At:HH:mm:ss.fff}"));
        Assert.Equal([.. Enumerable.Repeat(429, 7), 200], reads.Select(r => r.StatusCode));
        Assert.True(reads[6].At - reads[5].At >= TimeSpan.FromSeconds(9), $"reads: {times}");
        Assert.Equal((0, 1), (state.Rebases, state.LastRoundGroups));
        Assert.Equal([CommandKinds.UpsertGroup, CommandKinds.MembershipSnapshot], host.Agent.KindsFor(groupId));
    }

    [Fact]
    public async Task Round_NoDeltaLinkYet_RunsInitialFullSync()
    {
        // Arrange
        await using var host = await WorkflowHost.StartAsync(output);
        var groups = Enumerable.Range(0, 2).Select(i => host.Tenant.CreateGroup(TestGroups.Security($"Initial {i}"))).ToList();

        // Act
        await host.SignalDeltaAsync();
        var state = await host.WaitForDeltaAsync(s => s is { Rounds: 1, Phase: DeltaPhase.Idle }, "first round");
        var initial = await host.WaitForRunAsync(InstanceIds.FullSync, s => s.Phase == FullSyncPhase.Completed, "full sync");

        // Assert
        Assert.Equal((1, 0), (state.Rebases, host.Tenant.DeltaReads.Count));
        Assert.Equal(("initialRound", 2, 2), (initial.Reason, initial.Total, initial.Done));
        Assert.All(groups, g => Assert.Equal([CommandKinds.UpsertGroup, CommandKinds.MembershipSnapshot], host.Agent.KindsFor(g)));
    }

    [Fact]
    public async Task DeleteGuard_RoundDeleting501Groups_PausesUntilApproved()
    {
        // Arrange
        await using var host = await WorkflowHost.StartAsync(output, new Dictionary<string, string> { ["Writeback:FanOut"] = "100" });
        var groups = Enumerable.Range(0, 501).Select(i => host.Tenant.CreateGroup(TestGroups.Security($"Doomed {i}"))).ToList();
        await host.SeedWrittenBackAsync(groups);
        await host.StartDeltaAsync();
        groups.ForEach(host.Tenant.DeleteGroup);

        // Act
        await host.SignalDeltaAsync();
        var paused = await host.WaitForDeltaAsync(s => s.Phase == DeltaPhase.AwaitingApproval, "paused");
        var deletesWhilePaused = DeleteCount(host);
        await DeleteApprovals.ApproveAsync(host.Client, InstanceIds.Delta, new(paused.Preview!.Id, "operator@corp.test", null, "oid-operator"), CancellationToken.None);
        var resumed = await host.WaitForDeltaAsync(s => s is { Rounds: 1, Phase: DeltaPhase.Idle }, "round finished");
        await WorkflowHost.UntilAsync(() => DeleteCount(host) == 501, "501 deletes queued");
        var last = await host.WaitForGroupAsync(groups[^1], s => s.Phase == GroupPhase.Deleted, "last group deleted");

        // Assert
        Assert.Equal(0, deletesWhilePaused);
        Assert.Equal(("groups", 501, 500, DeletePreview.MaxItems), (paused.Preview.Kind, paused.Preview.Count, paused.Preview.Threshold, paused.Preview.Items.Count));
        Assert.Equal((ApprovalOutcome.Approved, 501), (resumed.LastApproval, resumed.LastRoundGroups));
        Assert.Equal(("operator@corp.test", "oid-operator", paused.Preview.Id), (resumed.LastDecision?.By, resumed.LastDecision?.ById, resumed.LastDecision?.PreviewId));
        Assert.False(last.WrittenBack);
        Assert.Equal(6, host.Tenant.DeltaReads.Count); // 501 entries in pages of 100, read once: the approval resumes the round.
    }

    [Fact]
    public async Task DeleteGuard_Rejected_DropsTheDeletesAndIgnoresDecisionsOnOtherPreviews()
    {
        // Arrange
        var (host, groups) = await DeletingRoundAsync(new Dictionary<string, string> { ["Writeback:DeleteThreshold"] = "3" });
        await using var _ = host;
        var paused = await host.WaitForDeltaAsync(s => s.Phase == DeltaPhase.AwaitingApproval, "paused");

        // Act
        await DeleteApprovals.ApproveAsync(host.Client, InstanceIds.Delta, new("another-preview", "operator"), CancellationToken.None);
        await DeleteApprovals.RejectAsync(host.Client, InstanceIds.Delta, new(paused.Preview!.Id, "operator"), CancellationToken.None);
        var state = await host.WaitForDeltaAsync(s => s is { Rounds: 1, Phase: DeltaPhase.Idle }, "round finished");

        // Assert
        Assert.Equal(ApprovalOutcome.Rejected, state.LastApproval);
        Assert.Equal(0, DeleteCount(host));
        Assert.Equal(groups.Count, (await GroupOrchestrations.ListWrittenBackAsync(host.Client, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task DeleteGuard_NoAnswerInTime_DropsTheDeletes()
    {
        // Arrange
        var (host, groups) = await DeletingRoundAsync(new Dictionary<string, string>
        {
            ["Writeback:DeleteThreshold"] = "3",
            ["Writeback:ApprovalTimeout"] = "00:00:01",
        });
        await using var _ = host;

        // Act
        var state = await host.WaitForDeltaAsync(s => s is { Rounds: 1, Phase: DeltaPhase.Idle }, "round finished");

        // Assert
        Assert.Equal((ApprovalOutcome.TimedOut, 0), (state.LastApproval, state.LastRoundGroups));
        Assert.Equal(0, DeleteCount(host));
        Assert.Equal(groups.Count, (await GroupOrchestrations.ListWrittenBackAsync(host.Client, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task DeleteGuard_GroupsLeavingScopeOverThreshold_PausesUntilApprovedThenDeletesThem()
    {
        // Arrange
        var (host, leaving, _) = await LeavingScopeRoundAsync(new Dictionary<string, string> { ["Writeback:DeleteThreshold"] = "3" });
        await using var _ = host;

        // Act
        var paused = await host.WaitForDeltaAsync(s => s.Phase == DeltaPhase.AwaitingApproval, "paused");
        var deletesWhilePaused = DeleteCount(host);
        await DeleteApprovals.ApproveAsync(host.Client, InstanceIds.Delta, new(paused.Preview!.Id, "operator"), CancellationToken.None);
        await WorkflowHost.UntilAsync(() => DeleteCount(host) == leaving.Count, "4 deletes queued");
        var last = await host.WaitForGroupAsync(leaving[^1], s => s.Phase == GroupPhase.Deleted, "last group deleted");
        var resumed = await host.WaitForDeltaAsync(s => s is { Rounds: 1, Phase: DeltaPhase.Idle }, "round finished");

        // Assert
        Assert.Equal(0, deletesWhilePaused);
        Assert.Equal(("groups", 4, 3), (paused.Preview.Kind, paused.Preview.Count, paused.Preview.Threshold));
        Assert.Equal(leaving.Order(StringComparer.Ordinal), paused.Preview.Items);
        Assert.All(leaving, g => Assert.Equal("outOfScope", Assert.IsType<DeleteGroupCommand>(Assert.Single(host.Agent.CommandsFor(g))).Reason));
        Assert.Equal((ApprovalOutcome.Approved, false), (resumed.LastApproval, last.WrittenBack));
    }

    [Fact]
    public async Task DeleteGuard_GroupsLeavingScopeRejected_DeletesNoneAndStillWritesTheOtherChanges()
    {
        // Arrange
        var (host, leaving, bystanderId) = await LeavingScopeRoundAsync(new Dictionary<string, string> { ["Writeback:DeleteThreshold"] = "3" });
        await using var _ = host;
        var paused = await host.WaitForDeltaAsync(s => s.Phase == DeltaPhase.AwaitingApproval, "paused");

        // Act
        await DeleteApprovals.RejectAsync(host.Client, InstanceIds.Delta, new(paused.Preview!.Id, "operator"), CancellationToken.None);
        var state = await host.WaitForDeltaAsync(s => s is { Rounds: 1, Phase: DeltaPhase.Idle }, "round finished");
        var bystander = await host.WaitForGroupAsync(bystanderId, s => s is { Phase: GroupPhase.Idle, WrittenBack: true }, "bystander written back");

        // Assert: the rest of the round went ahead (the bystander was created), the groups leaving scope were left in place.
        Assert.Equal((ApprovalOutcome.Rejected, 1), (state.LastApproval, state.LastRoundGroups));
        Assert.Equal([CommandKinds.UpsertGroup, CommandKinds.MembershipSnapshot], host.Agent.KindsFor(bystander.GroupId));
        Assert.Equal(0, DeleteCount(host));
        Assert.All(leaving, g => Assert.Empty(host.Agent.CommandsFor(g)));
        var listed = await GroupOrchestrations.ListWrittenBackAsync(host.Client, CancellationToken.None);
        Assert.Equal(leaving.Append(bystanderId).Order(StringComparer.Ordinal), listed.Select(g => g.GroupId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task DeleteGuard_CloudDeletesAndGroupsLeavingScopeTogetherOverThreshold_Pauses()
    {
        // Arrange: two of each, each kind alone under the threshold of 3.
        await using var host = await WorkflowHost.StartAsync(output, new Dictionary<string, string> { ["Writeback:DeleteThreshold"] = "3" });
        var groups = Enumerable.Range(0, 4).Select(i => host.Tenant.CreateGroup(TestGroups.Security($"Mixed {i}"))).ToList();
        await host.SeedWrittenBackAsync(groups);
        await host.StartDeltaAsync();
        host.Tenant.DeleteGroup(groups[0]);
        host.Tenant.DeleteGroup(groups[1]);
        host.Tenant.UpdateGroup(groups[2], g => g with { WritebackEnabled = false });
        host.Tenant.UpdateGroup(groups[3], g => g with { WritebackEnabled = false });

        // Act
        await host.SignalDeltaAsync();
        var paused = await host.WaitForDeltaAsync(s => s.Phase == DeltaPhase.AwaitingApproval, "paused");
        var deletesWhilePaused = DeleteCount(host);
        await DeleteApprovals.ApproveAsync(host.Client, InstanceIds.Delta, new(paused.Preview!.Id, "operator"), CancellationToken.None);
        await WorkflowHost.UntilAsync(() => DeleteCount(host) == 4, "4 deletes queued");

        // Assert
        Assert.Equal(0, deletesWhilePaused);
        Assert.Equal(4, paused.Preview.Count);
        Assert.Equal(groups.Order(StringComparer.Ordinal), paused.Preview.Items);
        var reasons = groups.Select(g => Assert.IsType<DeleteGroupCommand>(Assert.Single(host.Agent.CommandsFor(g))).Reason);
        Assert.Equal(["deletedInCloud", "deletedInCloud", "outOfScope", "outOfScope"], reasons);
    }

    /// <summary>A round in which four written-back groups opt out of writeback and one new group (the bystander) is created.</summary>
    private async Task<(WorkflowHost Host, IReadOnlyList<string> Leaving, string Bystander)> LeavingScopeRoundAsync(IReadOnlyDictionary<string, string> settings)
    {
        var host = await WorkflowHost.StartAsync(output, settings);
        var leaving = Enumerable.Range(0, 4).Select(i => host.Tenant.CreateGroup(TestGroups.Security($"Opting out {i}"))).ToList();
        await host.SeedWrittenBackAsync(leaving);
        await host.StartDeltaAsync();
        leaving.ForEach(g => host.Tenant.UpdateGroup(g, group => group with { WritebackEnabled = false }));
        var bystander = host.Tenant.CreateGroup(TestGroups.Security("Bystander"));
        await host.SignalDeltaAsync();
        return (host, leaving, bystander);
    }

    private async Task<(WorkflowHost Host, IReadOnlyList<string> Groups)> DeletingRoundAsync(IReadOnlyDictionary<string, string> settings)
    {
        var host = await WorkflowHost.StartAsync(output, settings);
        var groups = Enumerable.Range(0, 4).Select(i => host.Tenant.CreateGroup(TestGroups.Security($"Kept {i}"))).ToList();
        await host.SeedWrittenBackAsync(groups);
        await host.StartDeltaAsync();
        groups.ForEach(host.Tenant.DeleteGroup);
        await host.SignalDeltaAsync();
        return (host, groups);
    }

    private static int DeleteCount(WorkflowHost host) => host.Agent.Published.OfType<DeleteGroupCommand>().Select(c => c.CommandId).Distinct().Count();

}
