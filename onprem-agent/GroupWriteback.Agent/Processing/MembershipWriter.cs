using System.DirectoryServices.Protocols;

namespace GroupWriteback.Agent.Processing;

/// <summary>
/// Writes membership differences in batched modify operations. Samba refuses to add an existing
/// member or remove a missing one, so callers pass only true differences.
/// </summary>
internal static class MembershipWriter
{
    /// <summary>Adds and removes members; returns the counts written.</summary>
    public static (int Added, int Removed) Apply(WritebackContext context, string groupDn, IReadOnlyCollection<string> add, IReadOnlyCollection<string> remove)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.DryRun)
        {
            return (add.Count, remove.Count);
        }

        // Removes first: a snapshot that swaps members never holds both sets at once.
        Write(context, groupDn, remove, DirectoryAttributeOperation.Delete);
        Write(context, groupDn, add, DirectoryAttributeOperation.Add);
        return (add.Count, remove.Count);
    }

    private static void Write(WritebackContext context, string groupDn, IReadOnlyCollection<string> members, DirectoryAttributeOperation operation)
    {
        foreach (var batch in members.Chunk(context.MemberBatchSize))
        {
            context.Aborting.ThrowIfCancellationRequested();
            var modification = new DirectoryAttributeModification { Name = "member", Operation = operation };
            foreach (var dn in batch)
            {
                modification.Add(dn);
            }

            context.Directory.Modify(groupDn, [modification]);
        }
    }
}
