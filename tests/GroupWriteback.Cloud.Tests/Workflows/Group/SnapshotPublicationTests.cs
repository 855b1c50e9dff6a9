using GroupWriteback.Contracts.Commands;
using Xunit.Abstractions;

namespace GroupWriteback.Cloud.Tests.Workflows.Group;

/// <summary>
/// A pass that sends a snapshot queues its upsert ahead of the chunks in the same publication when the membership fits
/// one Graph page (so the agent can add a new group with its members in one write), and before reading the second page
/// otherwise.
/// </summary>
public sealed class SnapshotPublicationTests(ITestOutputHelper output)
{
    [Fact]
    public async Task GroupPass_MembershipOfOnePage_QueuesTheUpsertAndTheSnapshotInOnePublication()
    {
        // Arrange
        await using var host = await WorkflowHost.StartAsync(output, graphPageSize: 10);
        var groupId = host.Tenant.CreateGroup(TestGroups.Security("One Page"), host.Tenant.AddUsers(8));

        // Act
        await host.RequestPassAsync(new() { GroupId = groupId });
        var status = await host.WaitForGroupAsync(groupId, s => s.LastOutcome == "succeeded", "succeeded");

        // Assert
        var publication = Assert.Single(host.Agent.Publications, p => p.Any(c => c.GroupId == groupId));
        Assert.Equal([CommandKinds.UpsertGroup, CommandKinds.MembershipSnapshot], publication.Select(c => c.Kind));
        var snapshot = Assert.IsType<MembershipSnapshotCommand>(publication[1]);
        Assert.Equal((0, 1, 8), (snapshot.ChunkIndex, snapshot.ChunkCount, snapshot.Members.Count));
        Assert.Equal(8, status.MembersWritten);
    }

    [Fact]
    public async Task GroupPass_MembershipOfSeveralPages_QueuesTheUpsertBeforeTheSnapshot()
    {
        // Arrange
        await using var host = await WorkflowHost.StartAsync(output, graphPageSize: 10);
        var groupId = host.Tenant.CreateGroup(TestGroups.Security("Three Pages"), host.Tenant.AddUsers(25));

        // Act
        await host.RequestPassAsync(new() { GroupId = groupId });
        var status = await host.WaitForGroupAsync(groupId, s => s.LastOutcome == "succeeded", "succeeded");

        // Assert
        var publications = host.Agent.Publications.Where(p => p.Any(c => c.GroupId == groupId)).ToList();
        Assert.Equal(2, publications.Count);
        Assert.Equal([CommandKinds.UpsertGroup], publications[0].Select(c => c.Kind));
        Assert.All(publications[1], c => Assert.Equal(CommandKinds.MembershipSnapshot, c.Kind));
        Assert.Equal(25, publications[1].OfType<MembershipSnapshotCommand>().Sum(c => c.Members.Count));
        Assert.Equal(25, status.MembersWritten);
    }
}
