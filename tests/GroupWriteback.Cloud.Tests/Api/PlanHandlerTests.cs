using GroupWriteback.Cloud.Api;
using GroupWriteback.Cloud.Configuration;
using GroupWriteback.Cloud.Graph;
using GroupWriteback.Cloud.Planning;
using GroupWriteback.Cloud.Workflows.Group;
using GroupWriteback.Contracts;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using Moq;

namespace GroupWriteback.Cloud.Tests.Api;

public sealed class PlanHandlerTests
{
    private const string GroupId = "0f8fad5b-d9cb-469f-a165-70867728950e";
    private const string OtherId = "1f8fad5b-d9cb-469f-a165-70867728950e";
    private readonly DurableFake _durable = new();
    private readonly Mock<IGraphGroupReader> _graph = new();
    private readonly IOptions<WritebackScopeOptions> _options = Options.Create(new WritebackScopeOptions { DefaultTargetOu = "OU=Groups,DC=corp,DC=test" });

    [Fact]
    public async Task PlanGroupAsync_InScopeNotWrittenBack_CreateWithMemberCounts()
    {
        _graph.Setup(g => g.GetGroupAsync(GroupId, It.IsAny<CancellationToken>())).ReturnsAsync(Security(GroupId));
        _graph.Setup(g => g.GetMembersPageAsync(GroupId, null, It.IsAny<CancellationToken>())).ReturnsAsync(new MemberPage
        {
            Members = [User("u1", "S-1-5-21-1-2-3-1001"), User("u2", null)],
            NextLink = "next",
        });
        _graph.Setup(g => g.GetMembersPageAsync(GroupId, "next", It.IsAny<CancellationToken>())).ReturnsAsync(new MemberPage { Members = [User("u3", "S-1-5-21-1-2-3-1003")] });

        var plan = ApiAssert.Body(await Handler().PlanGroupAsync(GroupId, CancellationToken.None), 200, ApiJsonContext.Default.GroupPlanReport);

        Assert.Equal(("create", "OU=Groups,DC=corp,DC=test", OnPremisesGroupType.UniversalSecurityGroup, 2, 1), (plan.Action, plan.TargetOu, plan.GroupType, plan.MembersWritable, plan.MembersSkipped));
        Assert.Empty(_durable.Scheduled);
        Assert.Empty(_durable.Raised);
    }

    [Fact]
    public async Task PlanGroupAsync_WrittenBackSameIntent_Unchanged()
    {
        var group = Security(GroupId);
        var hash = WritebackPlanner.IntentHash(new WritebackPlanner(_options).DesiredGroup(group, CloudGroupKind.Security, "x", "x", DateTimeOffset.UnixEpoch));
        WrittenBack(GroupId, hash);
        _graph.Setup(g => g.GetGroupAsync(GroupId, It.IsAny<CancellationToken>())).ReturnsAsync(group);
        _graph.Setup(g => g.GetMembersPageAsync(GroupId, null, It.IsAny<CancellationToken>())).ReturnsAsync(new MemberPage());

        var plan = ApiAssert.Body(await Handler().PlanGroupAsync(GroupId, CancellationToken.None), 200, ApiJsonContext.Default.GroupPlanReport);

        Assert.Equal("unchanged", plan.Action);
    }

    [Fact]
    public async Task PlanGroupAsync_WrittenBackRenamed_Update()
    {
        WrittenBack(GroupId, "old-hash");
        _graph.Setup(g => g.GetGroupAsync(GroupId, It.IsAny<CancellationToken>())).ReturnsAsync(Security(GroupId));
        _graph.Setup(g => g.GetMembersPageAsync(GroupId, null, It.IsAny<CancellationToken>())).ReturnsAsync(new MemberPage());

        var plan = ApiAssert.Body(await Handler().PlanGroupAsync(GroupId, CancellationToken.None), 200, ApiJsonContext.Default.GroupPlanReport);

        Assert.Equal("update", plan.Action);
    }

    [Fact]
    public async Task PlanGroupAsync_DeletedInCloudAndWrittenBack_Delete()
    {
        WrittenBack(GroupId, "h");

        var plan = ApiAssert.Body(await Handler().PlanGroupAsync(GroupId, CancellationToken.None), 200, ApiJsonContext.Default.GroupPlanReport);

        Assert.Equal(("delete", "deletedInCloud"), (plan.Action, plan.Reason));
    }

