using GroupWriteback.Cloud.Api;
using GroupWriteback.Cloud.Api.Access;
using GroupWriteback.Cloud.Tests.Api;

namespace GroupWriteback.Functions.Tests.Http;

/// <summary>The triggers answer as the caller the sign-in middleware found: its roles decide, a refused credential is 401.</summary>
public sealed class AdminApiRolesTests
{
    private readonly FunctionsFixture _app = new();

    [Fact]
    public async Task ReadOnlyCaller_GetsStatus_ButSyncIs403AndNothingStarts()
    {
        _app.Caller.Principal = new AdminPrincipal("oid-reader", "reader@corp.test", [AdminRoles.Read], AdminAuthentication.Entra);

        var (_, statusCode, _) = await FunctionsFixture.WriteAsync(await _app.Api.GetStatus(FunctionsFixture.Request(), _app.Durable.Client.Object));
        var (sync, syncCode, syncBody) = await FunctionsFixture.WriteAsync(await _app.Api.StartFullSync(FunctionsFixture.Request(), _app.Durable.Client.Object));

        Assert.Equal(200, statusCode);
        Assert.Equal(403, syncCode);
        Assert.Equal(AdminRoles.Operate, ApiAssert.Error(sync, 403, ErrorCodes.Forbidden).Target);
        Assert.Contains("reader@corp.test", syncBody, StringComparison.Ordinal);
        Assert.Empty(_app.Durable.Scheduled);
    }

    [Fact]
    public async Task KeyCaller_StartsAFullSync()
    {
        var (_, code, _) = await FunctionsFixture.WriteAsync(await _app.Api.StartFullSync(FunctionsFixture.Request(), _app.Durable.Client.Object));

        Assert.Equal(202, code);
        Assert.Single(_app.Durable.Scheduled);
    }

    [Fact]
    public async Task RefusedCredential_401WithTheReasonAndNothingStarts()
    {
        _app.Caller.Principal = null;
        _app.Caller.Refusal = "The bearer token was refused (expired).";

        var (response, code, _) = await FunctionsFixture.WriteAsync(await _app.Api.StartFullSync(FunctionsFixture.Request(), _app.Durable.Client.Object));

        Assert.Equal(401, code);
        Assert.Contains("expired", ApiAssert.Error(response, 401, ErrorCodes.Unauthorized).Message, StringComparison.Ordinal);
        Assert.Empty(_app.Durable.Scheduled);
    }

    [Fact]
    public async Task NoCallerFound_401()
    {
        _app.Caller.Principal = null;

        var (response, code, _) = await FunctionsFixture.WriteAsync(await _app.Api.GetStatus(FunctionsFixture.Request(), _app.Durable.Client.Object));

        Assert.Equal(401, code);
        ApiAssert.Error(response, 401, ErrorCodes.Unauthorized);
    }

    [Fact]
    public async Task Me_KeyCaller_NameRolesAndKey()
    {
        var (_, code, body) = await FunctionsFixture.WriteAsync(await _app.Api.Me(FunctionsFixture.Request()));

        Assert.Equal(200, code);
        Assert.Contains("\"name\":\"automation (function key)\"", body, StringComparison.Ordinal);
        Assert.Contains("\"roles\":[\"Writeback.Read\",\"Writeback.Operate\",\"Writeback.Approve\"]", body, StringComparison.Ordinal);
        Assert.Contains("\"authentication\":\"key\"", body, StringComparison.Ordinal);
    }
}
