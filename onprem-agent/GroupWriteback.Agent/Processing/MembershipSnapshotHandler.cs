using GroupWriteback.Agent.Directory;
using GroupWriteback.Contracts.Commands;
using GroupWriteback.Contracts.Results;

namespace GroupWriteback.Agent.Processing;

/// <summary>
/// Collects snapshot chunks; with the last one, makes AD's membership equal to the cloud's:
/// adds what is missing and removes what the cloud does not have (drift repair).
/// </summary>
internal static class MembershipSnapshotHandler
{
    /// <summary>Applies the command; a snapshot whose members the create just wrote (<paramref name="inline"/>) is answered from that.</summary>
    public static WritebackResult Handle(WritebackContext context, SnapshotStore store, MembershipSnapshotCommand command, InlineMembers? inline = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(command);
        if (!CommandResults.TryAnchor(command, out var anchor, out var invalid))
        {
            return invalid!;
        }

        // CommandShape (checked by the processor) vouches for the chunk numbers; the id also names a folder.
        if (!SnapshotStore.IsSafeId(command.SnapshotId))
        {
            return CommandResults.Failed(command, FailureReason.InvalidCommand, $"Group {command.GroupId}: snapshot id '{command.SnapshotId}' is not usable as a name.");
        }

        var group = GroupLocator.FindInScope(context, anchor, remembered: true);
        if (group is null)
        {
            return CommandResults.Failed(command, FailureReason.GroupNotWrittenBack, $"Group {command.GroupId} has no written-back object (anchor {anchor.Value}); snapshot not applied.");
        }

        if (store.IsCompleted(command.GroupId, command.SnapshotId))
        {
            return CommandResults.Succeeded(command, false, group, $"snapshot {command.SnapshotId} was already reconciled (chunk {command.ChunkIndex + 1} of {command.ChunkCount} redelivered)");
        }

        if (inline is { Written: { } withCreate } && inline.Answers(command) && !context.DryRun)
        {
            store.Complete(command.GroupId, command.SnapshotId);
            return CommandResults.Succeeded(command, withCreate > 0, group, $"snapshot {command.SnapshotId} reconciled: +{withCreate} -0 (written with the create), 0 not found on-premises") with
            {
                MembersAdded = withCreate,
                MembersRemoved = 0,
                SkippedMembers = [],
            };
        }

        var chunks = context.DryRun ? context.PlannedSnapshots.Add(command) : store.Add(command);
        if (chunks is null)
        {
            return CommandResults.Succeeded(command, false, group, $"snapshot {command.SnapshotId}: chunk {command.ChunkIndex + 1} of {command.ChunkCount} stored") with
            {
                Outcome = ResultOutcome.Pending,
            };
        }

        var references = chunks.SelectMany(c => c.Members).ToList();
        var members = MembershipReader.ReadMemberIdentities(context.Directory, group.Dn);
        var byIdentity = members.Count == 0 && !context.DryRun && references.Count > 0;
        if (byIdentity && MemberValues.TryWriteByIdentity(context, group.Dn, references) is { } written)
        {
            store.Complete(command.GroupId, command.SnapshotId);
            return CommandResults.Succeeded(command, written > 0, group, $"snapshot {command.SnapshotId} reconciled: +{written} -0, 0 not found on-premises") with
            {
                MembersAdded = written,
                MembersRemoved = 0,
                SkippedMembers = [],
            };
        }

        if (byIdentity)
        {
            // Refused part way: batches written before the refused one are members now.
            members = MembershipReader.ReadMemberIdentities(context.Directory, group.Dn);
        }

        // Members the group has are matched by the SID or objectGUID the read showed; only newcomers are searched.
        var current = members.Select(m => m.Dn).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var resolution = MemberResolver.Resolve(context.Directory, references, members);
        var desired = new HashSet<string>(resolution.Resolved.Values, StringComparer.OrdinalIgnoreCase);
        var add = desired.Where(dn => !current.Contains(dn)).ToList();
        var remove = current.Where(dn => !desired.Contains(dn)).ToList();
        var (added, removed) = MembershipWriter.Apply(context, group.Dn, add, remove);
        if (!context.DryRun)
        {
            store.Complete(command.GroupId, command.SnapshotId);
        }

        return CommandResults.Succeeded(command, added + removed > 0, group, $"snapshot {command.SnapshotId} reconciled: +{added} -{removed}, {resolution.NotFound.Count} not found on-premises") with
        {
            MembersAdded = added,
            MembersRemoved = removed,
            SkippedMembers = resolution.NotFound,
        };
    }
}
