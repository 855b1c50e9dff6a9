using GroupWriteback.Cloud.Graph;
using GroupWriteback.Cloud.Planning;
using GroupWriteback.Cloud.Workflows;
using GroupWriteback.Cloud.Workflows.FullSync;
using GroupWriteback.Cloud.Workflows.Group;
using GroupWriteback.Cloud.Workflows.Switch;
using GroupWriteback.Contracts.Commands;
using GroupWriteback.Functions.Durable;
using GroupWriteback.Transport;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace GroupWriteback.Functions.Tests.Durable;

public sealed class ActivityFunctionsTests
{
    private const string GroupId = FunctionsFixture.GroupId;
    private readonly FunctionsFixture _app = new();
    private readonly Mock<ICommandPublisher> _publisher = new();

    [Fact]
    public async Task GetWorkflowLimits_Options_ReturnsConfiguredLimits()
    {
        var limits = await ActivityFunctions.GetWorkflowLimits(null, "delta", Context());

        Assert.Equal(7, limits.FanOut);
    }

    [Fact]
    public async Task PublishCommands_Commands_QueuesThem()
    {
        IReadOnlyList<WritebackCommand> commands = [new DeleteGroupCommand { CommandId = "c1", GroupId = GroupId }];

        var count = await ActivityFunctions.PublishCommands(commands, "group-" + GroupId, Context());

        Assert.Equal(1, count);
        _publisher.Verify(p => p.PublishAsync(commands, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task EnsureGroupPass_BoundClient_StartsGroupOrchestration()
    {
        var outcome = await ActivityFunctions.EnsureGroupPass(new GroupPassRequest { GroupId = GroupId }, "delta", _app.Durable.Client.Object, Context());

        Assert.Equal(EnsureGroupPassActivity.Started, outcome);
        Assert.Equal("group-" + GroupId, Assert.Single(_app.Durable.Scheduled).InstanceId);
    }

    [Fact]
    public async Task FindWrittenBackGroups_BoundClient_ReadsGroupStates()
    {
        _app.Durable.Add("group-" + GroupId, nameof(GroupWritebackOrchestrator), OrchestrationRuntimeStatus.Running, new GroupStatus { GroupId = GroupId, WrittenBack = true });
        _app.Durable.Add("group-other", nameof(GroupWritebackOrchestrator), OrchestrationRuntimeStatus.Running, new GroupStatus { GroupId = "other" });
        _app.Durable.Add("group-first", nameof(GroupWritebackOrchestrator), OrchestrationRuntimeStatus.Running, new GroupStatus { GroupId = "first", Phase = GroupPhase.WaitingForAgent });

        var ids = await ActivityFunctions.FindWrittenBackGroups(null, "full-sync", _app.Durable.Client.Object, Context());

        // A first pass waiting for the agent may have created its group: it is listed too.
        Assert.Equal(new[] { GroupId, "first" }.Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task StartFullSync_BoundClient_StartsIt()
    {
        var started = await ActivityFunctions.StartFullSync("deltaTokenExpired", "delta", _app.Durable.Client.Object, Context());

        Assert.True(started);
        Assert.Equal("deltaTokenExpired", Assert.IsType<FullSyncInput>(Assert.Single(_app.Durable.Scheduled).Input).Reason);
    }

    [Fact]
    public async Task NotifyPassCompleted_BoundClient_RaisesTheEventOnTheWaitingRun()
    {
        var completed = new GroupPassCompleted("g1", 3, "succeeded");

        var sent = await ActivityFunctions.NotifyPassCompleted(new PassCompletedNotice(InstanceIds.FullSync, completed), "group-g1", _app.Durable.Client.Object, Context());

        Assert.True(sent);
        var raised = Assert.Single(_app.Durable.Raised);
        Assert.Equal((InstanceIds.FullSync, EventNames.GroupPassCompleted, (object?)completed), (raised.InstanceId, raised.Name, raised.Payload));
    }

    [Fact]
    public async Task GetLatestDeltaLink_Graph_ReturnsLink()
    {
        _app.Graph.Setup(g => g.GetLatestDeltaLinkAsync(It.IsAny<CancellationToken>())).ReturnsAsync("https://graph/delta?token=latest");

        Assert.Equal("https://graph/delta?token=latest", await ActivityFunctions.GetLatestDeltaLink(null, "delta", Context()));
    }

    [Fact]
    public async Task ListGroupsInScope_Page_KeepsGroupsInScope()
    {
        _app.Graph.Setup(g => g.ListGroupsPageAsync(It.IsAny<GroupQuery>(), null, It.IsAny<CancellationToken>())).ReturnsAsync(new GroupPage
        {
            Groups = [Group(GroupId), Group("synced") with { OnPremisesSyncEnabled = true }],
            NextLink = "next",
        });

        var page = await ActivityFunctions.ListGroupsInScope(string.Empty, "full-sync", Context());

        Assert.Equal([GroupId], page.InScope);
        Assert.Equal("next", page.NextLink);
    }

    [Fact]
    public async Task PlanGroup_GoneAndNeverWrittenBack_Skips()
    {
        var input = new PlanGroupInput("group-" + GroupId, 1, new GroupPassRequest { GroupId = GroupId }, new GroupStatus { GroupId = GroupId });

        var plan = await ActivityFunctions.PlanGroup(input, "group-" + GroupId, _app.Durable.Client.Object, Context());

        Assert.Equal((PlanAction.Skip, "deletedInCloud"), (plan.Action, plan.Reason));
    }

    [Fact]
    public async Task PlanGroup_WritebackDisabled_SkipsWithTheReason()
    {
        _app.Durable.Add(InstanceIds.WritebackSwitch, nameof(WritebackSwitchOrchestrator), OrchestrationRuntimeStatus.Completed,
            input: WritebackSwitch.Off(InstanceIds.DisableWriteback, null, DateTimeOffset.UnixEpoch));
        _app.Graph.Setup(g => g.GetGroupAsync(GroupId, It.IsAny<CancellationToken>())).ReturnsAsync(Group(GroupId));
        var input = new PlanGroupInput("group-" + GroupId, 1, new GroupPassRequest { GroupId = GroupId }, new GroupStatus { GroupId = GroupId });

        var plan = await ActivityFunctions.PlanGroup(input, "group-" + GroupId, _app.Durable.Client.Object, Context());

        Assert.Equal((PlanAction.Skip, WritebackSwitch.SkipReason), (plan.Action, plan.Reason));
    }

    [Fact]
    public async Task SetWritebackSwitch_BoundClient_StoresTheSwitch()
    {
        var off = WritebackSwitch.Off(InstanceIds.DisableWriteback, "preview-1", DateTimeOffset.UnixEpoch);

        var enabled = await ActivityFunctions.SetWritebackSwitch(off, InstanceIds.DisableWriteback, _app.Durable.Client.Object, Context());

        Assert.False(enabled);
        Assert.Equal(off, await WritebackSwitchControl.GetAsync(_app.Durable.Client.Object, CancellationToken.None));
    }

    [Fact]
    public async Task QueueMembershipSnapshot_Members_PublishesOneChunk()
    {
        _app.Graph.Setup(g => g.GetMembersPageAsync(GroupId, null, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new MemberPage { Members = [new CloudMember { Id = "u1", Kind = CloudMemberKind.User, OnPremisesSecurityIdentifier = "S-1-5-21-1-2-3-1001" }] });

        var queued = await ActivityFunctions.QueueMembershipSnapshot(new SnapshotRequest("group-" + GroupId, 1, GroupId, null), "group-" + GroupId, Context());

        Assert.Equal((true, 1), (queued.Published, queued.MemberCount));
        _publisher.Verify(p => p.PublishAsync(It.Is<IReadOnlyList<WritebackCommand>>(c => c.Single() is MembershipSnapshotCommand), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task ReadDeltaPage_TokenExpired_ReportsExpired()
    {
        _app.Graph.Setup(g => g.ReadDeltaPageAsync("old", It.IsAny<CancellationToken>())).ThrowsAsync(new DeltaTokenExpiredException("410 Gone"));

        var page = await ActivityFunctions.ReadDeltaPage("old", "delta", Context());

        Assert.True(page.Expired);
    }

    private FunctionContext Context()
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(_app.Options)
            .AddSingleton(_app.Graph.Object)
            .AddSingleton(_app.Durable.Client.Object)
            .AddSingleton(_publisher.Object)
            .AddSingleton(TimeProvider.System)
            .AddSingleton<GroupScopeEvaluator>()
            .AddSingleton<WritebackPlanner>()
            .BuildServiceProvider();
        var context = new Mock<FunctionContext>();
        context.SetupGet(c => c.InstanceServices).Returns(services);
        return context.Object;
    }

    private static CloudGroup Group(string id) => new() { Id = id, DisplayName = "Group " + id, SecurityEnabled = true };
}
