using GroupWriteback.Cloud.Graph;
using GroupWriteback.Cloud.Planning;
using Microsoft.DurableTask;

namespace GroupWriteback.Cloud.Workflows.FullSync;

/// <summary>Lists one page of groups and keeps the ids of those in scope.</summary>
[DurableTask(nameof(ListGroupsInScopeActivity))]
public sealed class ListGroupsInScopeActivity(IGraphGroupReader graph, GroupScopeEvaluator scope) : TaskActivity<string, GroupIdPage>
{
    /// <inheritdoc />
    public override async Task<GroupIdPage> RunAsync(TaskActivityContext context, string input)
    {
        var query = scope.ListingQuery();
        var page = await graph.ListGroupsPageAsync(query, string.IsNullOrEmpty(input) ? null : input, CancellationToken.None);
        var inScope = new List<string>();
        foreach (var group in page.Groups)
        {
            if ((await scope.EvaluateAsync(group, query, CancellationToken.None)).InScope)
            {
                inScope.Add(group.Id);
            }
        }

        return new GroupIdPage(inScope, page.NextLink);
    }
}
