using System.DirectoryServices.Protocols;
using System.Text;

namespace GroupWriteback.LocalDomain;

/// <summary>
/// Renders entries as sorted text so two reads of the same subtree compare equal exactly when
/// the objects and their attribute values are the same.
/// </summary>
internal static class DirectoryDump
{
    /// <summary>Attributes every write changes; an identical directory may differ in these.</summary>
    private static readonly HashSet<string> Volatile = new(StringComparer.OrdinalIgnoreCase)
    {
        "whenChanged", "uSNChanged", "dSCorePropagationData", "replPropertyMetaData", "msDS-ReplAttributeMetaData", "msDS-ReplValueMetaData",
    };

    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    public static string Render(IEnumerable<SearchResultEntry> entries)
    {
        var text = new StringBuilder();
        foreach (var entry in entries.OrderBy(e => e.DistinguishedName, StringComparer.OrdinalIgnoreCase))
        {
            text.Append("dn: ").AppendLine(entry.DistinguishedName);
            var attributes = entry.Attributes.Values.Cast<DirectoryAttribute>()
                .Where(a => !Volatile.Contains(a.Name))
                .OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase);
            foreach (var attribute in attributes)
            {
                var values = attribute.GetValues(typeof(byte[])).Cast<byte[]>().Select(Value).Order(StringComparer.Ordinal);
                foreach (var value in values)
                {
                    text.Append("  ").Append(attribute.Name).Append(": ").AppendLine(value);
                }
            }
        }

        return text.ToString();
    }

    private static string Value(byte[] bytes)
    {
        try
        {
            var text = StrictUtf8.GetString(bytes);
            return text.Any(char.IsControl) ? ":: " + Convert.ToBase64String(bytes) : text;
        }
        catch (DecoderFallbackException)
        {
            return ":: " + Convert.ToBase64String(bytes);
        }
    }
}
