using GroupWriteback.Transport.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GroupWriteback.Agent.Hosting;

/// <summary>Chooses the queue transport: Service Bus when configured, else the embedded queue.</summary>
internal static class AgentTransport
{
    public static void Add(IServiceCollection services, IConfiguration configuration) =>
        services.AddAgentTransport(configuration);
}
