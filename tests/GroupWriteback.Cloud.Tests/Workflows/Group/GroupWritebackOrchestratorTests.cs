using GroupWriteback.Cloud.Workflows;
using GroupWriteback.Cloud.Workflows.Group;
using GroupWriteback.Contracts;
using GroupWriteback.Contracts.Commands;
using Xunit.Abstractions;

namespace GroupWriteback.Cloud.Tests.Workflows.Group;

/// <summary>The per-group orchestration, driven by the delta orchestration, against the fake agent.</summary>
public sealed class GroupWritebackOrchestratorTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Lifecycle_CreateRenameChangeMembersDelete_QueuesExpectedCommandsInOrder()
    {
        // Arrange
        await using var host = await WorkflowHost.StartAsync(output);
        var alice = host.Tenant.AddUser("S-1-5-21-1-2-3-1001");
        var bob = host.Tenant.AddUser("S-1-5-21-1-2-3-1002");
        var carol = host.Tenant.AddUser("S-1-5-21-1-2-3-1003");
        await host.StartDeltaAsync();

        // Act
        var groupId = host.Tenant.CreateGroup(TestGroups.Security("Sales"), [alice, bob]);
        await ChangeAndWaitAsync(host, pass: 1, groupId);
        host.Tenant.UpdateGroup(groupId, g => g with { DisplayName = "Sales EMEA" });
        await ChangeAndWaitAsync(host, pass: 2, groupId);
        host.Tenant.AddMembers(groupId, carol);
        await ChangeAndWaitAsync(host, pass: 3, groupId);
        host.Tenant.RemoveMembers(groupId, alice);
        await ChangeAndWaitAsync(host, pass: 4, groupId);
        host.Tenant.DeleteGroup(groupId);
        await host.SignalDeltaAsync();
        var final = await host.WaitForGroupAsync(groupId, s => s.Phase == GroupPhase.Deleted, "deleted");

        // Assert
        var commands = host.Agent.CommandsFor(groupId);
        Assert.Equal(
            [CommandKinds.UpsertGroup, CommandKinds.MembershipSnapshot, CommandKinds.UpsertGroup, CommandKinds.ChangeMembership, CommandKinds.ChangeMembership, CommandKinds.DeleteGroup],
            commands.Select(c => c.Kind));
        var created = Assert.IsType<UpsertGroupCommand>(commands[0]);
        Assert.Equal(("Sales", OnPremisesGroupType.UniversalSecurityGroup, WorkflowHost.TargetOu), (created.Attributes.DisplayName, created.GroupType, created.TargetOu));
        var snapshot = Assert.IsType<MembershipSnapshotCommand>(commands[1]);
        Assert.Equal(["S-1-5-21-1-2-3-1001", "S-1-5-21-1-2-3-1002"], snapshot.Members.Select(m => m.Sid));
        Assert.Equal("Sales EMEA", Assert.IsType<UpsertGroupCommand>(commands[2]).Attributes.DisplayName);
        var added = Assert.IsType<ChangeMembershipCommand>(commands[3]);
        Assert.Equal(["S-1-5-21-1-2-3-1003"], added.Add.Select(m => m.Sid));
        Assert.Empty(added.Remove);
        var removed = Assert.IsType<ChangeMembershipCommand>(commands[4]);
        Assert.Empty(removed.Add);
        Assert.Equal(["S-1-5-21-1-2-3-1001"], removed.Remove.Select(m => m.Sid));
        Assert.Equal("deletedInCloud", Assert.IsType<DeleteGroupCommand>(commands[5]).Reason);
        Assert.All(commands, c => Assert.Equal(InstanceIds.ForGroup(groupId), c.ReplyTo));
        Assert.Equal(commands.Count, commands.Select(c => c.CommandId).Distinct().Count());
        Assert.Equal((false, "deleted", null), (final.WrittenBack, final.LastOutcome, final.DistinguishedName));
        Assert.Equal(Enumerable.Repeat(200, 5), host.Tenant.DeltaReads.Select(r => r.StatusCode));
    }

    [Fact]
    public async Task Lifecycle_SecurityAndMicrosoft365GroupsChangedInTheSameRounds_QueueEachGroupsCommandsInOrder()
    {
        // Arrange
        await using var host = await WorkflowHost.StartAsync(output);
        var users = host.Tenant.AddUsers(3);
        await host.StartDeltaAsync();

        // Act
        var security = host.Tenant.CreateGroup(TestGroups.Security("Ops"), [users[0]]);
        var team = host.Tenant.CreateGroup(TestGroups.Microsoft365("Team", "team"), [users[1], users[2]]);
        await ChangeAndWaitAsync(host, pass: 1, security, team);
        host.Tenant.AddMembers(security, users[1]);
        host.Tenant.UpdateGroup(team, g => g with { DisplayName = "Team EMEA", Description = "Europe" });
        await ChangeAndWaitAsync(host, pass: 2, security, team);
        host.Tenant.UpdateGroup(security, g => g with { DisplayName = "Ops EMEA" });
        host.Tenant.RemoveMembers(team, users[1]);
        await ChangeAndWaitAsync(host, pass: 3, security, team);
        host.Tenant.DeleteGroup(security);
        host.Tenant.DeleteGroup(team);
        await host.SignalDeltaAsync();
        await Task.WhenAll(new[] { security, team }.Select(g => host.WaitForGroupAsync(g, s => s.Phase == GroupPhase.Deleted, "deleted")));

        // Assert
        Assert.Equal(
            [CommandKinds.UpsertGroup, CommandKinds.MembershipSnapshot, CommandKinds.ChangeMembership, CommandKinds.UpsertGroup, CommandKinds.DeleteGroup],
            host.Agent.KindsFor(security));
        Assert.Equal(
            [CommandKinds.UpsertGroup, CommandKinds.MembershipSnapshot, CommandKinds.UpsertGroup, CommandKinds.ChangeMembership, CommandKinds.DeleteGroup],
            host.Agent.KindsFor(team));
        Assert.Equal([users[1]], Assert.IsType<ChangeMembershipCommand>(host.Agent.CommandsFor(security)[2]).Add.Select(m => m.CloudId));
        Assert.Equal("Ops EMEA", Assert.IsType<UpsertGroupCommand>(host.Agent.CommandsFor(security)[3]).Attributes.DisplayName);
        var renamed = Assert.IsType<UpsertGroupCommand>(host.Agent.CommandsFor(team)[2]);
        Assert.Equal(("Team EMEA", "Europe", OnPremisesGroupType.UniversalDistributionGroup), (renamed.Attributes.DisplayName, renamed.Attributes.Description, renamed.GroupType));
        Assert.Equal([users[1]], Assert.IsType<ChangeMembershipCommand>(host.Agent.CommandsFor(team)[3]).Remove.Select(m => m.CloudId));
        Assert.All(new[] { security, team }, g => Assert.Equal("deletedInCloud", Assert.IsType<DeleteGroupCommand>(host.Agent.CommandsFor(g)[^1]).Reason));
    }

    [Fact]
    public async Task MemberUserDeletedInCloud_NextPass_QueuesASnapshotWithoutThatUser()
    {
        // Arrange: a deleted user is no longer returned by getByIds, so its SID cannot be looked up for a removal.
        await using var host = await WorkflowHost.StartAsync(output);
        var alice = host.Tenant.AddUser("S-1-5-21-1-2-3-2001");
        var bob = host.Tenant.AddUser("S-1-5-21-1-2-3-2002");
        await host.StartDeltaAsync();
        var groupId = host.Tenant.CreateGroup(TestGroups.Security("Leavers"), [alice, bob]);
        await ChangeAndWaitAsync(host, pass: 1, groupId);

        // Act
        host.Tenant.DeleteUser(alice);
        await host.SignalDeltaAsync();
        var status = await host.WaitForGroupAsync(groupId, s => s.Pass == 2 && s.Phase == GroupPhase.Idle, "pass 2");

        // Assert
        var commands = host.Agent.CommandsFor(groupId);
        Assert.Equal([CommandKinds.UpsertGroup, CommandKinds.MembershipSnapshot, CommandKinds.MembershipSnapshot], commands.Select(c => c.Kind));
        var repaired = Assert.IsType<MembershipSnapshotCommand>(commands[2]);
        Assert.Equal(["S-1-5-21-1-2-3-2002"], repaired.Members.Select(m => m.Sid));
        Assert.Equal("succeeded", status.LastOutcome);
    }

    [Fact]
    public async Task GroupPass_AfterUpsert_RecordsAgentResultsInStatus()
    {
        // Arrange
        await using var host = await WorkflowHost.StartAsync(output);
        var members = host.Tenant.AddUsers(3).Append(host.Tenant.AddUser()).ToArray();
        var groupId = host.Tenant.CreateGroup(TestGroups.Microsoft365("Project X", "projectx"), members);

        // Act
        await host.RequestPassAsync(new() { GroupId = groupId, Origin = "admin" });
        var status = await host.WaitForGroupAsync(groupId, s => s is { Pass: 1, Phase: GroupPhase.Idle }, "first pass");

        // Assert
        Assert.Equal(
            (true, "succeeded", $"CN=Group_{groupId},{WorkflowHost.TargetOu}", AgentReply.ObjectGuidOf(groupId), 3, 1, 3),
            (status.WrittenBack, status.LastOutcome, status.DistinguishedName, status.ObjectGuid, status.MembersWritten, status.MembersSkipped, status.KnownMemberCount));
        var upsert = Assert.IsType<UpsertGroupCommand>(host.Agent.CommandsFor(groupId)[0]);
        Assert.Equal((CloudGroupKind.Microsoft365, OnPremisesGroupType.UniversalDistributionGroup, "projectx"), (upsert.CloudKind, upsert.GroupType, upsert.Attributes.MailNickname));
    }

    [Fact]
    public async Task GroupPass_LargeMembership_SendsSnapshotInWireSizedChunks()
    {
        // Arrange
        await using var host = await WorkflowHost.StartAsync(output, graphPageSize: 999);
        var members = host.Tenant.AddUsers(2500);
        var groupId = host.Tenant.CreateGroup(TestGroups.Security("Everyone"), members);

        // Act
        await host.RequestPassAsync(new() { GroupId = groupId });
        var status = await host.WaitForGroupAsync(groupId, s => s is { Pass: 1, Phase: GroupPhase.Idle }, "first pass");

        // Assert
        var chunks = host.Agent.CommandsFor(groupId).OfType<MembershipSnapshotCommand>().ToList();
        Assert.Equal([1000, 1000, 500], chunks.Select(c => c.Members.Count));
        Assert.Equal([0, 1, 2], chunks.Select(c => c.ChunkIndex));
        Assert.All(chunks, c => Assert.Equal((3, chunks[0].SnapshotId), (c.ChunkCount, c.SnapshotId)));
        Assert.Equal(members.Count, chunks.SelectMany(c => c.Members).Select(m => m.CloudId).Distinct().Count());
        Assert.Equal(("succeeded", 2500), (status.LastOutcome, status.KnownMemberCount));
    }

    [Fact]
    public async Task GroupPass_MembersOfEveryKind_CarryTheirOnPremisesKey()
    {
        // Arrange
        await using var host = await WorkflowHost.StartAsync(output);
        var synced = host.Tenant.AddUser("S-1-5-21-1-2-3-2001");
        var byGuid = host.Tenant.AddUser(objectGuid: Guid.Parse("0f4a1b2c-3d4e-5f60-7182-93a4b5c6d7e8"));
        var cloudOnly = host.Tenant.AddUser();
        var nested = host.Tenant.CreateGroup(TestGroups.Security("Nested"));
        var groupId = host.Tenant.CreateGroup(TestGroups.Security("Parent"), [synced, byGuid, cloudOnly, nested]);

        // Act
        await host.RequestPassAsync(new() { GroupId = groupId });
        var status = await host.WaitForGroupAsync(groupId, s => s is { Pass: 1, Phase: GroupPhase.Idle }, "first pass");

        // Assert
        var members = host.Agent.CommandsFor(groupId).OfType<MembershipSnapshotCommand>().Single().Members;
        Assert.Equal(
            [(synced, "S-1-5-21-1-2-3-2001", null, null), (byGuid, null, Guid.Parse("0f4a1b2c-3d4e-5f60-7182-93a4b5c6d7e8"), null), (nested, null, null, nested)],
            members.Select(m => (m.CloudId, m.Sid, m.ObjectGuid, m.WrittenBackGroupId)));
        Assert.Equal(1, status.MembersSkipped);
    }

    [Fact]
    public async Task GroupPass_TypeFromWritebackConfiguration_IsUsedForTheGroup()
    {
        // Arrange
        await using var host = await WorkflowHost.StartAsync(output);
        var groupId = host.Tenant.CreateGroup(TestGroups.Microsoft365("Mail sec", "mailsec").WithType(OnPremisesGroupType.UniversalMailEnabledSecurityGroup));

        // Act
        await host.RequestPassAsync(new() { GroupId = groupId });
        await host.WaitForGroupAsync(groupId, s => s is { Pass: 1, Phase: GroupPhase.Idle }, "first pass");

        // Assert
        var upsert = Assert.IsType<UpsertGroupCommand>(host.Agent.CommandsFor(groupId)[0]);
        Assert.Equal((OnPremisesGroupType.UniversalMailEnabledSecurityGroup, "mailsec@corp.test"), (upsert.GroupType, upsert.Attributes.Mail));
    }

    private static async Task ChangeAndWaitAsync(WorkflowHost host, int pass, params string[] groupIds)
    {
        await host.SignalDeltaAsync();
        await Task.WhenAll(groupIds.Select(g => host.WaitForGroupAsync(g, s => s.Pass == pass && s.Phase == GroupPhase.Idle, $"pass {pass}")));
    }
}
