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
    public async Task<ScopeDecision> EvaluateAsync(CloudGroup group, CancellationToken cancellationToken)
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

        if (group.WritebackEnabled == true)
        {
            return ScopeDecision.In("writebackEnabledOnGroup");
        }

        return options.Mode switch
        {
            ScopeMode.All => ScopeDecision.In("all"),
            ScopeMode.AllMicrosoft365 => kind == CloudGroupKind.Microsoft365 ? ScopeDecision.In("allMicrosoft365") : ScopeDecision.Out("notMicrosoft365"),
            ScopeMode.AllSecurity => kind == CloudGroupKind.Security ? ScopeDecision.In("allSecurity") : ScopeDecision.Out("notSecurity"),
            _ => await EvaluateSelectedAsync(group, cancellationToken),
        };
    }

    private async Task<ScopeDecision> EvaluateSelectedAsync(CloudGroup group, CancellationToken cancellationToken)
    {
        if (options.SelectedGroupIds.Contains(group.Id, StringComparer.OrdinalIgnoreCase))
        {
            return ScopeDecision.In("selectedById");
        }

        if (!string.IsNullOrWhiteSpace(options.SelectedFilter))
        {
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

    /// <summary>The listing query that covers every group the scope can include.</summary>
    public GroupQuery ListingQuery() => options.Mode switch
    {
        ScopeMode.AllMicrosoft365 => new GroupQuery { Filter = "groupTypes/any(c:c eq 'Unified')" },
        ScopeMode.Selected when options.SelectedGroupIds.Count > 0
            && string.IsNullOrWhiteSpace(options.SelectedFilter)
            && string.IsNullOrWhiteSpace(options.ScopingGroupId) => new GroupQuery { Ids = [.. options.SelectedGroupIds] },
        _ => new GroupQuery(),
    };
}
