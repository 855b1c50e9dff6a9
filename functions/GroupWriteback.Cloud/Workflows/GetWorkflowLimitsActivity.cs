using GroupWriteback.Cloud.Configuration;
using Microsoft.DurableTask;
using Microsoft.Extensions.Options;

namespace GroupWriteback.Cloud.Workflows;

/// <summary>Reads the configured limits, so orchestrations record them in history instead of reading options.</summary>
[DurableTask(nameof(GetWorkflowLimitsActivity))]
public sealed class GetWorkflowLimitsActivity(IOptions<WritebackScopeOptions> options) : TaskActivity<object?, WorkflowLimits>
{
    /// <inheritdoc />
    public override Task<WorkflowLimits> RunAsync(TaskActivityContext context, object? input) =>
        Task.FromResult(WorkflowLimits.From(options.Value));
}
