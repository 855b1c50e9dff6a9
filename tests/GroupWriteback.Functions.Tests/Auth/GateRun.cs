using GroupWriteback.Cloud.Api.Access;
using System.Collections.Immutable;
using GroupWriteback.Functions.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Moq;

using GroupWriteback.Cloud.Tests.Api.Access;

namespace GroupWriteback.Functions.Tests.Auth;

/// <summary>Runs <see cref="AdminPrincipalMiddleware"/> over one invocation, as the worker does before the function.</summary>
internal static class GateRun
{
    // What the ASP.NET Core integration keys the invocation's HttpContext under in FunctionContext.Items.
    private const string HttpContextKey = "HttpRequestContext";

    /// <summary>The middleware for function <paramref name="function"/>, filling <paramref name="caller"/>; asserts it called the function.</summary>
    public static async Task InvokeAsync(AdminCredentials credentials, InvocationPrincipal caller, HttpContext http, string triggerType, string function)
    {
        await using var services = new ServiceCollection().AddSingleton(credentials).AddSingleton(caller).BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        var binding = new Mock<BindingMetadata>();
        binding.SetupGet(b => b.Type).Returns(triggerType);
        var definition = new Mock<FunctionDefinition>();
        definition.SetupGet(d => d.Name).Returns(function);
        definition.SetupGet(d => d.InputBindings).Returns(new Dictionary<string, BindingMetadata> { ["request"] = binding.Object }.ToImmutableDictionary());
        var context = new Mock<FunctionContext>();
        context.SetupGet(c => c.FunctionDefinition).Returns(definition.Object);
        context.SetupGet(c => c.InstanceServices).Returns(scope.ServiceProvider);
        context.SetupGet(c => c.Items).Returns(new Dictionary<object, object> { [HttpContextKey] = http });
        var ran = false;

        await new AdminPrincipalMiddleware().Invoke(context.Object, _ =>
        {
            ran = true;
            return Task.CompletedTask;
        });

        Assert.True(ran);
    }
}
