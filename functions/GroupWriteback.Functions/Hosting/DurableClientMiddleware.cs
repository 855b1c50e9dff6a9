using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace GroupWriteback.Functions.Hosting;

/// <summary>
/// Binds the <c>[DurableClient]</c> input of a function before it runs and hands it to the invocation's
/// services (<see cref="InvocationDurableClient"/>). This is the only place the Functions host's per-call client
/// meets the library.
/// </summary>
internal sealed class DurableClientMiddleware : IFunctionsWorkerMiddleware
{
    /// <summary>The binding type of <c>[DurableClient]</c>.</summary>
    public const string BindingType = "durableClient";

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var binding = context.FunctionDefinition.InputBindings.Values
            .FirstOrDefault(b => string.Equals(b.Type, BindingType, StringComparison.OrdinalIgnoreCase));
        if (binding is not null && (await context.BindInputAsync<DurableTaskClient>(binding)).Value is { } client)
        {
            context.InstanceServices.GetRequiredService<InvocationDurableClient>().Client = client;
        }

        await next(context);
    }
}