    [Fact]
    public async Task PlanGroupAsync_MissingEverywhere_404()
    {
        var response = await Handler().PlanGroupAsync(GroupId, CancellationToken.None);

        Assert.Contains(GroupId, ApiAssert.Error(response, 404, ErrorCodes.NotFound).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanGroupAsync_SyncedFromAd_SkipNeverDelete()
    {
        WrittenBack(GroupId, "h");
        _graph.Setup(g => g.GetGroupAsync(GroupId, It.IsAny<CancellationToken>())).ReturnsAsync(Security(GroupId) with { OnPremisesSyncEnabled = true });

        var plan = ApiAssert.Body(await Handler().PlanGroupAsync(GroupId, CancellationToken.None), 200, ApiJsonContext.Default.GroupPlanReport);

        Assert.Equal("skip", plan.Action);
    }

    [Fact]
    public async Task PlanTenantAsync_NewAndGone_CountsCreateAndDelete()
    {
        WrittenBack(OtherId, "h");
        _graph.Setup(g => g.ListGroupsPageAsync(It.IsAny<GroupQuery>(), null, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new GroupPage { Groups = [Security(GroupId), Security("2f8fad5b-d9cb-469f-a165-70867728950e") with { OnPremisesSyncEnabled = true }] });

        var plan = ApiAssert.Body(await Handler().PlanTenantAsync(ReadOnlyMemory<byte>.Empty, CancellationToken.None), 200, ApiJsonContext.Default.TenantPlanReport);

        Assert.Equal((2, false, 1, 0, 1), (plan.GroupsExamined, plan.Truncated, plan.Create, plan.Update, plan.Delete));
        Assert.Equal([GroupId, OtherId], plan.Changes.Select(c => c.GroupId));
        Assert.Empty(_durable.Scheduled);
    }

    [Fact]
    public async Task PlanTenantAsync_MoreThanMax_TruncatedWithoutDeletes()
    {
        WrittenBack(OtherId, "h");
        _graph.Setup(g => g.ListGroupsPageAsync(It.IsAny<GroupQuery>(), null, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new GroupPage { Groups = [Security(GroupId), Security("2f8fad5b-d9cb-469f-a165-70867728950e")], NextLink = "more" });

        var plan = ApiAssert.Body(await Handler().PlanTenantAsync(ApiAssert.Utf8("""{"maxGroups":1}"""), CancellationToken.None), 200, ApiJsonContext.Default.TenantPlanReport);

        Assert.Equal((1, true, 1, 0), (plan.GroupsExamined, plan.Truncated, plan.Create, plan.Delete));
        _graph.Verify(g => g.ListGroupsPageAsync(It.IsAny<GroupQuery>(), "more", It.IsAny<CancellationToken>()), Times.Never);
    }

    [Theory]
    [InlineData("""{"maxGroups":0}""")]
    [InlineData("""{"maxGroups":20001}""")]
    public async Task PlanTenantAsync_MaxOutOfRange_400(string body)
    {
        var response = await Handler().PlanTenantAsync(ApiAssert.Utf8(body), CancellationToken.None);

        Assert.Equal("maxGroups", ApiAssert.Error(response, 400, ErrorCodes.InvalidBody).Target);
    }

    private PlanHandler Handler() => new(_durable.Client.Object, _graph.Object, new GroupScopeEvaluator(_graph.Object, _options), new WritebackPlanner(_options), TimeProvider.System);

    private void WrittenBack(string groupId, string hash) =>
        _durable.Add("group-" + groupId, nameof(GroupWritebackOrchestrator), OrchestrationRuntimeStatus.Running, new GroupStatus
        {
            GroupId = groupId,
            WrittenBack = true,
            UpsertIntentHash = hash,
            DisplayName = "Old name",
        });

    private static CloudGroup Security(string id) => new() { Id = id, DisplayName = "Sales " + id[..4], SecurityEnabled = true };

    private static CloudMember User(string id, string? sid) => new() { Id = id, Kind = CloudMemberKind.User, OnPremisesSecurityIdentifier = sid };
}
