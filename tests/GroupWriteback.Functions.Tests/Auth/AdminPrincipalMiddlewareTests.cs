using System.Text;
using GroupWriteback.Cloud.Api.Access;
using GroupWriteback.Functions.Auth;
using Microsoft.AspNetCore.Http;

using GroupWriteback.Cloud.Tests.Api.Access;

namespace GroupWriteback.Functions.Tests.Auth;

/// <summary>The middleware as the worker runs it: an HTTP invocation's request headers in, the invocation's caller out.</summary>
public sealed class AdminPrincipalMiddlewareTests : IDisposable
{
    private readonly LocalTenant _tenant = new();

    public void Dispose() => _tenant.Dispose();

    [Fact]
    public async Task Invoke_ForgedAppServicePrincipalHeaderWithTheKey_IgnoredAndTheCallerStaysTheReadOnlyKey()
    {
        var http = Forged();
        http.Request.Headers[AdminCredentials.KeyHeader] = LocalTenant.Key;

        var caller = await InvokeAsync(http, "httpTrigger");

        Assert.Equal((AdminAuthentication.Key, "automation (function key)"), (caller.Principal?.Authentication, caller.Principal?.Name));
        Assert.Equal([AdminRoles.Read], caller.Principal?.Roles);
    }

    [Fact]
    public async Task Invoke_ForgedAppServicePrincipalHeaderAlone_Refused()
    {
        var caller = await InvokeAsync(Forged(), "httpTrigger");

        Assert.Null(caller.Principal);
        Assert.Contains("AdminAuth:Keys", caller.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_KeyInTheCodeQueryParameter_TheKeyCaller()
    {
        var http = new DefaultHttpContext();
        http.Request.QueryString = new QueryString($"?code={LocalTenant.Key}");

        var caller = await InvokeAsync(http, "httpTrigger");

        Assert.Equal(AdminAuthentication.Key, caller.Principal?.Authentication);
    }

    [Fact]
    public async Task Invoke_WrongKey_RefusalRecorded()
    {
        var http = new DefaultHttpContext();
        http.Request.Headers[AdminCredentials.KeyHeader] = "a-key-nobody-configured";

        var caller = await InvokeAsync(http, "httpTrigger");

        Assert.Null(caller.Principal);
        Assert.Contains("not one of the automation keys", caller.Refusal, StringComparison.Ordinal);
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

    [Fact]
    public async Task Invoke_GraphsWebhook_NeedsNoCredentials()
    {
        var caller = await InvokeAsync(new DefaultHttpContext(), "httpTrigger", "GraphNotifications");

        Assert.Equal((null, null), (caller.Principal, caller.Refusal));
    }

    /// <summary>A client principal claiming every role, as App Service Authentication would write it; nothing runs it here, so whoever sends it wrote it.</summary>
    private static DefaultHttpContext Forged()
    {
        var forged = Convert.ToBase64String(Encoding.UTF8.GetBytes(
            """{"auth_typ":"aad","claims":[{"typ":"roles","val":"Writeback.Approve"},{"typ":"oid","val":"x"}],"name_typ":"name","role_typ":"roles"}"""));
        var http = new DefaultHttpContext();
        http.Request.Headers["X-MS-CLIENT-PRINCIPAL"] = forged;
        http.Request.Headers["X-MS-CLIENT-PRINCIPAL-NAME"] = "ceo@corp.test";
        return http;
    }

    private async Task<InvocationPrincipal> InvokeAsync(HttpContext http, string triggerType, string function = "GetStatus")
    {
        var caller = new InvocationPrincipal();
        await GateRun.InvokeAsync(_tenant.Credentials(), caller, http, triggerType, function);
        return caller;
    }
}
