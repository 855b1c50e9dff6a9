using ScottPlot;

namespace GroupWriteback.LocalHost.Bench;

/// <summary>PNG charts of a run: member links in AD over time (bridge and raw), and the change latency distribution.</summary>
internal static class BenchCharts
{
    private const int Width = 1000;
    private const int Height = 560;

    public static IReadOnlyList<string> Write(string folder, BenchResults results)
    {
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        if (results.Throughput.Count > 0)
        {
            var plot = new Plot();
            foreach (var series in results.Throughput.GroupBy(s => s.Series))
            {
                var line = plot.Add.ScatterLine(series.Select(s => s.Seconds).ToArray(), series.Select(s => (double)s.Links).ToArray());
                line.LegendText = series.Key;
                line.LineWidth = 2;
            }

            plot.Title("Full sync: member links written over time");
            plot.XLabel("seconds since start");
            plot.YLabel("member links in AD");
            plot.ShowLegend(Alignment.LowerRight);
            written.Add(Save(plot, folder, "throughput.png"));
        }

        if (results.Latencies.Count > 0)
        {
            var plot = new Plot();
            var kinds = results.Latencies.Select(l => l.Kind).Distinct().ToList();
            for (var k = 0; k < kinds.Count; k++)
            {
                var values = results.Latencies.Where(l => l.Kind == kinds[k]).Select(l => l.Milliseconds).ToArray();
                var xs = values.Select((_, i) => k + 1 + ((i % 9) - 4) * 0.04).ToArray();
                var dots = plot.Add.ScatterPoints(xs, values);
                dots.LegendText = kinds[k];
                dots.MarkerSize = 7;
            }

            var sorted = results.Latencies.Select(l => l.Milliseconds).Order().ToList();
            var p95 = plot.Add.HorizontalLine(ChangeLatencyScenario.Percentile(sorted, 0.95));
            p95.LegendText = "p95";
            var target = plot.Add.HorizontalLine(ChangeLatencyScenario.TargetP95Ms);
            target.LegendText = "target p95";
            target.LinePattern = LinePattern.Dashed;
            plot.Axes.Bottom.SetTicks([.. Enumerable.Range(1, kinds.Count).Select(i => (double)i)], [.. kinds]);
            plot.Title("Change latency: Graph change until readable in AD");
            plot.YLabel("milliseconds");
            plot.ShowLegend(Alignment.UpperRight);
            written.Add(Save(plot, folder, "latency.png"));
        }

        return written;
    }

    private static string Save(Plot plot, string folder, string name)
    {
        var path = Path.Combine(folder, name);
        plot.SavePng(path, Width, Height);
        return path;
    }
}
