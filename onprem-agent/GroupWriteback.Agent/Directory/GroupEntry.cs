using System.DirectoryServices.Protocols;

namespace GroupWriteback.Agent.Directory;

/// <summary>A written-back group as it is in the directory.</summary>
internal sealed record GroupEntry(string Dn, Guid ObjectGuid, string? AdminDescription, IReadOnlyDictionary<string, string[]> Values)
{
    /// <summary>Attributes read for every group lookup.</summary>
    public static readonly string[] BaseAttributes = ["objectGUID", "objectClass", WritebackAnchor.AdminDescription, "sAMAccountName", "groupType"];

    /// <summary>Builds an entry from a search result.</summary>
    public static GroupEntry From(SearchResultEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var values = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (DirectoryAttribute attribute in entry.Attributes.Values)
        {
            if (!string.Equals(attribute.Name, "objectGUID", StringComparison.OrdinalIgnoreCase))
            {
                values[attribute.Name] = attribute.GetValues(typeof(string)).Cast<string>().ToArray();
            }
        }

        var guid = entry.Attributes.Contains("objectGUID")
            ? new Guid((byte[])entry.Attributes["objectGUID"].GetValues(typeof(byte[]))[0])
            : Guid.Empty;
        values.TryGetValue(WritebackAnchor.AdminDescription, out var anchor);
        return new GroupEntry(entry.DistinguishedName, guid, anchor?.FirstOrDefault(), values);
    }

    /// <summary>The values of an attribute, empty when absent.</summary>
    public IReadOnlyList<string> Get(string attribute) =>
        Values.TryGetValue(attribute, out var v) ? v : [];
}
