using System.DirectoryServices.Protocols;
using GroupWriteback.Agent.Directory;
using GroupWriteback.Contracts.Results;

namespace GroupWriteback.Agent.Processing;

/// <summary>
/// Finds a written-back group by its anchor, domain-wide (an administrator may have moved it),
/// and refuses one that now lives outside the agent's scope.
/// </summary>
internal static class GroupLocator
{
    /// <summary>
    /// The group carrying the anchor inside scope, or null when there is none anywhere. With
    /// <paramref name="remembered"/>, a group the agent found or created moments ago (<see cref="DirectoryMemory"/>)
    /// is read at its DN and taken when it still carries the anchor, instead of searching the domain: the rest of a
    /// pass (membership after the upsert) needs no second domain-wide search. Upserts always search, so a pass still
    /// finds a duplicate or a group moved out of scope.
    /// </summary>
    public static GroupEntry? FindInScope(WritebackContext context, WritebackAnchor anchor, IEnumerable<string>? extraAttributes = null, bool remembered = false)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(anchor);
        var attributes = GroupEntry.BaseAttributes.Concat(extraAttributes ?? []).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        if (remembered && Remembered(context, anchor, attributes) is { } known)
        {
            return InScope(context, anchor, known);
        }

        var matches = context.Directory.Search(context.Directory.DomainDn, anchor.Filter, SearchScope.Subtree, attributes)
            .Select(GroupEntry.From)
            .Where(e => anchor.Matches(e.AdminDescription))
            .ToList();
        if (matches.Count == 0)
        {
            return null;
        }

        if (matches.Count > 1)
        {
            throw new DirectoryWriteException(
                FailureReason.DirectoryRejected,
                $"{matches.Count} objects carry anchor {anchor.Value} ({string.Join("; ", matches.Select(m => m.Dn))}); resolve the duplicate by hand.",
                matches[0].Dn);
        }

        context.Memory.Located(anchor, matches[0].Dn);
        return InScope(context, anchor, matches[0]);
    }

    private static GroupEntry? Remembered(WritebackContext context, WritebackAnchor anchor, string[] attributes)
    {
        if (context.Memory.LocatedDn(anchor) is not { } dn)
        {
            return null;
        }

        var entry = context.Directory.Read(dn, attributes) is { } found ? GroupEntry.From(found) : null;
        if (entry is not null && anchor.Matches(entry.AdminDescription) && entry.Get("objectClass").Contains("group", StringComparer.OrdinalIgnoreCase))
        {
            return entry;
        }

        context.Memory.Forget(anchor);
        return null;
    }

    private static GroupEntry InScope(WritebackContext context, WritebackAnchor anchor, GroupEntry group)
    {
        if (!context.Scope.ContainsBelow(group.Dn))
        {
            throw new DirectoryWriteException(
                FailureReason.OutsideScope,
                $"the object carrying anchor {anchor.Value} is at '{group.Dn}', outside the configured target OUs; it is not touched.",
                group.Dn);
        }

        return group;
    }
}
