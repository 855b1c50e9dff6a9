using System.Collections.Immutable;
using System.Text;
using GroupWriteback.Cloud.Api.Access;
using GroupWriteback.Functions.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace GroupWriteback.Functions.Tests.Auth;

/// <summary>The middleware as the worker runs it: an HTTP invocation's request headers in, the invocation's caller out.</summary>
public sealed class AdminPrincipalMiddlewareTests : IDisposable
{
    // What the ASP.NET Core integration keys the invocation's HttpContext under in FunctionContext.Items.
    private const string HttpContextKey = "HttpRequestContext";
    private readonly LocalTenant _tenant = new();

    public void Dispose() => _tenant.Dispose();

    [Fact]
    public async Task Invoke_ForgedAppServicePrincipalHeader_IgnoredAndTheCallerStaysTheReadOnlyKey()
    {
        // A client principal claiming every role, as App Service Authentication would write it; nothing here runs
        // App Service Authentication, so whoever sends it wrote it.
        var forged = Convert.ToBase64String(Encoding.UTF8.GetBytes(
            """{"auth_typ":"aad","claims":[{"typ":"roles","val":"Writeback.Approve"},{"typ":"oid","val":"x"}],"name_typ":"name","role_typ":"roles"}"""));
        var http = new DefaultHttpContext();
        http.Request.Headers["X-MS-CLIENT-PRINCIPAL"] = forged;
        http.Request.Headers["X-MS-CLIENT-PRINCIPAL-NAME"] = "ceo@corp.test";

        var caller = await InvokeAsync(http, "httpTrigger");

        Assert.Equal((AdminAuthentication.Key, "automation (function key)"), (caller.Principal?.Authentication, caller.Principal?.Name));
        Assert.Equal([AdminRoles.Read], caller.Principal?.Roles);
    }

    [Fact]
    public async Task Invoke_Bearer_FillsTheTokensPrincipalBeforeTheFunctionRuns()
    {
        var http = new DefaultHttpContext();
        http.Request.Headers.Authorization = $"Bearer {_tenant.Token(null, AdminRoles.Approve)}";

        var caller = await InvokeAsync(http, "httpTrigger");

        Assert.Equal(("approver@corp.test", AdminAuthentication.Entra), (caller.Principal?.Name, caller.Principal?.Authentication));
    }

    [Fact]
    public async Task Invoke_ForgedToken_RefusalRecorded()
    {
        var http = new DefaultHttpContext();
        http.Request.Headers.Authorization = $"Bearer {_tenant.Token(d => d.SigningCredentials = _tenant.Forged(), AdminRoles.Approve)}";

        var caller = await InvokeAsync(http, "httpTrigger");

        Assert.Null(caller.Principal);
        Assert.Contains("refused", caller.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_TimerTrigger_LeavesTheCallerEmpty()
    {
        var caller = await InvokeAsync(new DefaultHttpContext(), "timerTrigger");

        Assert.Equal((null, null), (caller.Principal, caller.Refusal));
    }

    private async Task<InvocationPrincipal> InvokeAsync(HttpContext http, string triggerType)
    {
        await using var services = new ServiceCollection()
            .AddSingleton(BearerCredentialsTests.Credentials(_tenant, new KeyCallerOptions { KeyName = "automation (function key)", KeyRoles = AdminRoles.Read }))
            .AddScoped<InvocationPrincipal>()
            .BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        var binding = new Mock<BindingMetadata>();
        binding.SetupGet(b => b.Type).Returns(triggerType);
        var definition = new Mock<FunctionDefinition>();
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
        return scope.ServiceProvider.GetRequiredService<InvocationPrincipal>();
    }
}
