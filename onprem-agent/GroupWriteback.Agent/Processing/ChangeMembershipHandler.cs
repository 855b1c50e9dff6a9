using GroupWriteback.Contracts.Commands;
using GroupWriteback.Contracts.Results;

namespace GroupWriteback.Agent.Processing;

/// <summary>Applies incremental member adds and removes, writing only what differs.</summary>
internal static class ChangeMembershipHandler
{
    /// <summary>Applies the command.</summary>
    public static WritebackResult Handle(WritebackContext context, ChangeMembershipCommand command)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(command);
        if (!CommandResults.TryAnchor(command, out var anchor, out var invalid))
        {
            return invalid!;
        }

        var group = GroupLocator.FindInScope(context, anchor, remembered: true);
        if (group is null)
        {
            return CommandResults.Failed(command, FailureReason.GroupNotWrittenBack, $"Group {command.GroupId} has no written-back object (anchor {anchor.Value}); membership not changed.");
        }

        var adds = Directory.MemberResolver.Resolve(context.Directory, command.Add);
        var removes = Directory.MemberResolver.Resolve(context.Directory, command.Remove);
        var current = Directory.MembershipReader.ReadMembers(context.Directory, group.Dn);
        var removeDns = removes.Resolved.Values.Where(current.Contains).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var removeSet = new HashSet<string>(removeDns, StringComparer.OrdinalIgnoreCase);
        var addDns = adds.Resolved.Values.Where(dn => !current.Contains(dn) && !removeSet.Contains(dn)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var (added, removed) = MembershipWriter.Apply(context, group.Dn, addDns, removeDns);
        return CommandResults.Succeeded(command, added + removed > 0, group, $"members +{added} -{removed}, {adds.NotFound.Count} not found on-premises") with
        {
            MembersAdded = added,
            MembersRemoved = removed,
            SkippedMembers = adds.NotFound,
        };
    }
}
