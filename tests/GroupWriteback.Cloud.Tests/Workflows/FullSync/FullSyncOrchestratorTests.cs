using GroupWriteback.Cloud.Workflows;
using GroupWriteback.Cloud.Workflows.Approvals;
using GroupWriteback.Cloud.Workflows.Disable;
using GroupWriteback.Cloud.Workflows.FullSync;
using GroupWriteback.Cloud.Workflows.Group;
using GroupWriteback.Cloud.Workflows.Switch;
using GroupWriteback.Contracts.Commands;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace GroupWriteback.Cloud.Tests.Workflows.FullSync;

/// <summary>Full sync / reconcile and disable writeback, run for real.</summary>
public sealed class FullSyncOrchestratorTests(ITestOutputHelper output)
{
    [Fact]
    public async Task FullSync_ManyGroups_ReportsProgressAndSnapshotsEachGroup()
    {
        // Arrange
        await using var host = await WorkflowHost.StartAsync(output, new Dictionary<string, string> { ["Writeback:FanOut"] = "4" });
        host.Agent.Reply = c => AgentReply.Succeed(c) with { Delay = TimeSpan.FromMilliseconds(40) };
        var groups = Enumerable.Range(0, 24).Select(i => host.Tenant.CreateGroup(TestGroups.Security($"Synced {i}"), host.Tenant.AddUsers(2))).ToList();
        var seen = new List<int>();

        // Act
        Assert.True(await FullSyncControl.StartAsync(host.Client, "admin", CancellationToken.None));
        var final = await host.WaitForRunAsync(InstanceIds.FullSync, s => Observe(seen, s).Phase == FullSyncPhase.Completed, "completed");

        // Assert
        Assert.Equal((24, 24, 0, "notNeeded"), (final.Total, final.Done, final.Unconfirmed, final.DeleteDecision));
        Assert.Contains(seen, done => done is > 0 and < 24);
        Assert.Equal(seen.Order(), seen);
        Assert.All(groups, g => Assert.Equal([CommandKinds.UpsertGroup, CommandKinds.MembershipSnapshot], host.Agent.KindsFor(g)));
    }

    [Fact]
    public async Task FullSync_AskedForWhileOneRuns_RunsAgainAndCatchesAChangeMadeAfterTheFirstListing()
    {
        // Arrange: a slow full sync, and a member added to a group after that sync has snapshotted it.
        await using var host = await WorkflowHost.StartAsync(output, new Dictionary<string, string> { ["Writeback:FanOut"] = "1" });
        host.Agent.Reply = c => AgentReply.Succeed(c) with { Delay = TimeSpan.FromMilliseconds(150) };
        var groups = Enumerable.Range(0, 6).Select(i => host.Tenant.CreateGroup(TestGroups.Security($"Requeued {i}"), host.Tenant.AddUsers(2))).ToList();
        Assert.True(await FullSyncControl.StartAsync(host.Client, "admin", CancellationToken.None));
        await WorkflowHost.UntilAsync(() => host.Agent.KindsFor(groups[0]).Contains(CommandKinds.MembershipSnapshot), "first group snapshotted");
        var late = host.Tenant.AddUsers(1)[0];
        host.Tenant.AddMembers(groups[0], late);

        // Act: the delta, re-based after a 410, asks for a full sync while the first still runs.
        var started = await FullSyncControl.StartOrQueueAsync(host.Client, "deltaTokenExpired", NullLogger.Instance, CancellationToken.None);
        var second = await host.WaitForRunAsync(InstanceIds.FullSync, s => s is { Reason: "deltaTokenExpired", Phase: FullSyncPhase.Completed }, "the second run completed");

        // Assert
        Assert.False(started);
        Assert.Equal((6, 6), (second.Total, second.Done));
        var snapshots = host.Agent.CommandsFor(groups[0]).OfType<MembershipSnapshotCommand>().ToList();
        Assert.Equal(2, snapshots.Count);
        Assert.DoesNotContain(late, snapshots[0].Members.Select(m => m.CloudId));
        Assert.Contains(late, snapshots[1].Members.Select(m => m.CloudId));
    }

