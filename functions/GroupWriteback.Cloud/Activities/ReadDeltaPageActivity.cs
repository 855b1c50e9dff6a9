using GroupWriteback.Cloud.Graph;
using GroupWriteback.Cloud.Planning;
using Microsoft.DurableTask;

namespace GroupWriteback.Cloud.Activities;

/// <summary>
/// Reads one delta page. Member lists too large to carry in history become snapshot requests, so
/// the output stays small whatever the page holds.
/// </summary>
[DurableTask(nameof(ReadDeltaPageActivity))]
public sealed class ReadDeltaPageActivity(IGraphGroupReader graph) : TaskActivity<string, DeltaPageResult>
{
    /// <inheritdoc />
    public override async Task<DeltaPageResult> RunAsync(TaskActivityContext context, string input)
    {
        DeltaPage page;
        try
        {
            page = await graph.ReadDeltaPageAsync(string.IsNullOrEmpty(input) ? null : input, CancellationToken.None);
        }
        catch (DeltaTokenExpiredException)
        {
            return new DeltaPageResult { Expired = true };
        }

        return new DeltaPageResult
        {
            Requests = page.Changes
                .Select(c => GroupPassRequest.FromDelta(c.GroupId, c.Deleted, c.AddedMemberIds, c.RemovedMemberIds))
                .ToList(),
            NextLink = page.NextLink,
            DeltaLink = page.DeltaLink,
        };
    }
}
