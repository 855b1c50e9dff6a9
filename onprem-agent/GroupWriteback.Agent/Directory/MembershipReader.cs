using System.DirectoryServices.Protocols;
using System.Globalization;

namespace GroupWriteback.Agent.Directory;

/// <summary>
/// Reads a group's <c>member</c> values with explicit range retrieval
/// (<c>member;range=lo-hi</c>): AD caps values per attribute per response, and Samba never
/// ranges on its own but honours explicit requests, so asking by range works on both. With the
/// extended DN control the same reads also name each member's objectGUID and SID, so a snapshot
/// needs no search for the members a group already has.
/// </summary>
internal static class MembershipReader
{
    private const int RangeSize = 1000;

    /// <summary>All member DNs of the group.</summary>
    public static HashSet<string> ReadMembers(DirectoryClient client, string groupDn)
    {
        var members = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        ReadValues(client, groupDn, [], value => members.Add(value));
        return members;
    }

    /// <summary>All members of the group with the objectGUID and SID the DC keeps for each.</summary>
    public static IReadOnlyList<CurrentMember> ReadMemberIdentities(DirectoryClient client, string groupDn)
    {
        var members = new List<CurrentMember>();
        ReadValues(client, groupDn, [new ExtendedDNControl(ExtendedDNFlag.StandardString) { IsCritical = false }], value => members.Add(CurrentMember.Parse(value)));
        return members;
    }

    private static void ReadValues(DirectoryClient client, string groupDn, DirectoryControl[] controls, Action<string> onValue)
    {
        ArgumentNullException.ThrowIfNull(client);
        var low = 0;
        while (true)
        {
            var requested = string.Create(CultureInfo.InvariantCulture, $"member;range={low}-{low + RangeSize - 1}");
            var entry = client.Read(groupDn, controls, requested)
                ?? throw new DirectoryWriteException($"Group '{groupDn}' disappeared while its members were read.");
            var attribute = entry.Attributes.Values.Cast<DirectoryAttribute>()
                .FirstOrDefault(a => a.Name.StartsWith("member", StringComparison.OrdinalIgnoreCase));
            if (attribute is null)
            {
                return;
            }

            foreach (string value in attribute.GetValues(typeof(string)))
            {
                onValue(value);
            }

            var (isLast, high) = ParseRange(attribute.Name, low + attribute.Count - 1);
            if (isLast || attribute.Count == 0)
            {
                return;
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
