using GroupWriteback.Cloud.Configuration;
using GroupWriteback.Cloud.Graph;
using GroupWriteback.Cloud.Planning;
using Microsoft.DurableTask;
using Microsoft.Extensions.Options;

namespace GroupWriteback.Cloud.Workflows.Delta;

/// <summary>
/// Reads one delta page and decides the scope of its groups (see <see cref="DeltaPageScope"/>). Member
/// lists too large to carry in history become snapshot requests, so the output stays small whatever the
/// page holds.
/// </summary>
[DurableTask(nameof(ReadDeltaPageActivity))]
public sealed class ReadDeltaPageActivity(IGraphGroupReader graph, GroupScopeEvaluator scope, IOptions<WritebackScopeOptions> options)
    : TaskActivity<string, DeltaPageResult>
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
            Requests = await new DeltaPageScope(graph, scope, options.Value).RequestsAsync(page.Changes, CancellationToken.None),
            NextLink = page.NextLink,
            DeltaLink = page.DeltaLink,
        };
    }
}
