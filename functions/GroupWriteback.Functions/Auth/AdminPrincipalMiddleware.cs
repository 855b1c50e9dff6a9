using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.DependencyInjection;

namespace GroupWriteback.Functions.Auth;

/// <summary>
/// Fills <see cref="InvocationPrincipal"/> for HTTP-triggered invocations from the request's <c>Authorization</c>
/// header (<see cref="BearerCredentials"/>), before the function runs. Other triggers pass through untouched.
/// </summary>
internal sealed class AdminPrincipalMiddleware : IFunctionsWorkerMiddleware
{
    /// <summary>The binding type of <c>[HttpTrigger]</c>.</summary>
    public const string HttpTriggerType = "httpTrigger";

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var isHttp = context.FunctionDefinition.InputBindings.Values
            .Any(b => string.Equals(b.Type, HttpTriggerType, StringComparison.OrdinalIgnoreCase));
        if (isHttp && context.GetHttpContext() is { } http)
        {
            var check = await context.InstanceServices.GetRequiredService<BearerCredentials>().ResolveAsync(http.Request.Headers.Authorization);
            var invocation = context.InstanceServices.GetRequiredService<InvocationPrincipal>();
            invocation.Principal = check.Principal;
            invocation.Refusal = check.Refusal;
        }

        await next(context);
    }
}
