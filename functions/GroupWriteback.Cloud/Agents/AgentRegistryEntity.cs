using Microsoft.DurableTask.Entities;

namespace GroupWriteback.Cloud.Agents;

/// <summary>
/// A durable entity holding each agent's newest heartbeat (<see cref="AgentSeen"/>) by agent id, so every app
/// instance lists the same agents whichever instance drained the results.
/// </summary>
public sealed class AgentRegistryEntity : TaskEntity<Dictionary<string, AgentSeen>>
{
    /// <summary>The one instance of the entity.</summary>
    public static readonly EntityInstanceId Id = new(nameof(AgentRegistryEntity), "agents");

    /// <summary>Keeps each of <paramref name="agents"/> that is newer than the stored heartbeat of its agent.</summary>
    public void Record(IReadOnlyList<AgentSeen> agents)
    {
        ArgumentNullException.ThrowIfNull(agents);
        State = AgentSeen.Merge(State, agents);
    }

    /// <inheritdoc />
    protected override Dictionary<string, AgentSeen> InitializeState(TaskEntityOperation entityOperation) => new(StringComparer.Ordinal);
}
