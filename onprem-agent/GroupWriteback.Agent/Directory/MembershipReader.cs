using System.DirectoryServices.Protocols;
using System.Globalization;

namespace GroupWriteback.Agent.Directory;

/// <summary>
/// Reads a group's <c>member</c> values with explicit range retrieval
/// (<c>member;range=lo-hi</c>): AD caps values per attribute per response, and Samba never
/// ranges on its own but honours explicit requests, so asking by range works on both.
/// </summary>
internal static class MembershipReader
{
    private const int RangeSize = 1000;

    /// <summary>All member DNs of the group.</summary>
    public static HashSet<string> ReadMembers(DirectoryClient client, string groupDn)
    {
        ArgumentNullException.ThrowIfNull(client);
        var members = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var low = 0;
        while (true)
        {
            var requested = string.Create(CultureInfo.InvariantCulture, $"member;range={low}-{low + RangeSize - 1}");
            var entry = client.Read(groupDn, requested)
                ?? throw new DirectoryWriteException($"Group '{groupDn}' disappeared while its members were read.");
            var attribute = entry.Attributes.Values.Cast<DirectoryAttribute>()
                .FirstOrDefault(a => a.Name.StartsWith("member", StringComparison.OrdinalIgnoreCase));
            if (attribute is null)
            {
                return members;
            }

            foreach (string dn in attribute.GetValues(typeof(string)))
            {
                members.Add(dn);
            }

            var (isLast, high) = ParseRange(attribute.Name, low + attribute.Count - 1);
            if (isLast || attribute.Count == 0)
            {
                return members;
            }

            low = high + 1;
        }
    }

    /// <summary>
    /// Reads the returned range: <c>member;range=0-999</c> means more may follow,
    /// <c>member;range=1000-*</c> is the last chunk. A plain <c>member</c> (no range option) means
    /// the server returned everything.
    /// </summary>
    private static (bool IsLast, int High) ParseRange(string name, int fallbackHigh)
    {
        var marker = name.IndexOf(";range=", StringComparison.OrdinalIgnoreCase);
        if (marker < 0)
        {
            return (true, fallbackHigh);
        }

        var range = name[(marker + ";range=".Length)..];
        var dash = range.IndexOf('-', StringComparison.Ordinal);
        var high = range[(dash + 1)..];
        return high == "*"
            ? (true, fallbackHigh)
            : (false, int.Parse(high, CultureInfo.InvariantCulture));
    }
}
