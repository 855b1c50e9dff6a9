using GroupWriteback.Cloud.Api;
using GroupWriteback.Cloud.Api.Access;

namespace GroupWriteback.Cloud.Tests.Api;

public sealed class AdminRoutesTests
{
    [Fact]
    public void All_NamesAndRoutes_AreUnique()
    {
        Assert.Equal(AdminRoutes.All.Count, AdminRoutes.All.Select(r => r.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(AdminRoutes.All.Count, AdminRoutes.All.Select(r => r.Operation).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void All_OnlyGraphsWebhookTheConsolesFilesAndItsSignInConfiguration_AreAnonymous()
    {
        Assert.Equal(["GET /api/console/{*path}", "GET /api/sign-in", "POST /api/graph/notifications"], AdminRoutes.All.Where(r => r.Anonymous).Select(r => r.Operation).Order(StringComparer.Ordinal));
        Assert.Equal(["path"], AdminRoutes.Named("AdminConsole").Parameters);
    }

    [Fact]
    public void All_EveryAdminRoute_DeclaresAKnownRole()
    {
        Assert.All(AdminRoutes.All.Where(r => !r.Anonymous), r =>
            Assert.True(AdminRoles.IsKnown(r.Role) || r.Role == ApiRoute.AnyRole, $"{r.Operation} declares no role ({r.Role ?? "null"})."));
    }

    [Fact]
    public void All_Roles_ReadsActionsAndDecisions()
    {
        string[] Named(string role) => [.. AdminRoutes.All.Where(r => r.Role == role).Select(r => r.Name).Order(StringComparer.Ordinal)];

        Assert.Equal(["DisableWriteback", "DiscardDeadLetter", "EnableWriteback", "GrantPermissions", "ResubmitDeadLetter", "StartFullSync", "SyncGroup"], Named(AdminRoles.Operate));
        Assert.Equal(["DecideApproval"], Named(AdminRoles.Approve));
        Assert.Equal(["GetGroup", "GetStatus", "Health", "ListApprovals", "ListAudit", "ListDeadLetters", "ListGroups", "PlanGroup", "PlanTenant"], Named(AdminRoles.Read));
        Assert.Equal(["Me"], Named(ApiRoute.AnyRole));
        // Open without a key: the console's static files and where it signs in (its API calls carry the caller), and Graph's webhook.
        Assert.Equal(["AdminConsole", "GraphNotifications", "SignIn"], AdminRoutes.All.Where(r => r.Anonymous).Select(r => r.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void RouteValues_Positional_PairedWithTheTemplatesParameters()
    {
        var route = AdminRoutes.Named("DecideApproval");

        Assert.Equal(["instanceId"], route.Parameters);
        Assert.Equal("delta", route.RouteValues("delta")["instanceId"]);
        Assert.Throws<ArgumentException>(() => route.RouteValues());
    }

    [Fact]
    public void Named_Unknown_Throws()
    {
        Assert.Throws<ArgumentException>(() => AdminRoutes.Named("NoSuchRoute"));
    }
}
