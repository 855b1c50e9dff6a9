using GroupWriteback.Cloud.Workflows;
using GroupWriteback.Cloud.Workflows.FullSync;
using GroupWriteback.Cloud.Workflows.Group;
using GroupWriteback.Contracts.Commands;
using GroupWriteback.Contracts.Results;
using Xunit.Abstractions;

namespace GroupWriteback.Cloud.Tests.Workflows.Group;

/// <summary>
/// A group the agent refused for good is reported once and not queued again by later full syncs (each would only add
/// dead letters), until the group changes in the cloud.
/// </summary>
public sealed class RefusedGroupTests(ITestOutputHelper output)
{
    [Fact]
    public async Task FullSync_GroupTheAgentRefused_IsNotQueuedAgainUntilItChanges()
    {
        // Arrange
        await using var host = await WorkflowHost.StartAsync(output);
        var refused = host.Tenant.CreateGroup(TestGroups.Security("Refused By Agent"), host.Tenant.AddUsers(2));
        var fine = host.Tenant.CreateGroup(TestGroups.Security("Accepted"), host.Tenant.AddUsers(1));
        host.Agent.Reply = c => c.GroupId == refused ? AgentReply.Fail(c, FailureReason.DirectoryRejected) : AgentReply.Succeed(c);
        await RunFullSyncAsync(host);
        var first = host.Agent.Published.Count(c => c.GroupId == refused);
        var fineFirst = host.Agent.Published.Count(c => c.GroupId == fine);

        // Act
        await RunFullSyncAsync(host);
        var afterSecond = host.Agent.Published.Count(c => c.GroupId == refused);
        var status = (await GroupOrchestrations.GetStatusAsync(host.Client, refused, CancellationToken.None))!;
        host.Tenant.UpdateGroup(refused, g => g with { DisplayName = "Refused By Agent (renamed)" });
        await RunFullSyncAsync(host);

        // Assert
        Assert.True(first > 0);
        Assert.Equal(first, afterSecond);
        Assert.True(host.Agent.Published.Count(c => c.GroupId == fine) > fineFirst, "the accepted group is still synced");
        Assert.Equal(("rejected", PlanGroupActivity.RefusedReason), (status.LastOutcome, status.SkipReason));
        Assert.Contains("unchanged since the agent refused it", status.LastError, StringComparison.Ordinal);
        Assert.Contains("DirectoryRejected", status.LastError, StringComparison.Ordinal);
        Assert.True(host.Agent.Published.Count(c => c.GroupId == refused && c is UpsertGroupCommand) > 1, "the changed group is queued again");
    }

    [Fact]
    public async Task GroupPass_UpsertBreakingTheWireRules_IsRejectedWithoutQueuingAnything()
    {
        // Arrange
        await using var host = await WorkflowHost.StartAsync(output);
        var group = TestGroups.Microsoft365("Bad Mail", "badmail");
        var groupId = host.Tenant.CreateGroup(group with { ProxyAddresses = [.. group.ProxyAddresses ?? [], " "] });

        // Act
        await host.RequestPassAsync(new() { GroupId = groupId });
        var status = await host.WaitForGroupAsync(groupId, s => s.LastOutcome == "rejected", "rejected before queuing");

        // Assert
        Assert.DoesNotContain(host.Agent.Published, c => c.GroupId == groupId);
        Assert.Contains("attributes.proxyAddresses holds an empty or null address", status.LastError, StringComparison.Ordinal);
        Assert.Contains("the agent would refuse it: ", status.LastError, StringComparison.Ordinal);
    }

    private static async Task RunFullSyncAsync(WorkflowHost host)
    {
        Assert.True(await FullSyncControl.StartAsync(host.Client, "admin", CancellationToken.None));
        await host.WaitForRunAsync(InstanceIds.FullSync, s => s.Phase == FullSyncPhase.Completed, "completed");
    }
}
