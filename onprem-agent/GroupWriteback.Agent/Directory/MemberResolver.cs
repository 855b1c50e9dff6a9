using System.DirectoryServices.Protocols;
using System.Text.RegularExpressions;
using GroupWriteback.Contracts;

namespace GroupWriteback.Agent.Directory;

/// <summary>
/// Finds the on-premises objects behind member references: by SID, by objectGUID, or (nested
/// written-back groups) by our anchor. Lookups are batched into OR filters; members that are
/// not found are returned separately, never fatal. References to members the group already has
/// (<c>known</c>, from the extended DN read of its members) are answered without a search.
/// </summary>
internal static partial class MemberResolver
{
    private const int FilterBatch = 100;

    /// <summary>Resolves references to DNs.</summary>
    public static MemberResolution Resolve(DirectoryClient client, IReadOnlyCollection<MemberReference> references, IReadOnlyCollection<CurrentMember>? known = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(references);
        var knownSids = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var knownGuids = new Dictionary<Guid, string>();
        foreach (var member in known ?? [])
        {
            if (member.Sid is { } memberSid)
            {
                knownSids.TryAdd(memberSid, member.Dn);
            }

            if (member.ObjectGuid != Guid.Empty)
            {
                knownGuids.TryAdd(member.ObjectGuid, member.Dn);
            }
        }

        var resolved = new Dictionary<MemberReference, string>();
        var unresolvable = new List<MemberReference>();
        var bySid = new Dictionary<string, List<MemberReference>>(StringComparer.OrdinalIgnoreCase);
        var byGuid = new Dictionary<Guid, List<MemberReference>>();
        var byAnchor = new Dictionary<string, List<MemberReference>>(StringComparer.OrdinalIgnoreCase);
        foreach (var reference in references.Distinct())
        {
            if (reference.Sid is { } sid && SidPattern().IsMatch(sid))
            {
                if (knownSids.TryGetValue(sid, out var memberDn))
                {
                    resolved[reference] = memberDn;
                }
                else
                {
                    Bucket(bySid, sid, reference);
                }
            }
            else if (reference.ObjectGuid is { } guid && guid != Guid.Empty)
            {
                if (knownGuids.TryGetValue(guid, out var memberDn))
                {
                    resolved[reference] = memberDn;
                }
                else
                {
                    Bucket(byGuid, guid, reference);
                }
            }
            else if (WritebackAnchor.TryCreate(reference.WrittenBackGroupId, out var anchor))
            {
                Bucket(byAnchor, anchor.Value, reference);
            }
            else
            {
                unresolvable.Add(reference);
            }
        }

        Lookup(client, bySid, sid => $"(objectSid={sid})", e => SidText(e), resolved);
        Lookup(client, byGuid, guid => $"(objectGUID={LdapFilter.EscapeBytes(guid.ToByteArray())})", e => ObjectGuid(e), resolved);
        Lookup(client, byAnchor, WritebackAnchor.GroupFilter, e => Anchor(e), resolved);
        foreach (var reference in references.Distinct())
        {
            if (!resolved.ContainsKey(reference) && !unresolvable.Contains(reference))
            {
                unresolvable.Add(reference);
            }
        }

        return new MemberResolution(resolved, unresolvable);
    }

    /// <summary>True when <paramref name="sid"/> is a SID in text form (nothing else may enter a filter or a member value).</summary>
    public static bool IsSid(string sid) => SidPattern().IsMatch(sid);

    private static void Bucket<TKey>(Dictionary<TKey, List<MemberReference>> buckets, TKey key, MemberReference reference)
        where TKey : notnull
    {
        if (!buckets.TryGetValue(key, out var list))
        {
            buckets[key] = list = [];
        }

        list.Add(reference);
    }

    private static void Lookup<TKey>(
        DirectoryClient client,
        Dictionary<TKey, List<MemberReference>> wanted,
        Func<TKey, string> clause,
        Func<SearchResultEntry, TKey?> keyOf,
        Dictionary<MemberReference, string> resolved)
        where TKey : notnull
    {
        foreach (var batch in wanted.Keys.Chunk(FilterBatch))
        {
            var filter = batch.Length == 1 ? clause(batch[0]) : "(|" + string.Concat(batch.Select(clause)) + ")";
            foreach (var entry in client.Search(client.DomainDn, filter, SearchScope.Subtree, "objectSid", "objectGUID", WritebackAnchor.AdminDescription))
            {
                if (keyOf(entry) is { } key && wanted.TryGetValue(key, out var references))
                {
                    foreach (var reference in references)
                    {
                        resolved[reference] = entry.DistinguishedName;
                    }
                }
            }
        }
    }

    private static string? SidText(SearchResultEntry entry) =>
        entry.Attributes.Contains("objectSid")
            ? Security.Sid.FromBinary((byte[])entry.Attributes["objectSid"].GetValues(typeof(byte[]))[0]).ToString()
            : null;

    private static Guid ObjectGuid(SearchResultEntry entry) =>
        entry.Attributes.Contains("objectGUID")
            ? new Guid((byte[])entry.Attributes["objectGUID"].GetValues(typeof(byte[]))[0])
            : Guid.Empty;

    private static string? Anchor(SearchResultEntry entry) =>
        entry.Attributes.Contains(WritebackAnchor.AdminDescription)
            ? (string)entry.Attributes[WritebackAnchor.AdminDescription][0]
            : null;

    [GeneratedRegex(@"^S-1-\d{1,15}(-\d{1,10}){1,15}$", RegexOptions.CultureInvariant)]
    private static partial Regex SidPattern();
}
