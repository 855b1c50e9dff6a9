using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GroupWriteback.LocalHost.Bench;

/// <summary>Prints the figures as a table (each beside its baseline, ratio and target) and writes <c>bench.json</c>.</summary>
internal static class BenchReport
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public static void Print(TextWriter output, BenchResults results)
    {
        output.WriteLine();
        output.WriteLine($"{"scenario",-24} {"figure",-28} {"bridge",12} {"baseline",12} {"ratio",7}  target");
        foreach (var f in results.Figures)
        {
            var target = f.Target is not { } t ? string.Empty
                : (f.HigherIsBetter ? $">= {t:0.##}x" : $"<= {t:0} {f.Unit}") + (f.Met == true ? "  met" : $"  MISSED by {Miss(f):0.##}{(f.HigherIsBetter ? "x" : " " + f.Unit)}");
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{f.Scenario,-24} {f.Name + " (" + f.Unit + ")",-28} {f.Value,12:0.#} {(f.Baseline is { } b ? b.ToString("0.#", CultureInfo.InvariantCulture) : "-"),12} {(f.Ratio is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) : "-"),7}  {target}"));
        }

        foreach (var (scenario, stages) in results.Breakdown)
        {
            output.WriteLine();
            output.WriteLine($"where the time went: {scenario}");
            foreach (var (stage, value) in stages)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {stage,-64} {value,12:0.#}"));
            }
        }
    }

    public static string Write(string folder, BenchResults results)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "bench.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new
        {
            results.StartedAt,
            results.Configuration,
            Figures = results.Figures.Select(f => new { f.Scenario, f.Name, f.Unit, f.Value, f.Baseline, f.Ratio, f.Target, f.Met }),
            results.Breakdown,
            results.Latencies,
            results.RawLatencies,
            results.Throughput,
        }, Json));
        return path;
    }

    private static double Miss(BenchFigure f) => f.HigherIsBetter ? f.Target!.Value - (f.Ratio ?? 0) : f.Value - f.Target!.Value;
}
