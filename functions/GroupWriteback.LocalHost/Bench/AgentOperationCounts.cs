using System.Text.Json;

namespace GroupWriteback.LocalHost.Bench;

/// <summary>
/// The agent's <c>Agent:OperationCountsFile</c> flattened: <c>ldap read n</c>, <c>ldap read ms</c>, <c>command upsertGroup ms</c>, …
/// </summary>
internal sealed class AgentOperationCounts(IReadOnlyDictionary<string, double> values)
{
    private IReadOnlyDictionary<string, double> Values { get; } = values;

    public static AgentOperationCounts Read(string path)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return new AgentOperationCounts(values);
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        foreach (var (section, prefix) in new[] { ("ldap", "ldap"), ("commands", "command") })
        {
            if (!document.RootElement.TryGetProperty(section, out var entries))
            {
                continue;
            }

            foreach (var entry in entries.EnumerateObject())
            {
                values[$"{prefix} {entry.Name} n"] = entry.Value.GetProperty("Count").GetDouble();
                values[$"{prefix} {entry.Name} ms"] = entry.Value.GetProperty("Milliseconds").GetDouble();
            }
        }

        return new AgentOperationCounts(values);
    }

    /// <summary>What happened since <paramref name="earlier"/>; kinds that did not happen are left out.</summary>
    public IEnumerable<KeyValuePair<string, double>> Minus(AgentOperationCounts earlier) =>
        Values.Select(kv => KeyValuePair.Create(kv.Key, kv.Value - earlier.Values.GetValueOrDefault(kv.Key)))
            .Where(kv => kv.Value != 0)
            .OrderBy(kv => kv.Key, StringComparer.Ordinal);

    /// <summary>LDAP requests of every kind since <paramref name="earlier"/>.</summary>
    public double LdapOperationsSince(AgentOperationCounts earlier) =>
        Minus(earlier).Where(kv => kv.Key.StartsWith("ldap ", StringComparison.Ordinal) && kv.Key.EndsWith(" n", StringComparison.Ordinal)).Sum(kv => kv.Value);
}
