using GroupWriteback.Cloud.Configuration;
using GroupWriteback.Contracts.Commands;

namespace GroupWriteback.Cloud.Planning;

/// <summary>The planned commands of one pass, in queue order (upsert, membership changes, delete).</summary>
public sealed record GroupPlan
{
    /// <summary>What the pass does.</summary>
    public required PlanAction Action { get; init; }

    /// <summary>Why (scope decision or delete reason).</summary>
    public required string Reason { get; init; }

    /// <summary>Display name in the cloud, when the group still exists.</summary>
    public string? DisplayName { get; init; }

    /// <summary>The upsert, or null when the group already matches the last applied one.</summary>
    public UpsertGroupCommand? Upsert { get; init; }

    /// <summary>Fingerprint of the desired group (also when <see cref="Upsert"/> is left out).</summary>
    public string? UpsertIntentHash { get; init; }

    /// <summary>Membership changes from the delta, in chunks.</summary>
    public IReadOnlyList<ChangeMembershipCommand> Changes { get; init; } = [];

    /// <summary>The delete, for <see cref="PlanAction.Delete"/>.</summary>
    public DeleteGroupCommand? Delete { get; init; }

    /// <summary>True when the complete membership is sent after the other commands.</summary>
    public bool Snapshot { get; init; }

    /// <summary>Members the changes add.</summary>
    public int MembersAdded { get; init; }

    /// <summary>Members the changes remove.</summary>
    public int MembersRemoved { get; init; }

    /// <summary>Members left out: no on-premises identity, or (counted in <see cref="MemberTypesSkipped"/> too) of a kind never written back.</summary>
    public int MembersSkipped { get; init; }

    /// <summary>Of <see cref="MembersSkipped"/>, the member changes the round dropped from their type (devices, contacts, service principals).</summary>
    public int MemberTypesSkipped { get; init; }

    /// <summary>
    /// Why the group is refused without queuing anything (a command the agent would refuse, or the same desired group
    /// the agent refused before), for a <see cref="PlanAction.Skip"/>; null otherwise.
    /// </summary>
    public string? Refusal { get; init; }

    /// <summary>The limits the pass runs with.</summary>
    public WorkflowLimits Limits { get; init; } = new();

    /// <summary>The commands in queue order.</summary>
    public IReadOnlyList<WritebackCommand> Commands()
    {
        var commands = new List<WritebackCommand>();
        if (Upsert is not null)
        {
            commands.Add(Upsert);
        }

        commands.AddRange(Changes);
        if (Delete is not null)
        {
            commands.Add(Delete);
        }

        return commands;
    }
}
