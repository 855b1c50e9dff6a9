using GroupWriteback.Cloud.Api;
using GroupWriteback.Cloud.Api.Access;
using GroupWriteback.Cloud.Tests.Api;
using GroupWriteback.Cloud.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace GroupWriteback.Cloud.Tests.Api.Access;

public sealed class RouteAccessTests
{
    private static readonly AdminPrincipal Reader = new("oid-reader", "reader@corp.test", [AdminRoles.Read], AdminAuthentication.Entra);
    private static readonly AdminPrincipal Nobody = new("oid-none", "none@corp.test", [], AdminAuthentication.Entra);

    [Fact]
    public void Refusal_NoPrincipal_401()
    {
        var refusal = RouteAccess.Refusal(AdminRoutes.Named("GetStatus"), null);

        ApiAssert.Error(refusal!, 401, ErrorCodes.Unauthorized);
    }

    [Fact]
    public void Refusal_ReaderOnAReadRoute_None()
    {
        Assert.Null(RouteAccess.Refusal(AdminRoutes.Named("GetStatus"), Reader));
    }

    [Fact]
    public void Refusal_ReaderOnSync_403NamingTheRoleAndThePrincipal()
    {
        var error = ApiAssert.Error(RouteAccess.Refusal(AdminRoutes.Named("StartFullSync"), Reader)!, 403, ErrorCodes.Forbidden);

        Assert.Equal(AdminRoles.Operate, error.Target);
        Assert.Contains("needs the app role Writeback.Operate", error.Message, StringComparison.Ordinal);
        Assert.Contains("reader@corp.test (oid-reader)", error.Message, StringComparison.Ordinal);
        Assert.Contains("holds Writeback.Read", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refusal_RouteWithoutARole_RefusesEvenAllRoles()
    {
        var route = new ApiRoute("Undeclared", "GET", "undeclared", (_, _) => Task.FromResult(ApiResponse.Empty(200)));
        var everything = new AdminPrincipal("oid-all", "all@corp.test", AdminRoles.All, AdminAuthentication.Entra);

        ApiAssert.Error(RouteAccess.Refusal(route, everything)!, 403, ErrorCodes.Forbidden);
    }

    [Fact]
    public void Refusal_MeWithNoRole_None_AndWebhookWithoutPrincipal_None()
    {
        Assert.Null(RouteAccess.Refusal(AdminRoutes.Named("Me"), Nobody));
        Assert.Null(RouteAccess.Refusal(AdminRoutes.Named("GraphNotifications"), null));
    }

    [Fact]
    public async Task InvokeAsync_ReaderPostsSync_403AndNothingStarts()
    {
        var durable = new DurableFake();
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(durable.Client.Object)
            .AddScoped<SyncHandler>()
            .BuildServiceProvider();
        var route = AdminRoutes.Named("StartFullSync");

        var response = await route.InvokeAsync(services, Request(route, Reader), NullLogger.Instance);

        ApiAssert.Error(response, 403, ErrorCodes.Forbidden);
        Assert.Empty(durable.Scheduled);
        Assert.Null(durable.Instance(InstanceIds.FullSync));
    }

    [Fact]
    public async Task InvokeAsync_Me_AnswersThePrincipal()
    {
        var route = AdminRoutes.Named("Me");
        await using var services = new ServiceCollection().BuildServiceProvider();

        var response = await route.InvokeAsync(services, Request(route, Reader), NullLogger.Instance);

        Assert.Equal(200, response.StatusCode);
        var me = ApiAssert.Json(response);
        Assert.Equal("reader@corp.test", me.GetProperty("name").GetString());
        Assert.Equal(["Writeback.Read"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("entra", me.GetProperty("authentication").GetString());
    }

    private static ApiRequest Request(ApiRoute route, AdminPrincipal principal) =>
        new(route.RouteValues([.. route.Parameters.Select(_ => "x")]), null, Stream.Null, CancellationToken.None) { Principal = principal };
}
