using GroupWriteback.Cloud.Planning;
using GroupWriteback.Cloud.Workflows.Group;
using GroupWriteback.Contracts.Commands;
using Xunit.Abstractions;

namespace GroupWriteback.Cloud.Tests.Workflows.Delta;

/// <summary>
/// Delta rounds whose member changes include devices: what is never a member on-premises costs no Graph read
/// and no membership snapshot, and the pass costs only what the user and group changes need.
/// </summary>
public sealed class DeltaMemberKindsTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Round_DeviceLeavesWrittenBackGroup_SkippedAndCountedWithoutSnapshotOrLookup()
    {
        // Arrange: a written-back device group (two users, two devices).
        await using var host = await WorkflowHost.StartAsync(output);
        await host.StartDeltaAsync();
        var users = host.Tenant.AddUsers(2);
        var devices = new[] { host.Tenant.AddDevice("Kiosk 1"), host.Tenant.AddDevice("Kiosk 2") };
        var groupId = host.Tenant.CreateGroup(TestGroups.Security("Kiosks"), [.. users, .. devices]);
        await host.SignalDeltaAsync();
        await host.WaitForGroupAsync(groupId, s => s is { Pass: 1, Phase: GroupPhase.Idle, WrittenBack: true }, "written back");
        var lookupsBefore = host.Tenant.MemberLookups.Count;

        // Act
        host.Tenant.RemoveMembers(groupId, devices[0]);
        await host.SignalDeltaAsync();
        var after = await host.WaitForGroupAsync(groupId, s => s is { Pass: 2, Phase: GroupPhase.Idle }, "device removal handled");

        // Assert: nothing was queued for the device and nothing was read to resolve it.
        Assert.Equal([CommandKinds.UpsertGroup, CommandKinds.MembershipSnapshot], host.Agent.KindsFor(groupId));
        Assert.Equal(lookupsBefore, host.Tenant.MemberLookups.Count);
        Assert.Equal(1, after.MembersSkipped);
        Assert.Equal(new Dictionary<string, int> { [MemberSkipReasons.MemberTypeNotWrittenBack] = 1 }, after.MembersSkippedBy);
    }

    [Fact]
    public async Task Round_DeviceAndUserLeave_OnlyTheUserIsRemovedByOneChange()
    {
        // Arrange
        await using var host = await WorkflowHost.StartAsync(output);
        await host.StartDeltaAsync();
        var users = host.Tenant.AddUsers(3);
        var device = host.Tenant.AddDevice("Printer");
        var groupId = host.Tenant.CreateGroup(TestGroups.Security("Printers"), [.. users, device]);
        await host.SignalDeltaAsync();
        await host.WaitForGroupAsync(groupId, s => s is { Pass: 1, Phase: GroupPhase.Idle, WrittenBack: true }, "written back");

        // Act
        host.Tenant.RemoveMembers(groupId, device, users[2]);
        await host.SignalDeltaAsync();
        await host.WaitForGroupAsync(groupId, s => s is { Pass: 2, Phase: GroupPhase.Idle }, "removals handled");

        // Assert: one membership change that removes the user alone, no second snapshot.
        Assert.Equal([CommandKinds.UpsertGroup, CommandKinds.MembershipSnapshot, CommandKinds.ChangeMembership], host.Agent.KindsFor(groupId));
        var change = Assert.IsType<ChangeMembershipCommand>(host.Agent.CommandsFor(groupId)[^1]);
        Assert.Equal((0, users[2]), (change.Add.Count, Assert.Single(change.Remove).CloudId));
    }
}
