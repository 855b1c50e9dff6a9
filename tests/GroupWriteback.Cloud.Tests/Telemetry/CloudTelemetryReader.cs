using System.Diagnostics;
using GroupWriteback.Cloud.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace GroupWriteback.Cloud.Tests.Telemetry;

/// <summary>
/// A service provider with the cloud's telemetry registered as the hosts register it, exporting to memory, and
/// reads of what was exported.
/// </summary>
internal sealed class CloudTelemetryReader : IDisposable
{
    private readonly List<Activity> _spans = [];
    private readonly List<MetricSnapshot> _metrics = [];
    private readonly TracerProvider _tracing;
    private readonly MeterProvider _meters;

    public CloudTelemetryReader(Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection().AddLogging();
        configure?.Invoke(services);
        services.AddCloudInstrumentation();
        services.AddCloudOpenTelemetrySources()
            .WithTracing(t => t.AddInMemoryExporter(_spans))
            .WithMetrics(m => m.AddInMemoryExporter(_metrics));
        Services = services.BuildServiceProvider();
        _tracing = Services.GetRequiredService<TracerProvider>();
        _meters = Services.GetRequiredService<MeterProvider>();
    }

    public ServiceProvider Services { get; }

    public IReadOnlyList<Activity> Spans()
    {
        _tracing.ForceFlush();
        return [.. _spans];
    }

    public long Sum(string name, params (string Key, string Value)[] tags)
    {
        _meters.ForceFlush();
        var snapshot = _metrics.LastOrDefault(m => m.Name == name);
        return snapshot is null ? 0 : snapshot.MetricPoints.Where(p => tags.All(t => Tag(p, t.Key) == t.Value)).Sum(p => p.GetSumLong());
    }

    public string? Unit(string name) => _metrics.LastOrDefault(m => m.Name == name)?.Unit;

    private static string? Tag(MetricPoint point, string key)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key)
            {
                return tag.Value?.ToString();
            }
        }

        return null;
    }

    public void Dispose() => Services.Dispose();
}
