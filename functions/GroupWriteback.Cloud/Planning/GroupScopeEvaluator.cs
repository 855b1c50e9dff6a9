using GroupWriteback.Cloud.Configuration;
using GroupWriteback.Cloud.Graph;
using GroupWriteback.Contracts;
using Microsoft.Extensions.Options;

namespace GroupWriteback.Cloud.Planning;

/// <summary>Decides whether a cloud group is written back under the configured scope.</summary>
public sealed class GroupScopeEvaluator(IGraphGroupReader graph, IOptions<WritebackScopeOptions> options)
{
    private readonly WritebackScopeOptions _options = options.Value;

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
        if (DecideWithoutGraph(group) is { } decided)
        {
            return decided;
        }

        if (!string.IsNullOrWhiteSpace(_options.SelectedFilter))
        {
            if (listedBy is { Ids: null } && string.Equals(listedBy.Filter, _options.SelectedFilter, StringComparison.Ordinal))
            {
                return ScopeDecision.In("selectedByFilter");
            }

            // Filter and ids together mean both must match: Graph is asked whether this one group matches.
            if ((await MatchingFilterAsync([group.Id], cancellationToken)).Contains(group.Id))
            {
                return ScopeDecision.In("selectedByFilter");
            }
        }

        return await ScopingGroupDecisionAsync(group.Id, cancellationToken);
    }

    /// <summary>
    /// Evaluates several groups at once, as <see cref="EvaluateAsync(CloudGroup, CancellationToken)"/> does one:
    /// the selection filter is asked once for all of them (Graph takes 15 ids per request) instead of once per group.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, ScopeDecision>> EvaluateManyAsync(IReadOnlyCollection<CloudGroup> groups, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var decisions = new Dictionary<string, ScopeDecision>(StringComparer.OrdinalIgnoreCase);
        var undecided = new List<CloudGroup>();
        foreach (var group in groups)
        {
            if (DecideWithoutGraph(group) is { } decided)
            {
                decisions[group.Id] = decided;
            }
            else
            {
                undecided.Add(group);
            }
        }

        var matching = undecided.Count > 0 && !string.IsNullOrWhiteSpace(_options.SelectedFilter)
            ? await MatchingFilterAsync([.. undecided.Select(g => g.Id)], cancellationToken)
            : [];
        foreach (var group in undecided)
        {
            decisions[group.Id] = matching.Contains(group.Id)
                ? ScopeDecision.In("selectedByFilter")
                : await ScopingGroupDecisionAsync(group.Id, cancellationToken);
        }

        return decisions;
    }

    /// <summary>The decision when it needs no Graph call, else null (filter or scoping-group rules decide).</summary>
    private ScopeDecision? DecideWithoutGraph(CloudGroup group)
    {
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
        if (group.WritebackEnabled == true && _options.Mode != ScopeMode.Selected)
        {
            return ScopeDecision.In("writebackEnabledOnGroup");
        }

        return _options.Mode switch
        {
            ScopeMode.All => ScopeDecision.In("all"),
            ScopeMode.AllMicrosoft365 => kind == CloudGroupKind.Microsoft365 ? ScopeDecision.In("allMicrosoft365") : ScopeDecision.Out("notMicrosoft365"),
            ScopeMode.AllSecurity => kind == CloudGroupKind.Security ? ScopeDecision.In("allSecurity") : ScopeDecision.Out("notSecurity"),
            _ when _options.SelectedGroupIds.Contains(group.Id, StringComparer.OrdinalIgnoreCase) => ScopeDecision.In("selectedById"),
            _ when string.IsNullOrWhiteSpace(_options.SelectedFilter) && string.IsNullOrWhiteSpace(_options.ScopingGroupId) => ScopeDecision.Out("notSelected"),
            _ => null,
        };
    }

    private async Task<HashSet<string>> MatchingFilterAsync(IReadOnlyList<string> groupIds, CancellationToken cancellationToken)
    {
        var page = await graph.ListGroupsPageAsync(new GroupQuery { Filter = _options.SelectedFilter, Ids = groupIds }, null, cancellationToken);
        return new HashSet<string>(page.Groups.Select(g => g.Id), StringComparer.OrdinalIgnoreCase);
    }

    private async Task<ScopeDecision> ScopingGroupDecisionAsync(string groupId, CancellationToken cancellationToken) =>
        !string.IsNullOrWhiteSpace(_options.ScopingGroupId) && await graph.IsTransitiveMemberAsync(groupId, _options.ScopingGroupId, cancellationToken)
            ? ScopeDecision.In("memberOfScopingGroup")
            : ScopeDecision.Out("notSelected");

    /// <summary>
    /// The listing query that covers every group the scope can include: the selection itself when it
    /// is ids only or a filter only, else every group (the "all" modes also take groups opted in on
    /// themselves, whatever their kind, and are evaluated without asking Graph).
    /// </summary>
    public GroupQuery ListingQuery()
    {
        if (_options.Mode != ScopeMode.Selected || !string.IsNullOrWhiteSpace(_options.ScopingGroupId))
        {
            return new GroupQuery();
        }

        var byIds = _options.SelectedGroupIds.Count > 0;
        var byFilter = !string.IsNullOrWhiteSpace(_options.SelectedFilter);
        return (byIds, byFilter) switch
        {
            (true, false) => new GroupQuery { Ids = [.. _options.SelectedGroupIds] },
            (false, true) => new GroupQuery { Filter = _options.SelectedFilter },
            _ => new GroupQuery(),
        };
    }
}
