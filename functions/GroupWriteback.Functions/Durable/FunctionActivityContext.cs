using Microsoft.DurableTask;

namespace GroupWriteback.Functions.Durable;

/// <summary>The activity context handed to a library activity from its Functions wrapper.</summary>
internal sealed class FunctionActivityContext(TaskName name, string instanceId) : TaskActivityContext
{
    public override TaskName Name { get; } = name;

    public override string InstanceId { get; } = instanceId;
}
