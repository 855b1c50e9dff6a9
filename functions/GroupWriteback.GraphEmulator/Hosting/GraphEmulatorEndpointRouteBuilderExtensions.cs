using GroupWriteback.GraphEmulator.Http;

namespace GroupWriteback.GraphEmulator.Hosting;

/// <summary>Serves the emulator's endpoints: Graph under <c>/v1.0</c> and <c>/beta</c>, control under <c>/emulator</c>.</summary>
public static class GraphEmulatorEndpointRouteBuilderExtensions
{
    public static IEndpointRouteBuilder MapGraphEmulator(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        foreach (var version in GraphVersion.All)
        {
            var graph = endpoints.MapGroup("/" + version).AddEndpointFilter<GraphRequestFilter>();
            graph.MapGroupEndpoints();
            graph.MapDeltaEndpoints();
            graph.MapMemberEndpoints();
            graph.MapUserEndpoints();
            graph.MapDeviceEndpoints();
            graph.MapDirectoryObjectEndpoints();
            graph.MapSubscriptionEndpoints();
        }

        endpoints.MapGroup("/emulator").AddEndpointFilter<AdminRequestFilter>().MapAdminEndpoints();
        return endpoints;
    }
}
