using Microsoft.Extensions.DependencyInjection;

namespace GroupWriteback.Cloud.Tests.Api;

/// <summary>
/// Runs a host's entry point (a route, a timer, an activity wrapper) only as far as its first service: the service is
/// resolved from the host's own scope and kept with any resolution error, then the call is stopped, so nothing it
/// would do next (Graph, the queue, the task hub) runs. What it asked for is what the host must be able to build.
/// </summary>
internal sealed class ServiceProbe(IServiceProvider inner) : IServiceProvider
{
    public List<ProbedService> Asked { get; } = [];

    public object? GetService(Type serviceType)
    {
        try
        {
            Asked.Add(new ProbedService(serviceType, inner.GetService(serviceType), null));
        }
        catch (InvalidOperationException ex)
        {
            Asked.Add(new ProbedService(serviceType, null, ex));
        }

        throw new OperationCanceledException("Stopped by the probe after its first service.");
    }

    /// <summary>Runs <paramref name="entry"/> against a probe over <paramref name="services"/>; the services it asked for.</summary>
    public static async Task<IReadOnlyList<ProbedService>> AskedByAsync(IServiceProvider services, Func<IServiceProvider, Task> entry)
    {
        var probe = new ServiceProbe(services);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => entry(probe));
        return probe.Asked;
    }

    /// <summary>The service types registered in <paramref name="descriptors"/> that <paramref name="scope"/> cannot build.</summary>
    public static IReadOnlyList<string?> Unresolved(IServiceProvider scope, IEnumerable<ServiceDescriptor> descriptors) =>
    [
        .. descriptors.Where(d => !d.ServiceType.IsGenericTypeDefinition)
            .Select(d => d.ServiceType)
            .Distinct()
            .Where(t => !scope.GetServices(t).Any(s => s is not null))
            .Select(t => t.FullName),
    ];
}

/// <summary>One service an entry point asked for: what the host built, or why it could not.</summary>
internal sealed record ProbedService(Type Type, object? Service, Exception? Error)
{
    public override string ToString() => Error is null ? $"{Type.Name}: {(Service is null ? "not registered" : "resolved")}" : $"{Type.Name}: {Error.Message}";
}
