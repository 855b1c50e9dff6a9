using GroupWriteback.Cloud.Api;
using GroupWriteback.Cloud.Api.Access;
using GroupWriteback.Cloud.Tests.Api;
using GroupWriteback.InProcessDurable;
using GroupWriteback.LocalHost.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GroupWriteback.LocalHost.Tests.Hosting;

/// <summary>
/// The local host's container as it runs (validated on build), every registration resolved, every admin route
/// finding its handler, and the routes it serves being exactly those of <see cref="AdminRoutes"/>. No domain controller needed.
/// </summary>
public sealed class LocalHostContainerTests : IAsyncLifetime
{
    private DurableSidecar? _sidecar;
    private WebApplication? _app;
    private List<ServiceDescriptor> _descriptors = [];

    public async Task InitializeAsync()
    {
        _sidecar = await DurableSidecar.StartAsync(concurrency: 4);
        var builder = LocalHostApp.CreateBuilder([], settingsFile: null);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LocalHost:ApiKey"] = "a-key-of-sixteen-or-more",
            ["Writeback:DefaultTargetOu"] = "OU=Groups,DC=corp,DC=test",
            ["EmbeddedQueue:Path"] = Path.Combine(Path.GetTempPath(), $"gw-localhost-container-{Guid.NewGuid():N}.db"),
        });
        builder.Host.UseDefaultServiceProvider(o =>
        {
            o.ValidateOnBuild = true;
            o.ValidateScopes = true;
        });
        _app = LocalHostApp.Build(builder, _sidecar);
        _descriptors = [.. builder.Services];
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_sidecar is not null)
        {
            await _sidecar.DisposeAsync();
        }
    }

    [Fact]
    public async Task Build_EveryRegistration_ResolvesInARequestScope()
    {
        await using var scope = _app!.Services.CreateAsyncScope();

        Assert.Empty(ServiceProbe.Unresolved(scope.ServiceProvider, _descriptors));
        Assert.Equal(4, _app.Services.GetServices<IHostedService>().OfType<PeriodicWork>().Count());
    }

    [Fact]
    public async Task AdminApi_EveryRoute_ResolvesItsHandler()
    {
        // GET /api/me answers from the principal alone and asks for no service.
        foreach (var route in AdminRoutes.All.Where(r => r.Name != "Me"))
        {
            await using var scope = _app!.Services.CreateAsyncScope();
            var request = new ApiRequest(route.RouteValues([.. route.Parameters.Select(_ => "x")]), null, Stream.Null, CancellationToken.None)
            {
                Principal = new AdminPrincipal("oid-test", "test", AdminRoles.All, AdminAuthentication.Entra),
            };

            var asked = await ServiceProbe.AskedByAsync(scope.ServiceProvider, s => route.Endpoint(s, request));

            Assert.All(asked, a => Assert.True(a.Service is not null, $"{route.Name}: {a}"));
        }
    }

    [Fact]
    public void AdminApi_MapsExactlyTheRouteTable()
    {
        var mapped = ((IEndpointRouteBuilder)_app!).DataSources
            .SelectMany(d => d.Endpoints)
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} {e.RoutePattern.RawText}"));

        Assert.Equal(AdminRoutes.All.Select(r => r.Operation).Order(StringComparer.Ordinal), mapped.Order(StringComparer.Ordinal));
    }
}
