using GroupWriteback.Cloud.Api;
using GroupWriteback.Cloud.Api.Access;
using GroupWriteback.Cloud.Tests.Api;
using GroupWriteback.Cloud.Workflows;
using GroupWriteback.Cloud.Workflows.Approvals;
using GroupWriteback.Cloud.Workflows.Delta;
using GroupWriteback.Cloud.Workflows.FullSync;
using GroupWriteback.Cloud.Workflows.Group;
using GroupWriteback.Cloud.Workflows.Switch;
using GroupWriteback.Contracts.Commands;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace GroupWriteback.Cloud.Tests.Workflows.Switch;

/// <summary>Disable writeback stays off until enabled again: the delta, sync-one-group and full sync all respect it.</summary>
public sealed class WritebackSwitchWorkflowTests(ITestOutputHelper output)
{
    private static readonly AdminPrincipal Operator = new("oid-operator", "operator@corp.test", [AdminRoles.Operate], AdminAuthentication.Entra);

    [Fact]
    public async Task DisableWriteback_ApprovedThenTenantChanges_NothingQueuedUntilEnabled()
    {
        // Arrange: one group written back, the delta running on the current link.
        await using var host = await WorkflowHost.StartAsync(output);
        var existing = host.Tenant.CreateGroup(TestGroups.Security("Existing"), host.Tenant.AddUsers(1));
        await host.SeedWrittenBackAsync([existing]);
        await host.StartDeltaAsync();

        // Act 1: disable with approval.
        Assert.True(await FullSyncControl.StartDisableWritebackAsync(host.Client, CancellationToken.None));
        var paused = await host.WaitForRunAsync(InstanceIds.DisableWriteback, s => s.Phase == FullSyncPhase.AwaitingApproval, "preview");
        await DeleteApprovals.ApproveAsync(host.Client, InstanceIds.DisableWriteback, new(paused.Preview!.Id, "operator"), CancellationToken.None);
        await host.WaitForRunAsync(InstanceIds.DisableWriteback, s => s.Phase == FullSyncPhase.Completed, "completed");
        var off = await WritebackSwitchControl.GetAsync(host.Client, CancellationToken.None);

        // Act 2: changes in Entra ID, read by a delta round.
        var created = host.Tenant.CreateGroup(TestGroups.Security("Created while off"), host.Tenant.AddUsers(2));
        host.Tenant.AddMembers(existing, host.Tenant.AddUser("S-1-5-21-1-2-3-5001"));
        await host.SignalDeltaAsync();
        await host.WaitForDeltaAsync(s => s is { Rounds: 1, Phase: DeltaPhase.Idle }, "one round");
        var createdWhileOff = await host.WaitForGroupAsync(created, s => s is { Pass: 1, Phase: not (GroupPhase.Planning or GroupPhase.WaitingForAgent) }, "pass done");
        var existingWhileOff = await host.WaitForGroupAsync(existing, s => s is { Pass: 3, Phase: not (GroupPhase.Planning or GroupPhase.WaitingForAgent) }, "pass done");
        var syncWhileOff = await new SyncHandler(host.Client, NullLogger<SyncHandler>.Instance).SyncGroupAsync(created, CancellationToken.None);
        var queuedWhileOff = host.Agent.Published.Count;

        // Assert: writeback is recorded off, by this run, and the changes queued nothing.
        Assert.Equal((false, InstanceIds.DisableWriteback, paused.Preview.Id), (off.Enabled, off.DisabledByRun, off.ApprovedPreviewId));
        Assert.NotNull(off.DisabledAt);
        Assert.Equal((WritebackSwitch.SkipReason, "skipped", false), (createdWhileOff.SkipReason, createdWhileOff.LastOutcome, createdWhileOff.WrittenBack));
        Assert.Equal((WritebackSwitch.SkipReason, false), (existingWhileOff.SkipReason, existingWhileOff.WrittenBack));
        Assert.Empty(host.Agent.CommandsFor(created));
        Assert.Equal([CommandKinds.DeleteGroup], host.Agent.KindsFor(existing));
        ApiAssert.Error(syncWhileOff, 409, ErrorCodes.WritebackDisabled);
        Assert.Equal(1, queuedWhileOff);

        // Act 3: enable; the full sync it starts catches up.
        var enabled = await new EnableWritebackHandler(host.Client, TimeProvider.System, NullLogger<EnableWritebackHandler>.Instance).EnableAsync(Operator, CancellationToken.None);
        var resync = await host.WaitForRunAsync(InstanceIds.FullSync, s => s.Phase == FullSyncPhase.Completed, "full sync after enabling");

        // Assert: both groups are written back again, and the switch says who turned it on.
        var accepted = ApiAssert.Body(enabled, 202, ApiJsonContext.Default.AcceptedOperation);
        Assert.Equal((InstanceIds.FullSync, "started"), (accepted.InstanceId, accepted.Status));
        Assert.Equal(("writebackEnabled", 2, 2), (resync.Reason, resync.Total, resync.Done));
        Assert.Equal([CommandKinds.UpsertGroup, CommandKinds.MembershipSnapshot], host.Agent.KindsFor(created));
        Assert.Equal([CommandKinds.DeleteGroup, CommandKinds.UpsertGroup, CommandKinds.MembershipSnapshot], host.Agent.KindsFor(existing));
        var snapshot = Assert.IsType<MembershipSnapshotCommand>(host.Agent.CommandsFor(existing)[^1]);
        Assert.Contains(snapshot.Members, m => m.Sid == "S-1-5-21-1-2-3-5001");
        var on = await WritebackSwitchControl.GetAsync(host.Client, CancellationToken.None);
        Assert.Equal((true, Operator.Name), (on.Enabled, on.EnabledBy));
    }

    [Fact]
    public async Task DeltaChange_AfterEnabling_IsWrittenAgain()
    {
        // Arrange: writeback disabled (nothing was written back, so nothing needed an approval), delta running.
        await using var host = await WorkflowHost.StartAsync(output);
        await host.StartDeltaAsync();
        await FullSyncControl.StartDisableWritebackAsync(host.Client, CancellationToken.None);
        var disabled = await host.WaitForRunAsync(InstanceIds.DisableWriteback, s => s.Phase == FullSyncPhase.Completed, "completed");
        Assert.False((await WritebackSwitchControl.GetAsync(host.Client, CancellationToken.None)).Enabled);
        await new EnableWritebackHandler(host.Client, TimeProvider.System, NullLogger<EnableWritebackHandler>.Instance).EnableAsync(Operator, CancellationToken.None);
        await host.WaitForRunAsync(InstanceIds.FullSync, s => s.Phase == FullSyncPhase.Completed, "full sync after enabling");

        // Act
        var groupId = host.Tenant.CreateGroup(TestGroups.Security("Created after enabling"), host.Tenant.AddUsers(1));
        await host.SignalDeltaAsync();
        var status = await host.WaitForGroupAsync(groupId, s => s is { Pass: 1, Phase: GroupPhase.Idle }, "written back");

        // Assert
        Assert.Equal("notNeeded", disabled.DeleteDecision);
        Assert.Equal(("succeeded", true, null), (status.LastOutcome, status.WrittenBack, status.SkipReason));
        Assert.Equal([CommandKinds.UpsertGroup, CommandKinds.MembershipSnapshot], host.Agent.KindsFor(groupId));
    }
}
