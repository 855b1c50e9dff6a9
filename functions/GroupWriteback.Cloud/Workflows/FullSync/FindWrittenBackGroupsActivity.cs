using GroupWriteback.Cloud.Workflows.Group;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace GroupWriteback.Cloud.Workflows.FullSync;

/// <summary>
/// Ids of the groups this service wrote back, from the per-group orchestrations' state. With an
/// input list, only those of the listed ids.
/// </summary>
[DurableTask(nameof(FindWrittenBackGroupsActivity))]
public sealed class FindWrittenBackGroupsActivity(DurableTaskClient client) : TaskActivity<IReadOnlyList<string>?, IReadOnlyList<string>>
{
    /// <inheritdoc />
    public override async Task<IReadOnlyList<string>> RunAsync(TaskActivityContext context, IReadOnlyList<string>? input)
    {
        var writtenBack = await GroupOrchestrations.ListWrittenBackAsync(client, CancellationToken.None);
        var ids = writtenBack.Select(g => g.GroupId);
        if (input is not null)
        {
            var wanted = new HashSet<string>(input, StringComparer.OrdinalIgnoreCase);
            ids = ids.Where(wanted.Contains);
        }

        return ids.Order(StringComparer.Ordinal).ToList();
    }
}
