using GroupWriteback.Cloud.Api;
using Microsoft.Azure.Functions.Worker;

namespace GroupWriteback.Functions.Tests.Http;

/// <summary>
/// The HTTP triggers declare exactly the routes of <see cref="AdminRoutes"/>: name, method and template, and all are
/// anonymous for the Functions host, because the worker is the gate (<c>AdminPrincipalMiddleware</c>).
/// </summary>
public sealed class RouteTableTests
{
    [Fact]
    public void HttpTriggers_MatchTheRouteTable()
    {
        var declared = FunctionWrappers.With<HttpTriggerAttribute>().Select(m =>
        {
            var trigger = FunctionWrappers.Trigger<HttpTriggerAttribute>(m)!.GetCustomAttributes(typeof(HttpTriggerAttribute), false).Cast<HttpTriggerAttribute>().Single();
            return $"{FunctionWrappers.Name(m)} {string.Join(',', trigger.Methods!).ToUpperInvariant()} {trigger.Route} {trigger.AuthLevel}";
        });
        var table = AdminRoutes.All.Select(r => $"{r.Name} {r.Method} {r.Template} {AuthorizationLevel.Anonymous}");

        Assert.Equal(table.Order(StringComparer.Ordinal), declared.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void HttpTriggers_BindEveryRouteParameter()
    {
        Assert.All(AdminRoutes.All, route =>
        {
            var parameters = FunctionWrappers.Named(route.Name).GetParameters()
                .Where(p => p.ParameterType == typeof(string))
                .Select(p => p.Name);
            Assert.Equal(route.Parameters, parameters);
        });
    }
}
