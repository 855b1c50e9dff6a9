using System.DirectoryServices.Protocols;
using GroupWriteback.Agent.Directory;
using GroupWriteback.Contracts.Results;

namespace GroupWriteback.Agent.Processing;

/// <summary>
/// Finds a written-back group by its anchor, domain-wide (an administrator may have moved it),
/// and refuses one that now lives outside the agent's scope.
/// </summary>
public static class GroupLocator
{
    /// <summary>The group carrying the anchor inside scope, or null when there is none anywhere.</summary>
    public static GroupEntry? FindInScope(WritebackContext context, WritebackAnchor anchor, IEnumerable<string>? extraAttributes = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(anchor);
        var attributes = GroupEntry.BaseAttributes.Concat(extraAttributes ?? []).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
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

        var group = matches[0];
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
