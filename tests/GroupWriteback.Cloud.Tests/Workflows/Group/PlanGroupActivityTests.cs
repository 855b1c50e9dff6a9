using GroupWriteback.Cloud.Configuration;
using GroupWriteback.Cloud.Graph;
using GroupWriteback.Cloud.Planning;
using GroupWriteback.Cloud.Tests.Api;
using GroupWriteback.Cloud.Workflows;
using GroupWriteback.Cloud.Workflows.Disable;
using GroupWriteback.Cloud.Workflows.Group;
using GroupWriteback.Cloud.Workflows.Switch;
using Microsoft.DurableTask;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace GroupWriteback.Cloud.Tests.Workflows.Group;

public sealed class PlanGroupActivityTests
{
    private const string InstanceId = "group-g1";
    private readonly Mock<IGraphGroupReader> _graph = new();
    private readonly DurableFake _durable = new();
    private readonly WritebackScopeOptions _options = new() { DefaultTargetOu = "OU=Groups,DC=corp,DC=test" };
    private readonly GroupStatus _writtenBack = new() { GroupId = "g1", Pass = 4, WrittenBack = true, KnownMemberCount = 2 };

    [Fact]
    public async Task RunAsync_NothingChangedButMembers_LeavesTheUpsertOutAndResolvesMembers()
    {
        // Arrange
        var group = Group();
        _graph.Setup(g => g.GetGroupAsync("g1", It.IsAny<CancellationToken>())).ReturnsAsync(group);
        _graph.Setup(g => g.GetMembersByIdsAsync(It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([new CloudMember { Id = "u1", Kind = CloudMemberKind.User, OnPremisesSecurityIdentifier = "S-1-5-21-1" }]);
        var hash = (await RunAsync(new() { GroupId = "g1", Mode = GroupPassMode.Snapshot }, _writtenBack)).UpsertIntentHash;

        // Act
        var plan = await RunAsync(new() { GroupId = "g1", AddedMemberIds = ["u1", "gone"] }, _writtenBack with { UpsertIntentHash = hash });

        // Assert
        Assert.Null(plan.Upsert);
        var change = Assert.Single(plan.Changes);
        Assert.Equal(["S-1-5-21-1"], change.Add.Select(m => m.Sid));
        Assert.Equal((1, 0, 1, false), (plan.MembersAdded, plan.MembersRemoved, plan.MembersSkipped, plan.Snapshot));
        Assert.Equal(CommandIds.For(InstanceId, 4, "changeMembership#0"), change.CommandId);
    }

    [Fact]
    public async Task RunAsync_NeverWrittenBack_PlansUpsertAndSnapshot()
    {
        // Arrange
        _graph.Setup(g => g.GetGroupAsync("g1", It.IsAny<CancellationToken>())).ReturnsAsync(Group());

        // Act
        var plan = await RunAsync(new() { GroupId = "g1", AddedMemberIds = ["u1"] }, new GroupStatus { GroupId = "g1", Pass = 1 });

        // Assert
        Assert.Equal((PlanAction.Upsert, true), (plan.Action, plan.Snapshot));
        Assert.Equal(CommandIds.For(InstanceId, 1, "upsert"), plan.Upsert!.CommandId);
        Assert.Empty(plan.Changes);
    }

    [Fact]
    public async Task RunAsync_WrittenBackGroupLeftScope_PlansADelete()
    {
        // Arrange
        _graph.Setup(g => g.GetGroupAsync("g1", It.IsAny<CancellationToken>())).ReturnsAsync(Group() with { WritebackEnabled = false });

        // Act
        var plan = await RunAsync(new() { GroupId = "g1" }, _writtenBack);

        // Assert
        Assert.Equal((PlanAction.Delete, "outOfScope"), (plan.Action, plan.Delete!.Reason));
        Assert.Equal([plan.Delete], plan.Commands());
    }

    [Fact]
    public async Task RunAsync_WrittenBackGroupLeftScopeDeleteHeldByRound_SkipsWithoutADelete()
    {
        // Arrange
        _graph.Setup(g => g.GetGroupAsync("g1", It.IsAny<CancellationToken>())).ReturnsAsync(Group() with { WritebackEnabled = false });

        // Act
        var plan = await RunAsync(new() { GroupId = "g1", DeleteHeld = true }, _writtenBack);

        // Assert
        Assert.Equal((PlanAction.Skip, PlanGroupActivity.DeleteHeldReason), (plan.Action, plan.Reason));
        Assert.Empty(plan.Commands());
    }

    [Fact]
    public async Task RunAsync_OutOfScopeAndNeverWrittenBack_Skips()
    {
        // Arrange
        _graph.Setup(g => g.GetGroupAsync("g1", It.IsAny<CancellationToken>())).ReturnsAsync(Group() with { WritebackEnabled = false });

        // Act
        var plan = await RunAsync(new() { GroupId = "g1" }, new GroupStatus { GroupId = "g1", Pass = 1 });

        // Assert
        Assert.Equal((PlanAction.Skip, "writebackDisabledOnGroup"), (plan.Action, plan.Reason));
        Assert.Empty(plan.Commands());
    }

    [Fact]
    public async Task RunAsync_GroupNowSyncedFromActiveDirectory_NeitherWritesNorDeletes()
    {
        // Arrange
        _graph.Setup(g => g.GetGroupAsync("g1", It.IsAny<CancellationToken>())).ReturnsAsync(Group() with { OnPremisesSyncEnabled = true });

        // Act
        var plan = await RunAsync(new() { GroupId = "g1" }, _writtenBack);

        // Assert
        Assert.Equal(PlanAction.Skip, plan.Action);
    }

    [Fact]
    public async Task RunAsync_GroupGoneFromGraph_DeletesAsDeletedInCloud()
    {
        // Arrange
        _graph.Setup(g => g.GetGroupAsync("g1", It.IsAny<CancellationToken>())).ReturnsAsync((CloudGroup?)null);

        // Act
        var plan = await RunAsync(new() { GroupId = "g1" }, _writtenBack);

        // Assert
        Assert.Equal("deletedInCloud", plan.Delete!.Reason);
    }

    [Fact]
    public async Task RunAsync_SameInputTwice_GivesTheSameCommandIds()
    {
        // Arrange
        _graph.Setup(g => g.GetGroupAsync("g1", It.IsAny<CancellationToken>())).ReturnsAsync(Group());
        var request = new GroupPassRequest { GroupId = "g1", Mode = GroupPassMode.Snapshot };

        // Act
        var first = await RunAsync(request, _writtenBack);
        var again = await RunAsync(request, _writtenBack);

        // Assert
        Assert.Equal(first.Commands().Select(c => c.CommandId), again.Commands().Select(c => c.CommandId));
    }

    [Fact]
    public async Task RunAsync_WritebackDisabled_SkipsWithoutReadingGraph()
    {
        // Arrange
        _graph.Setup(g => g.GetGroupAsync("g1", It.IsAny<CancellationToken>())).ReturnsAsync(Group() with { DisplayName = "Renamed" });
        DisableWriteback();

        // Act
        var plan = await RunAsync(new() { GroupId = "g1", Mode = GroupPassMode.Snapshot }, _writtenBack);

        // Assert
        Assert.Equal((PlanAction.Skip, WritebackSwitch.SkipReason), (plan.Action, plan.Reason));
        Assert.Empty(plan.Commands());
        _graph.Verify(g => g.GetGroupAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task RunAsync_WritebackDisabledAndDeletedInCloud_DeletesNothing()
    {
        // Arrange
        DisableWriteback();

        // Act
        var plan = await RunAsync(GroupPassRequest.FromDelta("g1", deleted: true, [], []), _writtenBack);

        // Assert
        Assert.Equal(PlanAction.Skip, plan.Action);
        Assert.Null(plan.Delete);
    }

    [Fact]
    public async Task RunAsync_WritebackDisabledDeleteOfTheDisableRun_PlansTheDelete()
    {
        // Arrange
        DisableWriteback();
        var request = new GroupPassRequest { GroupId = "g1", Mode = GroupPassMode.Delete, DeleteReason = DisableWritebackOrchestrator.DeleteReason };

        // Act
        var plan = await RunAsync(request, _writtenBack);

        // Assert
        Assert.Equal((PlanAction.Delete, DisableWritebackOrchestrator.DeleteReason), (plan.Action, plan.Delete!.Reason));
    }

    private void DisableWriteback() =>
        _durable.Add(InstanceIds.WritebackSwitch, nameof(WritebackSwitchOrchestrator), Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Completed,
            input: WritebackSwitch.Off(InstanceIds.DisableWriteback, "p1", DateTimeOffset.UnixEpoch));

    private static CloudGroup Group() => new() { Id = "g1", DisplayName = "Sales", SecurityEnabled = true };

    private Task<GroupPlan> RunAsync(GroupPassRequest request, GroupStatus status)
    {
        var wrapped = Options.Create(_options);
        var activity = new PlanGroupActivity(
            _graph.Object, new GroupScopeEvaluator(_graph.Object, wrapped), new WritebackPlanner(wrapped), wrapped, new FakeTimeProvider(), _durable.Client.Object);
        return activity.RunAsync(Mock.Of<TaskActivityContext>(), new PlanGroupInput(InstanceId, status.Pass, request, status));
    }
}
