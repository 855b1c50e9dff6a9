using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace GroupWriteback.Functions.Durable;

/// <summary>
/// Runs a library activity inside its <c>[ActivityTrigger]</c> function, the way the Durable Task
/// source generator's wrappers do: the activity is created from the invocation's services, where the
/// Durable client bound for the call is a scoped service.
/// </summary>
internal static class ActivityRunner
{
    public static Task<TOutput> RunAsync<TActivity, TInput, TOutput>(FunctionContext context, string instanceId, TInput input)
        where TActivity : TaskActivity<TInput, TOutput>
    {
        ArgumentNullException.ThrowIfNull(context);
        var activity = ActivatorUtilities.GetServiceOrCreateInstance<TActivity>(context.InstanceServices);
        return activity.RunAsync(new FunctionActivityContext(typeof(TActivity).Name, instanceId), input);
    }
}
