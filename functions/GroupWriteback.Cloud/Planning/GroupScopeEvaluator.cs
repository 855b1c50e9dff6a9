using GroupWriteback.Cloud.Configuration;
using GroupWriteback.Cloud.Graph;
using GroupWriteback.Contracts;
using Microsoft.Extensions.Options;

namespace GroupWriteback.Cloud.Planning;

/// <summary>Decides whether a cloud group is written back under the configured scope.</summary>
public sealed class GroupScopeEvaluator(IGraphGroupReader graph, IOptions<WritebackScopeOptions> options)
{
    private readonly WritebackScopeOptions options = options.Value;

    /// <summary>What the group is, or null when it is neither a Microsoft 365 nor a security group.</summary>
    public static CloudGroupKind? KindOf(CloudGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (group.IsMicrosoft365)
        {
            return CloudGroupKind.Microsoft365;
        }

        return group.SecurityEnabled && !group.MailEnabled ? CloudGroupKind.Security : null;
    }

    /// <summary>Evaluates the scope rules; Graph is asked only for filter and scoping-group rules.</summary>
    public Task<ScopeDecision> EvaluateAsync(CloudGroup group, CancellationToken cancellationToken) =>
        EvaluateAsync(group, listedBy: null, cancellationToken);

    /// <summary>
    /// Evaluates a group that <paramref name="listedBy"/> returned: a group listed by the selection
    /// filter matches it without asking Graph again.
    /// </summary>
    public async Task<ScopeDecision> EvaluateAsync(CloudGroup group, GroupQuery? listedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (group.OnPremisesSyncEnabled)
        {
            // Groups synced from AD are mastered there; writing them back would overwrite the source.
            return ScopeDecision.Out("syncedFromActiveDirectory");
        }

        var kind = KindOf(group);
        if (kind is null)
        {
            return ScopeDecision.Out("notMicrosoft365OrSecurityGroup");
        }

        if (group.WritebackEnabled == false)
        {
            return ScopeDecision.Out("writebackDisabledOnGroup");
        }

        // Opting a group in on the group itself widens the "all" modes; a selection stays what was selected.
        if (group.WritebackEnabled == true && options.Mode != ScopeMode.Selected)
        {
            return ScopeDecision.In("writebackEnabledOnGroup");
        }

        return options.Mode switch
        {
            ScopeMode.All => ScopeDecision.In("all"),
            ScopeMode.AllMicrosoft365 => kind == CloudGroupKind.Microsoft365 ? ScopeDecision.In("allMicrosoft365") : ScopeDecision.Out("notMicrosoft365"),
            ScopeMode.AllSecurity => kind == CloudGroupKind.Security ? ScopeDecision.In("allSecurity") : ScopeDecision.Out("notSecurity"),
            _ => await EvaluateSelectedAsync(group, listedBy, cancellationToken),
        };
    }

    private async Task<ScopeDecision> EvaluateSelectedAsync(CloudGroup group, GroupQuery? listedBy, CancellationToken cancellationToken)
    {
        if (options.SelectedGroupIds.Contains(group.Id, StringComparer.OrdinalIgnoreCase))
        {
            return ScopeDecision.In("selectedById");
        }

        if (!string.IsNullOrWhiteSpace(options.SelectedFilter))
        {
            if (listedBy is { Ids: null } && string.Equals(listedBy.Filter, options.SelectedFilter, StringComparison.Ordinal))
            {
                return ScopeDecision.In("selectedByFilter");
            }

            // Filter and ids together mean both must match: Graph is asked whether this one group matches.
            var page = await graph.ListGroupsPageAsync(new GroupQuery { Filter = options.SelectedFilter, Ids = [group.Id] }, null, cancellationToken);
            if (page.Groups.Any(g => string.Equals(g.Id, group.Id, StringComparison.OrdinalIgnoreCase)))
            {
                return ScopeDecision.In("selectedByFilter");
            }
        }

        if (!string.IsNullOrWhiteSpace(options.ScopingGroupId)
            && await graph.IsTransitiveMemberAsync(group.Id, options.ScopingGroupId, cancellationToken))
        {
            return ScopeDecision.In("memberOfScopingGroup");
        }

        return ScopeDecision.Out("notSelected");
    }

    /// <summary>
    /// The listing query that covers every group the scope can include: the selection itself when it
    /// is ids only or a filter only, else every group (the "all" modes also take groups opted in on
    /// themselves, whatever their kind, and are evaluated without asking Graph).
    /// </summary>
    public GroupQuery ListingQuery()
    {
        if (options.Mode != ScopeMode.Selected || !string.IsNullOrWhiteSpace(options.ScopingGroupId))
        {
            return new GroupQuery();
        }

        var byIds = options.SelectedGroupIds.Count > 0;
        var byFilter = !string.IsNullOrWhiteSpace(options.SelectedFilter);
        return (byIds, byFilter) switch
        {
            (true, false) => new GroupQuery { Ids = [.. options.SelectedGroupIds] },
            (false, true) => new GroupQuery { Filter = options.SelectedFilter },
            _ => new GroupQuery(),
        };
    }
}
