using GroupWriteback.Cloud.Api;
using GroupWriteback.Cloud.Api.Access;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.DependencyInjection;

namespace GroupWriteback.Functions.Auth;

/// <summary>
/// The admin API's gate in the worker. The HTTP triggers are anonymous for the Functions host (on Flex Consumption
/// there is no App Service Authentication to put in front of them), so before an HTTP-triggered function runs, this
/// fills <see cref="InvocationPrincipal"/> from the request's bearer token or automation key
/// (<see cref="AdminCredentials"/>); the function answers 401 with the refusal when there is none. Routes the table
/// marks anonymous (the console's files, Graph's webhook) and other triggers pass through untouched.
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
        if (isHttp && !IsAnonymous(context.FunctionDefinition.Name) && context.GetHttpContext() is { } http)
        {
            var check = await context.InstanceServices.GetRequiredService<AdminCredentials>()
                .ResolveAsync(http.Request.Headers.Authorization, PresentedKey(http.Request));
            var invocation = context.InstanceServices.GetRequiredService<InvocationPrincipal>();
            invocation.Principal = check.Principal;
            invocation.Refusal = check.Refusal;
        }

        await next(context);
    }

    private static bool IsAnonymous(string? function) =>
        AdminRoutes.All.Any(r => r.Anonymous && string.Equals(r.Name, function, StringComparison.Ordinal));

    /// <summary>The key in the header, else in the query string, as the Functions host reads a function key.</summary>
    private static string? PresentedKey(HttpRequest request) =>
        request.Headers[AdminCredentials.KeyHeader].FirstOrDefault() is { Length: > 0 } header ? header : request.Query[AdminCredentials.KeyQuery].FirstOrDefault();
}
