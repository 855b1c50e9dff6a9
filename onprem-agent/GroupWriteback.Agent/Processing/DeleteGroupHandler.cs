using GroupWriteback.Contracts.Commands;
using GroupWriteback.Contracts.Results;

namespace GroupWriteback.Agent.Processing;

/// <summary>Deletes the object carrying the group's anchor, only inside scope.</summary>
internal static class DeleteGroupHandler
{
    /// <summary>Applies the command.</summary>
    public static WritebackResult Handle(WritebackContext context, DeleteGroupCommand command)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(command);
        if (!CommandResults.TryAnchor(command, out var anchor, out var invalid))
        {
            return invalid!;
        }

        var group = GroupLocator.FindInScope(context, anchor);
        if (group is null)
        {
            return CommandResults.Succeeded(command, false, null, $"no object carries anchor {anchor.Value}; nothing to delete");
        }

        if (!context.DryRun)
        {
            context.Directory.Delete(group.Dn);
            context.Memory.Forget(anchor);
        }

        return CommandResults.Succeeded(command, true, group, $"deleted '{group.Dn}' ({command.Reason})");
    }
}
