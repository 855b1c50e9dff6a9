using GroupWriteback.Cloud.Api;

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
    public void All_OnlyGraphsWebhookAndTheConsolesFiles_AreAnonymous()
    {
        Assert.Equal(["GET /api/console/{*path}", "POST /api/graph/notifications"], AdminRoutes.All.Where(r => r.Anonymous).Select(r => r.Operation).Order(StringComparer.Ordinal));
        Assert.Equal(["path"], AdminRoutes.Named("AdminConsole").Parameters);
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