    [Fact]
    public async Task FullSync_WrittenBackGroupLeftScope_IsDeleted()
    {
        // Arrange
        await using var host = await WorkflowHost.StartAsync(output);
        var kept = host.Tenant.CreateGroup(TestGroups.Security("Kept"));
        var leaving = host.Tenant.CreateGroup(TestGroups.Security("Leaving"));
        await host.SeedWrittenBackAsync([kept, leaving]);
        host.Tenant.UpdateGroup(leaving, g => g with { WritebackEnabled = false });

        // Act
        await FullSyncControl.StartAsync(host.Client, "schedule", CancellationToken.None);
        var final = await host.WaitForRunAsync(InstanceIds.FullSync, s => s.Phase == FullSyncPhase.Completed, "completed");

        // Assert
        Assert.Equal((1, 1, 1, 1, "belowThreshold"), (final.Total, final.DeleteCandidates, final.DeletesQueued, final.DeletesDone, final.DeleteDecision));
        Assert.Equal("outOfScope", Assert.IsType<DeleteGroupCommand>(Assert.Single(host.Agent.CommandsFor(leaving))).Reason);
        Assert.Equal([CommandKinds.UpsertGroup, CommandKinds.MembershipSnapshot], host.Agent.KindsFor(kept));
    }

    [Fact]
    public async Task DisableWriteback_Approved_DeletesEveryWrittenBackGroup()
    {
        // Arrange
        await using var host = await WorkflowHost.StartAsync(output);
        var groups = Enumerable.Range(0, 3).Select(i => host.Tenant.CreateGroup(TestGroups.Security($"Disabled {i}"))).ToList();
        await host.SeedWrittenBackAsync(groups);

        // Act
        Assert.True(await FullSyncControl.StartDisableWritebackAsync(host.Client, CancellationToken.None));
        var paused = await host.WaitForRunAsync(InstanceIds.DisableWriteback, s => s.Phase == FullSyncPhase.AwaitingApproval, "preview");
        var deletesWhilePaused = host.Agent.Published.OfType<DeleteGroupCommand>().Count();
        await DeleteApprovals.ApproveAsync(host.Client, InstanceIds.DisableWriteback, new(paused.Preview!.Id, "operator"), CancellationToken.None);
        var final = await host.WaitForRunAsync(InstanceIds.DisableWriteback, s => s.Phase == FullSyncPhase.Completed, "completed");

        // Assert
        Assert.Equal(0, deletesWhilePaused);
        Assert.Equal((3, 0), (paused.Preview.Count, paused.Preview.Threshold));
        Assert.Equal(groups.Order(), paused.Preview.Items.Order());
        Assert.Equal((3, 3, "approved"), (final.DeletesQueued, final.DeletesDone, final.DeleteDecision));
        Assert.All(groups, g => Assert.Equal(
            DisableWritebackOrchestrator.DeleteReason, Assert.IsType<DeleteGroupCommand>(Assert.Single(host.Agent.CommandsFor(g))).Reason));
        Assert.Empty(await GroupOrchestrations.ListWrittenBackAsync(host.Client, CancellationToken.None));
    }

    [Fact]
    public async Task DisableWriteback_Rejected_DeletesNothing()
    {
        // Arrange
        await using var host = await WorkflowHost.StartAsync(output);
        var groups = Enumerable.Range(0, 2).Select(i => host.Tenant.CreateGroup(TestGroups.Security($"Stays {i}"))).ToList();
        await host.SeedWrittenBackAsync(groups);

        // Act
        await FullSyncControl.StartDisableWritebackAsync(host.Client, CancellationToken.None);
        var paused = await host.WaitForRunAsync(InstanceIds.DisableWriteback, s => s.Phase == FullSyncPhase.AwaitingApproval, "preview");
        await DeleteApprovals.RejectAsync(host.Client, InstanceIds.DisableWriteback, new(paused.Preview!.Id, "operator"), CancellationToken.None);
        var final = await host.WaitForRunAsync(InstanceIds.DisableWriteback, s => s.Phase == FullSyncPhase.Completed, "completed");

        // Assert
        Assert.Equal((0, "rejected"), (final.DeletesQueued, final.DeleteDecision));
        Assert.Empty(host.Agent.Published);
        Assert.True((await WritebackSwitchControl.GetAsync(host.Client, CancellationToken.None)).Enabled);
        Assert.Equal(2, (await GroupOrchestrations.ListWrittenBackAsync(host.Client, CancellationToken.None)).Count);
    }

    private static FullSyncStatus Observe(List<int> seen, FullSyncStatus status)
    {
        if (seen.Count == 0 || seen[^1] != status.Done)
        {
            seen.Add(status.Done);
        }

        return status;
    }
}
