using GroupWriteback.Cloud.Configuration;
using GroupWriteback.Cloud.Graph;

namespace GroupWriteback.Cloud.Planning;

/// <summary>
/// Turns a delta page into pass requests with scope decided at round level, so the round's delete guard
/// counts the groups leaving scope as well as the groups deleted in the cloud. The page already carries each
/// changed group's properties; Graph is asked only for the filter (once per 15 groups) and scoping-group
/// rules. In scoping-group mode, the groups added to or removed from the scoping group (its own
/// <c>members@delta</c>; the groups themselves did not change) get a request too.
/// </summary>
internal sealed class DeltaPageScope(IGraphGroupReader graph, GroupScopeEvaluator scope, WritebackScopeOptions options)
{
    public async Task<IReadOnlyList<GroupPassRequest>> RequestsAsync(IReadOnlyList<GroupChange> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        // A partial entry leaves scope to the pass, which reads the whole group: the round neither counts nor holds it.
        var changed = changes.Where(c => !c.Deleted && c.ScopeKnown).Select(c => c.Group!).ToList();
        var decisions = await scope.EvaluateManyAsync(changed, cancellationToken);
        var requests = changes
            .Select(c => WithScope(Request(c), c.ScopeKnown ? c.Group : null, decisions))
            .ToList();
        requests.AddRange(await ScopingGroupMovesAsync(changes, cancellationToken));
        return requests;
    }

    private static GroupPassRequest Request(GroupChange change)
    {
        var request = GroupPassRequest.FromDelta(change.GroupId, change.Deleted, change.AddedMemberIds, change.RemovedMemberIds);
        return change.SkippedMemberChanges > 0 && !change.Deleted
            ? request with { MembersSkippedAtRound = change.SkippedMemberChanges }
            : request;
    }

    private async Task<IReadOnlyList<GroupPassRequest>> ScopingGroupMovesAsync(IReadOnlyList<GroupChange> changes, CancellationToken cancellationToken)
    {
        if (options.Mode != ScopeMode.Selected || string.IsNullOrWhiteSpace(options.ScopingGroupId))
        {
            return [];
        }

        var moved = changes
            .Where(c => !c.Deleted && string.Equals(c.GroupId, options.ScopingGroupId, StringComparison.OrdinalIgnoreCase))
            .SelectMany(c => c.AddedMemberIds.Concat(c.RemovedMemberIds))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (moved.Count == 0)
        {
            return [];
        }

        // Listing by id returns only groups: users joining or leaving the scoping group drop out here.
        var groups = (await graph.ListGroupsPageAsync(new GroupQuery { Ids = moved }, null, cancellationToken)).Groups;
        var decisions = await scope.EvaluateManyAsync(groups, cancellationToken);
        return [.. groups.Select(g => WithScope(new GroupPassRequest { GroupId = g.Id }, g, decisions))];
    }

    private static GroupPassRequest WithScope(GroupPassRequest request, CloudGroup? group, IReadOnlyDictionary<string, ScopeDecision> decisions)
    {
        // A group synced from AD is never deleted by a pass, so the round leaves it undecided and uncounted.
        if (group is null || group.OnPremisesSyncEnabled || !decisions.TryGetValue(group.Id, out var decision))
        {
            return request;
        }

        return request with { InScopeAtRound = decision.InScope };
    }
}
