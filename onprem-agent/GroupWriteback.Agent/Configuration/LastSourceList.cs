using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;

namespace GroupWriteback.Agent.Configuration;

/// <summary>
/// Reads a list setting from the last configuration source that defines it. .NET configuration merges lists
/// by index across sources, so an environment variable <c>…__TargetOus__1</c> would add an OU to the file's
/// list; for a scope that is a widening by accident. Here a later source replaces the whole list.
/// </summary>
internal static class LastSourceList
{
    /// <summary>The list at <paramref name="path"/> as the last source defining it has it; null when none does.</summary>
    public static List<string>? Read(IConfigurationRoot configuration, string path)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        foreach (var provider in configuration.Providers.Reverse())
        {
            var indexes = provider.GetChildKeys([], path).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (indexes.Count == 0)
            {
                continue;
            }

            var values = new List<string>();
            foreach (var index in indexes.OrderBy(i => int.TryParse(i, out var n) ? n : int.MaxValue).ThenBy(i => i, StringComparer.Ordinal))
            {
                if (provider.TryGet(ConfigurationPath.Combine(path, index), out var value) && !StringValues.IsNullOrEmpty(value))
                {
                    values.Add(value!);
                }
            }

            return values;
        }

        return null;
    }
}
