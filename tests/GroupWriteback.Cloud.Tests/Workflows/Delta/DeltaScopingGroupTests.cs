using GroupWriteback.Cloud.Workflows;
using GroupWriteback.Cloud.Workflows.Approvals;
using GroupWriteback.Cloud.Workflows.Delta;
using GroupWriteback.Cloud.Workflows.Group;
using GroupWriteback.Contracts.Commands;
using Xunit.Abstractions;

namespace GroupWriteback.Cloud.Tests.Workflows.Delta;

/// <summary>
/// The delta round in "members of a scoping group" mode: groups joining or leaving the scoping group change
/// only the scoping group's <c>members@delta</c>, and the round starts their passes.
/// </summary>
public sealed class DeltaScopingGroupTests(ITestOutputHelper output)
{
    private readonly string _scopeId = Guid.NewGuid().ToString();

    [Fact]
    public async Task Round_GroupAddedToScopingGroup_WritesItBack()
    {
        // Arrange
        await using var host = await WorkflowHost.StartAsync(output, Settings());
        host.Tenant.CreateGroup(TestGroups.Security("Scope") with { Id = _scopeId });
        var joining = host.Tenant.CreateGroup(TestGroups.Security("Joining"), host.Tenant.AddUsers(1));
        var user = host.Tenant.AddUser("S-1-5-21-1-2-3-777");
        await host.StartDeltaAsync();
        host.Tenant.AddMembers(_scopeId, joining, user);

        // Act
        await host.SignalDeltaAsync();
        var status = await host.WaitForGroupAsync(joining, s => s is { Pass: 1, Phase: GroupPhase.Idle }, "pass finished");
        var state = await host.WaitForDeltaAsync(s => s is { Rounds: 1, Phase: DeltaPhase.Idle }, "round finished");

        // Assert: the joining group is written back; the user that joined starts no pass (the scoping group's own does).
        Assert.Equal(("succeeded", true), (status.LastOutcome, status.WrittenBack));
        Assert.Equal([CommandKinds.UpsertGroup, CommandKinds.MembershipSnapshot], host.Agent.KindsFor(joining));
        Assert.Equal(2, state.LastRoundGroups);
        Assert.Null(await GroupOrchestrations.GetStatusAsync(host.Client, user, CancellationToken.None));
        Assert.Empty(host.Agent.CommandsFor(_scopeId));
    }

    [Fact]
    public async Task Round_GroupRemovedFromScopingGroup_DeletesIt()
    {
        // Arrange
        await using var host = await WorkflowHost.StartAsync(output, Settings());
        var leaving = host.Tenant.CreateGroup(TestGroups.Security("Leaving"));
        var staying = host.Tenant.CreateGroup(TestGroups.Security("Staying"));
        host.Tenant.CreateGroup(TestGroups.Security("Scope") with { Id = _scopeId }, [leaving, staying]);
        await host.SeedWrittenBackAsync([leaving, staying]);
        await host.StartDeltaAsync();
        host.Tenant.RemoveMembers(_scopeId, leaving);

        // Act
        await host.SignalDeltaAsync();
        var status = await host.WaitForGroupAsync(leaving, s => s.Phase == GroupPhase.Deleted, "deleted");
        await host.WaitForDeltaAsync(s => s is { Rounds: 1, Phase: DeltaPhase.Idle }, "round finished");

        // Assert
        Assert.False(status.WrittenBack);
        Assert.Equal("outOfScope", Assert.IsType<DeleteGroupCommand>(Assert.Single(host.Agent.CommandsFor(leaving))).Reason);
        Assert.Empty(host.Agent.CommandsFor(staying));
        Assert.True((await GroupOrchestrations.GetStatusAsync(host.Client, staying, CancellationToken.None))!.WrittenBack);
    }

    [Fact]
    public async Task DeleteGuard_GroupsRemovedFromScopingGroupOverThreshold_PausesWithNoDeleteQueued()
    {
        // Arrange
        await using var host = await WorkflowHost.StartAsync(output, Settings(("Writeback:DeleteThreshold", "1")));
        var leaving = Enumerable.Range(0, 2).Select(i => host.Tenant.CreateGroup(TestGroups.Security($"Leaving {i}"))).ToList();
        host.Tenant.CreateGroup(TestGroups.Security("Scope") with { Id = _scopeId }, leaving);
        await host.SeedWrittenBackAsync(leaving);
        await host.StartDeltaAsync();
        host.Tenant.RemoveMembers(_scopeId, [.. leaving]);

        // Act
        await host.SignalDeltaAsync();
        var paused = await host.WaitForDeltaAsync(s => s.Phase == DeltaPhase.AwaitingApproval, "paused");
        var deletesWhilePaused = host.Agent.Published.OfType<DeleteGroupCommand>().Count();
        await DeleteApprovals.ApproveAsync(host.Client, InstanceIds.Delta, new(paused.Preview!.Id, "operator"), CancellationToken.None);
        await WorkflowHost.UntilAsync(() => leaving.All(g => host.Agent.KindsFor(g).SequenceEqual([CommandKinds.DeleteGroup])), "both deleted");

        // Assert
        Assert.Equal(0, deletesWhilePaused);
        Assert.Equal(2, paused.Preview.Count);
        Assert.Equal(leaving.Order(StringComparer.Ordinal), paused.Preview.Items);
    }

    private Dictionary<string, string> Settings(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string> { ["Writeback:Mode"] = "Selected", ["Writeback:ScopingGroupId"] = _scopeId };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }
}
