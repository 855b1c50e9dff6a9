using GroupWriteback.Cloud.Api;
using GroupWriteback.Cloud.Api.Access;
using GroupWriteback.Cloud.Tests.Api;
using GroupWriteback.Cloud.Tests.Api.Access;
using GroupWriteback.Functions.Auth;
using GroupWriteback.Functions.Tests.Auth;
using Microsoft.AspNetCore.Http;

namespace GroupWriteback.Functions.Tests.Http;

/// <summary>
/// The anonymous triggers behind the worker's gate: the request goes through <see cref="AdminPrincipalMiddleware"/>,
/// then the function; what comes out is what the caller gets.
/// </summary>
public sealed class AdminGateTests : IDisposable
{
    private readonly FunctionsFixture _app = new();
    private readonly LocalTenant _tenant = new();

    public void Dispose() => _tenant.Dispose();

    [Fact]
    public async Task NoCredentials_401InTheApisErrorShapeAndNothingStarts()
    {
        var http = await GateAsync(new DefaultHttpContext());

        var (response, code, body) = await FunctionsFixture.WriteAsync(await _app.Api.StartFullSync(http.Request, _app.Durable.Client.Object));

        Assert.Equal(401, code);
        Assert.Contains("AdminAuth:Keys", ApiAssert.Error(response, 401, ErrorCodes.Unauthorized).Message, StringComparison.Ordinal);
        Assert.StartsWith("{\"error\":{\"code\":\"unauthorized\"", body, StringComparison.Ordinal);
        Assert.Empty(_app.Durable.Scheduled);
    }

    [Fact]
    public async Task WrongKey_401AndNothingStarts()
    {
        var request = new DefaultHttpContext();
        request.Request.Headers[AdminCredentials.KeyHeader] = "not-the-automation-key";
        var http = await GateAsync(request);

        var (response, code, _) = await FunctionsFixture.WriteAsync(await _app.Api.StartFullSync(http.Request, _app.Durable.Client.Object));

        Assert.Equal(401, code);
        ApiAssert.Error(response, 401, ErrorCodes.Unauthorized);
        Assert.Empty(_app.Durable.Scheduled);
    }

    [Fact]
    public async Task RightKey_TheKeyPrincipal()
    {
        var request = new DefaultHttpContext();
        request.Request.Headers[AdminCredentials.KeyHeader] = LocalTenant.Key;
        var http = await GateAsync(request);

        var (_, code, body) = await FunctionsFixture.WriteAsync(await _app.Api.Me(http.Request));

        Assert.Equal(200, code);
        Assert.Contains("\"name\":\"automation (function key)\"", body, StringComparison.Ordinal);
        Assert.Contains("\"authentication\":\"key\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidToken_ItsRolesDecide()
    {
        var request = new DefaultHttpContext();
        request.Request.Headers.Authorization = $"Bearer {_tenant.Token(null, AdminRoles.Read)}";
        var http = await GateAsync(request);

        var (_, meCode, me) = await FunctionsFixture.WriteAsync(await _app.Api.Me(http.Request));
        var (sync, syncCode, _) = await FunctionsFixture.WriteAsync(await _app.Api.StartFullSync(http.Request, _app.Durable.Client.Object));

        Assert.Equal(200, meCode);
        Assert.Contains("\"roles\":[\"Writeback.Read\"],\"authentication\":\"entra\"", me, StringComparison.Ordinal);
        Assert.Equal(403, syncCode);
        Assert.Equal(AdminRoles.Operate, ApiAssert.Error(sync, 403, ErrorCodes.Forbidden).Target);
        Assert.Empty(_app.Durable.Scheduled);
    }

    [Fact]
    public async Task GraphsWebhook_AnsweredWithoutCredentials()
    {
        var http = new DefaultHttpContext();
        http.Request.QueryString = new QueryString("?validationToken=handshake-token");
        await GateRun.InvokeAsync(_tenant.Credentials(), _app.Caller, http, "httpTrigger", "GraphNotifications");

        var (_, code, body) = await FunctionsFixture.WriteAsync(await _app.Api.GraphNotifications(http.Request, _app.Durable.Client.Object));

        Assert.Equal((200, "handshake-token"), (code, body));
    }

    private async Task<HttpContext> GateAsync(DefaultHttpContext http)
    {
        http.Request.Body = new MemoryStream();
        // The fixture starts with a key caller; the gate decides who the caller is.
        (_app.Caller.Principal, _app.Caller.Refusal) = (null, null);
        await GateRun.InvokeAsync(_tenant.Credentials(), _app.Caller, http, "httpTrigger", "GetStatus");
        return http;
    }
}
