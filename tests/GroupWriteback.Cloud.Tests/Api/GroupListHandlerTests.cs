using GroupWriteback.Cloud.Api;
using GroupWriteback.Cloud.Workflows.Group;
using Microsoft.DurableTask.Client;

namespace GroupWriteback.Cloud.Tests.Api;

public sealed class GroupListHandlerTests
{
    private readonly DurableFake _durable = new();

    public GroupListHandlerTests()
    {
        Group("0f8fad5b-d9cb-469f-a165-70867728950e", "Sales", "Applied");
        Group("1f8fad5b-d9cb-469f-a165-70867728950e", "Marketing", "Failed", lastError: "NameCollision");
        Group("2f8fad5b-d9cb-469f-a165-70867728950e", "Sales EMEA", "Failed");
        Group("3f8fad5b-d9cb-469f-a165-70867728950e", null, null);
    }

    [Fact]
    public async Task ListAsync_Search_MatchesByNameSortedAndCountsEveryOutcome()
    {
        var list = await ListAsync("?search=sales");

        Assert.Equal(["Sales", "Sales EMEA"], list.Groups.Select(g => g.DisplayName));
        Assert.Equal(2, list.Matched);
        Assert.Equal(new Dictionary<string, int> { ["Applied"] = 1, ["Failed"] = 2, [GroupListHandler.NoOutcome] = 1 }, list.Outcomes);
    }

    [Fact]
    public async Task ListAsync_OutcomeAndLimit_FiltersThenCuts()
    {
        var list = await ListAsync("?outcome=failed&limit=1");

        Assert.Equal("Marketing", Assert.Single(list.Groups).DisplayName);
        Assert.Equal("NameCollision", list.Groups[0].LastError);
        Assert.Equal(2, list.Matched);
    }

    [Fact]
    public async Task ListAsync_LimitZero_OnlyCounts()
    {
        var list = await ListAsync("?limit=0");

        Assert.Empty(list.Groups);
        Assert.Equal(4, list.Matched);
    }

    [Fact]
    public async Task ListAsync_LimitTooLarge_400()
    {
        var response = await new GroupListHandler(_durable.Client.Object).ListAsync("?limit=999999", CancellationToken.None);

        Assert.Equal("limit", ApiAssert.Body(response, 400, ApiJsonContext.Default.ErrorBody).Error.Target);
    }

    private async Task<GroupList> ListAsync(string query) =>
        ApiAssert.Body(await new GroupListHandler(_durable.Client.Object).ListAsync(query, CancellationToken.None), 200, ApiJsonContext.Default.GroupList);

    private void Group(string id, string? name, string? outcome, string? lastError = null) =>
        _durable.Add("group-" + id, nameof(GroupWritebackOrchestrator), OrchestrationRuntimeStatus.Completed,
            output: new GroupStatus { GroupId = id, DisplayName = name, LastOutcome = outcome, LastError = lastError, WrittenBack = outcome == "Applied" });
}
