using System.Globalization;

namespace GroupWriteback.LocalHost.Chaos;

/// <summary>Every fault injected and every check made in a chaos run, printed as they happen and counted.</summary>
internal sealed class ChaosLedger(TextWriter output)
{
    private readonly Dictionary<string, int> _faults = new(StringComparer.Ordinal);
    private readonly List<(string Check, long Found, long Expected)> _checks = [];
    private readonly DateTime _started = DateTime.UtcNow;

    /// <summary>Fault kinds and how often each was injected.</summary>
    public IReadOnlyDictionary<string, int> Faults => _faults;

    /// <summary>The checks that did not hold.</summary>
    public IEnumerable<string> Failures => _checks.Where(c => c.Found != c.Expected).Select(c => c.Check);

    /// <summary>Records and prints one injected fault.</summary>
    public void Fault(string kind, string detail)
    {
        _faults[kind] = _faults.GetValueOrDefault(kind) + 1;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  [{Elapsed}] fault  {kind}: {detail}"));
    }

    /// <summary>Prints progress that is neither a fault nor a check.</summary>
    public void Note(string text) => output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  [{Elapsed}] {text}"));

    /// <summary>Records and prints one check: what was found against what must be.</summary>
    public void Check(string check, long found, long expected)
    {
        _checks.Add((check, found, expected));
        var verdict = found == expected ? "ok  " : "FAIL";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  [{Elapsed}] {verdict}   {check}: {found} (must be {expected})"));
    }

    /// <summary>Prints the totals; returns 0 when every check held, 1 otherwise.</summary>
    public int Summarize()
    {
        output.WriteLine();
        output.WriteLine("Faults injected:");
        foreach (var (kind, count) in _faults.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {count,5}  {kind}"));
        }

        var failed = Failures.ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Checks: {_checks.Count - failed.Count} of {_checks.Count} held{(failed.Count == 0 ? "." : ": failed " + string.Join(", ", failed))}"));
        return failed.Count == 0 ? 0 : 1;
    }

    private string Elapsed => (DateTime.UtcNow - _started).ToString(@"mm\:ss", CultureInfo.InvariantCulture);
}
