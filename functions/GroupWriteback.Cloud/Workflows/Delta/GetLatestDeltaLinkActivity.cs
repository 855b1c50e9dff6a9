using GroupWriteback.Cloud.Graph;
using Microsoft.DurableTask;

namespace GroupWriteback.Cloud.Workflows.Delta;

/// <summary>A deltaLink for "from now on" ($deltatoken=latest), used when the delta is re-based.</summary>
[DurableTask(nameof(GetLatestDeltaLinkActivity))]
public sealed class GetLatestDeltaLinkActivity(IGraphGroupReader graph) : TaskActivity<object?, string>
{
    /// <inheritdoc />
    public override Task<string> RunAsync(TaskActivityContext context, object? input) =>
        graph.GetLatestDeltaLinkAsync(CancellationToken.None);
}
