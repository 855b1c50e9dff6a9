using Microsoft.DurableTask.Client;

namespace GroupWriteback.Cloud.Workflows;

/// <summary>
/// Reads what an orchestration reports about itself: its output once it has completed, else its
/// custom status (also what a failed or terminated instance last showed).
/// </summary>
internal static class InstanceStatus
{
    /// <summary>The output or custom status as <typeparamref name="T"/>; null when there is neither.</summary>
    public static T? Read<T>(OrchestrationMetadata? metadata)
        where T : class
    {
        if (metadata is null)
        {
            return null;
        }

        var output = metadata.RuntimeStatus == OrchestrationRuntimeStatus.Completed && metadata.SerializedOutput is not null
            ? metadata.ReadOutputAs<T>()
            : null;
        return output ?? (metadata.SerializedCustomStatus is null ? null : metadata.ReadCustomStatusAs<T>());
    }

    /// <summary>Fetches the instance and reads it; null when it never ran.</summary>
    public static async Task<T?> GetAsync<T>(DurableTaskClient client, string instanceId, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(client);
        return Read<T>(await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken));
    }
}
