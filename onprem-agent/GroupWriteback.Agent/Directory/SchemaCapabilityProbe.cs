using System.DirectoryServices.Protocols;

namespace GroupWriteback.Agent.Directory;

/// <summary>
/// Reads, from the schema naming context, which optional attributes groups may carry: the
/// attribute must exist and be allowed on the group class (directly or through an auxiliary
/// class such as Mail-Recipient).
/// </summary>
internal static class SchemaCapabilityProbe
{
    private static readonly string[] Candidates =
        [.. SchemaCapabilities.ExchangeAttributes, WritebackAnchor.ExternalDirectoryObjectId];

    /// <summary>Probes the forest the client is connected to.</summary>
    public static SchemaCapabilities Probe(DirectoryClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var rootDse = client.Read(string.Empty, "schemaNamingContext")
            ?? throw new DirectoryWriteException("RootDSE could not be read.");
        var schemaDn = (string)rootDse.Attributes["schemaNamingContext"][0];
        var allowed = AllowedOnGroup(client, schemaDn);
        var present = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in Candidates)
        {
            var exists = client.Search(schemaDn, $"(&(objectClass=attributeSchema)(lDAPDisplayName={LdapFilter.Escape(name)}))", SearchScope.OneLevel, "lDAPDisplayName").Count > 0;
            if (exists && allowed.Contains(name))
            {
                present.Add(name);
            }
        }

        return new SchemaCapabilities(present);
    }

    private static HashSet<string> AllowedOnGroup(DirectoryClient client, string schemaDn)
    {
        var allowed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Queue<string>(["group"]);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (pending.TryDequeue(out var className))
        {
            if (!seen.Add(className))
            {
                continue;
            }

            var entries = client.Search(
                schemaDn,
                $"(&(objectClass=classSchema)(lDAPDisplayName={LdapFilter.Escape(className)}))",
                SearchScope.OneLevel,
                "mayContain", "systemMayContain", "mustContain", "systemMustContain", "auxiliaryClass", "systemAuxiliaryClass", "subClassOf");
            foreach (SearchResultEntry entry in entries)
            {
                foreach (var attribute in new[] { "mayContain", "systemMayContain", "mustContain", "systemMustContain" })
                {
                    allowed.UnionWith(Values(entry, attribute));
                }

                foreach (var attribute in new[] { "auxiliaryClass", "systemAuxiliaryClass", "subClassOf" })
                {
                    foreach (var parent in Values(entry, attribute))
                    {
                        pending.Enqueue(parent);
                    }
                }
            }
        }

        return allowed;
    }

    private static IEnumerable<string> Values(SearchResultEntry entry, string attribute) =>
        entry.Attributes.Contains(attribute)
            ? entry.Attributes[attribute].GetValues(typeof(string)).Cast<string>()
            : [];
}
