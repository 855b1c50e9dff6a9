using System.Globalization;
using System.Text.Json;
using GroupWriteback.Contracts.Commands;
using GroupWriteback.Contracts.Results;

namespace GroupWriteback.Cloud.Audit;

/// <summary>Builds audit entries from what the cloud receives and decides.</summary>
internal static class AuditEntries
{
    /// <summary>The entry of an agent's result: one per command and completion (a redelivered result keeps its id).</summary>
    public static AuditEntry FromResult(WritebackResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new AuditEntry(
            string.Create(CultureInfo.InvariantCulture, $"{result.CommandId}@{result.CompletedAt.UtcTicks}"),
            result.CompletedAt,
            AuditKinds.Command,
            result.GroupId,
            result.DistinguishedName,
            result.CommandKind,
            result.CommandId,
            Changes(result),
            OutcomeName(result.Outcome),
            result.Outcome == ResultOutcome.Failed ? JsonNamingPolicy.CamelCase.ConvertName(result.Reason.ToString()) : null,
            result.Message,
            TraceIdOf(result.TraceParent),
            result.AgentId);
    }

    /// <summary>The entry of an operator's decision on <paramref name="instanceId"/>'s pending deletes.</summary>
    public static AuditEntry FromApproval(
        string instanceId, string workflow, string? groupId, string previewId, int count, bool approved, string? actor, string? comment, DateTimeOffset at) =>
        new(
            $"approval-{Guid.NewGuid():N}",
            at,
            AuditKinds.Approval,
            groupId,
            null,
            workflow,
            instanceId,
            string.Create(CultureInfo.InvariantCulture, $"{(approved ? "approved" : "rejected")} {count} deletes (preview {previewId})"),
            approved ? "approved" : "rejected",
            null,
            comment,
            null,
            actor);

    /// <summary>The entry of an operator's resubmit or discard of a dead letter (<paramref name="message"/> when it was still listed).</summary>
    public static AuditEntry FromDeadLetter(string queue, long sequence, Transport.DeadLetteredMessage? message, string status, string actor, DateTimeOffset at) =>
        new(
            $"deadletter-{Guid.NewGuid():N}",
            at,
            AuditKinds.DeadLetter,
            message?.SessionId,
            null,
            queue,
            message?.MessageId,
            string.Create(CultureInfo.InvariantCulture, $"dead letter {sequence} of {queue} {status}"),
            status,
            null,
            message is null ? null : $"{message.Reason}: {message.Description}",
            null,
            actor);

    /// <summary>The outcome as the API spells it: <c>applied</c>, <c>noOp</c>, <c>pending</c>, <c>failed</c>.</summary>
    public static string OutcomeName(ResultOutcome outcome) => JsonNamingPolicy.CamelCase.ConvertName(outcome.ToString());

    /// <summary>
    /// What changed, from the command kind, the agent's message and the member counts: "created", "renamed or moved",
    /// "attributes updated", "deleted", "+3 -1 members", "2 members skipped", or "no change".
    /// </summary>
    public static string Changes(WritebackResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Outcome == ResultOutcome.Failed)
        {
            return "nothing written";
        }

        var parts = new List<string>();
        var message = result.Message ?? string.Empty;
        if (result.CommandKind == CommandKinds.UpsertGroup)
        {
            if (message.StartsWith("created", StringComparison.Ordinal))
            {
                parts.Add("created");
            }

            if (message.Contains("moved/renamed", StringComparison.Ordinal))
            {
                parts.Add("renamed or moved");
            }

            if (message.Contains("updated ", StringComparison.Ordinal))
            {
                parts.Add("attributes updated");
            }
        }
        else if (result.CommandKind == CommandKinds.DeleteGroup && result.Outcome == ResultOutcome.Applied)
        {
            parts.Add("deleted");
        }
        else if (result.CommandKind == CommandKinds.GrantPermissions && result.Outcome == ResultOutcome.Applied)
        {
            parts.Add("permissions granted");
        }

        if (result.MembersAdded > 0 || result.MembersRemoved > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"+{result.MembersAdded} -{result.MembersRemoved} members"));
        }

        if (result.SkippedMembers.Count > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{result.SkippedMembers.Count} members skipped"));
        }

        return parts.Count == 0 ? (result.Outcome == ResultOutcome.Pending ? "snapshot chunk stored" : "no change") : string.Join(", ", parts);
    }

    /// <summary>The trace id of a W3C <c>traceparent</c> (<c>00-&lt;trace id&gt;-&lt;span id&gt;-&lt;flags&gt;</c>), or null.</summary>
    public static string? TraceIdOf(string? traceParent)
    {
        var parts = traceParent?.Split('-');
        return parts is { Length: 4 } && parts[1].Length == 32 && parts[1].All(char.IsAsciiHexDigitLower) ? parts[1] : null;
    }
}
