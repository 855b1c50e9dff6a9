using System.Diagnostics;
using GroupWriteback.Agent.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace GroupWriteback.Agent.Tests.Telemetry;

/// <summary>
/// A service provider with the agent's telemetry registered as the hosts register it, exporting to memory, and
/// reads of what was exported.
/// </summary>
internal sealed class TelemetryReader : IDisposable
{
    private readonly List<Activity> _spans = [];
    private readonly List<MetricSnapshot> _metrics = [];
    private readonly ServiceProvider _services;
    private readonly TracerProvider _tracing;
    private readonly MeterProvider _meters;

    public TelemetryReader()
    {
        var services = new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddAgentTelemetry(new ConfigurationBuilder().Build());
        services.AddAgentOpenTelemetry()
            .WithTracing(t => t.AddInMemoryExporter(_spans))
            .WithMetrics(m => m.AddInMemoryExporter(_metrics));
        _services = services.BuildServiceProvider();
        _tracing = _services.GetRequiredService<TracerProvider>();
        _meters = _services.GetRequiredService<MeterProvider>();
        Telemetry = _services.GetRequiredService<AgentTelemetry>();
    }

    public AgentTelemetry Telemetry { get; }

    /// <summary>Every span exported so far (ended spans only).</summary>
    public IReadOnlyList<Activity> Spans()
    {
        _tracing.ForceFlush();
        return [.. _spans];
    }

    /// <summary>The points of the newest export of a metric whose tags include <paramref name="tags"/>.</summary>
    public IReadOnlyList<MetricPoint> Points(string name, params (string Key, string Value)[] tags)
    {
        _meters.ForceFlush();
        var snapshot = _metrics.LastOrDefault(m => m.Name == name);
        if (snapshot is null)
        {
            return [];
        }

        return snapshot.MetricPoints.Where(p => tags.All(t => Tag(p, t.Key) == t.Value)).ToList();
    }

    public long Sum(string name, params (string Key, string Value)[] tags) => Points(name, tags).Sum(p => p.GetSumLong());

    public long Count(string name, params (string Key, string Value)[] tags) => Points(name, tags).Sum(p => p.GetHistogramCount());

    public double HistogramSum(string name, params (string Key, string Value)[] tags) => Points(name, tags).Sum(p => p.GetHistogramSum());

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

    public void Dispose() => _services.Dispose();
}
