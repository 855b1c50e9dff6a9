using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace GroupWriteback.Functions.Durable;

/// <summary>
/// Runs a library activity inside its <c>[ActivityTrigger]</c> function, the way the Durable Task
/// source generator's wrappers do: the activity is created from the invocation's services, plus
/// any per-invocation arguments (the Durable client, which Functions binds rather than injects).
/// </summary>
internal static class ActivityRunner
{
    public static Task<TOutput> RunAsync<TActivity, TInput, TOutput>(FunctionContext context, string instanceId, TInput input, params object[] arguments)
        where TActivity : TaskActivity<TInput, TOutput>
    {
        ArgumentNullException.ThrowIfNull(context);
        var activity = arguments.Length == 0
            ? ActivatorUtilities.GetServiceOrCreateInstance<TActivity>(context.InstanceServices)
            : ActivatorUtilities.CreateInstance<TActivity>(context.InstanceServices, arguments);
        return activity.RunAsync(new FunctionActivityContext(typeof(TActivity).Name, instanceId), input);
    }
}
