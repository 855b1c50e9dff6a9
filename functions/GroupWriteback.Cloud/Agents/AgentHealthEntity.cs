using Microsoft.DurableTask.Entities;

namespace GroupWriteback.Cloud.Agents;

/// <summary>
/// A durable entity holding the newest <see cref="AgentHeartbeat"/>, so every instance of the app
/// reports the same agent health whichever instance drained the results.
/// </summary>
public sealed class AgentHealthEntity : TaskEntity<AgentHeartbeat?>
{
    /// <summary>The one instance of the entity.</summary>
    public static readonly EntityInstanceId Id = new(nameof(AgentHealthEntity), "agents");

    /// <summary>Keeps <paramref name="heartbeat"/> when it is newer than the stored one.</summary>
    public void Record(AgentHeartbeat heartbeat)
    {
        ArgumentNullException.ThrowIfNull(heartbeat);
        if (State is null || heartbeat.CompletedAt >= State.CompletedAt)
        {
            State = heartbeat;
        }
    }
}
