using System.CommandLine;
using GroupWriteback.Agent.Hosting;
using GroupWriteback.Agent.Processing;
using GroupWriteback.Transport.Hosting;
using GroupWriteback.Transport.ServiceBus;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GroupWriteback.Agent.Cli;

/// <summary>
/// <c>check</c>: prints a verdict per readiness item (directory, and Service Bus when configured). Exit code 0 when
/// all pass, 1 when any fails, 2 when the settings are invalid (each invalid setting is named).
/// </summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var command = new Command("check", "Verify the bind, the target OUs, the schema, the right to create and delete groups, and the Service Bus queues.");
        command.SetAction((parse, cancellationToken) => CliHost.RunAsync(parse.GetValue(CliOptions.Settings), parse.InvocationConfiguration.Output, async services =>
        {
            var output = parse.InvocationConfiguration.Output;
            var items = new List<CheckItem>(services.GetRequiredService<ReadinessCheck>().Run());
            if (QueueTransportRegistration.Select(services.GetRequiredService<IConfiguration>()) == QueueTransport.ServiceBus)
            {
                var serviceBus = services.GetRequiredService<IOptions<ServiceBusTransportOptions>>().Value;
                items.AddRange(await ServiceBusCheck.RunAsync(serviceBus, cancellationToken));
            }

            foreach (var item in items)
            {
                await output.WriteLineAsync($"[{(item.Passed ? " OK " : "FAIL")}] {item.Name}: {item.Detail}");
            }

            return items.All(i => i.Passed) ? 0 : 1;
        }, AddServiceBusOptions));
        return command;
    }

    /// <summary>Only Service Bus is checked (and its settings validated): the embedded queue is a local file.</summary>
    private static void AddServiceBusOptions(IServiceCollection services, IConfiguration configuration)
    {
        if (QueueTransportRegistration.Select(configuration) == QueueTransport.ServiceBus)
        {
            AgentTransport.Add(services, configuration);
        }
    }
}
