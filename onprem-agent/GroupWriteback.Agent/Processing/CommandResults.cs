using GroupWriteback.Agent.Directory;
using GroupWriteback.Contracts;
using GroupWriteback.Contracts.Commands;
using GroupWriteback.Contracts.Results;

namespace GroupWriteback.Agent.Processing;

/// <summary>Builds results that echo the command's identity.</summary>
internal static class CommandResults
{
    /// <summary>A successful result.</summary>
    public static WritebackResult Succeeded(WritebackCommand command, bool changed, GroupEntry? group, string message) =>
        Base(command) with
        {
            Outcome = changed ? ResultOutcome.Applied : ResultOutcome.NoOp,
            DistinguishedName = group?.Dn,
            // A planned create has no objectGUID yet: report none rather than the empty GUID.
            ObjectGuid = group is { ObjectGuid: var guid } && guid != Guid.Empty ? guid : null,
            Message = message,
        };

    /// <summary>A failure result; nothing more was written.</summary>
    public static WritebackResult Failed(WritebackCommand command, FailureReason reason, string message, string? dn = null) =>
        Base(command) with { Outcome = ResultOutcome.Failed, Reason = reason, Message = message, DistinguishedName = dn };

    /// <summary>A failure result from a directory exception.</summary>
    public static WritebackResult Failed(WritebackCommand command, DirectoryWriteException failure) =>
        Failed(command, failure.Reason, $"Group {command.GroupId}: {failure.Message}", failure.DistinguishedName);

    private static WritebackResult Base(WritebackCommand command) => new()
    {
        CommandId = command.CommandId,
        CommandKind = command.Kind,
        GroupId = command.GroupId,
        ReplyTo = command.ReplyTo,
        TraceParent = command.TraceParent,
        Outcome = ResultOutcome.NoOp,
    };

    /// <summary>Fails when the group id is not a GUID (it becomes an LDAP filter and a CN).</summary>
    public static bool TryAnchor(WritebackCommand command, out WritebackAnchor anchor, out WritebackResult? failure)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (WritebackAnchor.TryCreate(command.GroupId, out anchor))
        {
            failure = null;
            return true;
        }

        failure = Failed(command, FailureReason.InvalidCommand, $"Command {command.CommandId}: group id '{command.GroupId}' is not an object id (GUID).");
        return false;
    }
}
