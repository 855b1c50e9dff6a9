using GroupWriteback.Cloud.Graph;
using GroupWriteback.Cloud.Planning;
using GroupWriteback.Cloud.Workflows;
using GroupWriteback.Cloud.Workflows.Group;
using Microsoft.DurableTask.Client;

namespace GroupWriteback.Cloud.Api;

/// <summary>
/// Dry runs: <c>GET /api/groups/{id}/plan</c> and <c>POST /api/plan</c>. They read Graph and the
/// groups' writeback state and ask the scope rules and the planner what a pass would do; nothing
/// is queued and no workflow is started.
/// </summary>
internal sealed class PlanHandler(DurableTaskClient client, IGraphGroupReader graph, GroupScopeEvaluator scope, WritebackPlanner planner, TimeProvider time)
{
    /// <summary>Groups a tenant plan examines unless the body says otherwise.</summary>
    public const int DefaultMaxGroups = 1000;

    /// <summary>Most groups one tenant plan may examine.</summary>
    public const int MaxGroupsLimit = 20_000;

    /// <summary>Most changed groups listed in a tenant plan; the counts are always complete.</summary>
    public const int MaxListedChanges = 200;

    /// <summary>What a pass of one group would do now, with its member counts.</summary>
    public async Task<ApiResponse> PlanGroupAsync(string? groupId, CancellationToken cancellationToken)
    {
        if (!ApiInput.TryGroupId(groupId, "id", out var id, out var error))
        {
            return error!;
        }

        var status = GroupOrchestrations.ReadStatus(await client.GetInstanceAsync(InstanceIds.ForGroup(id), getInputsAndOutputs: true, cancellationToken));
        var group = await graph.GetGroupAsync(id, cancellationToken);
        if (group is null)
        {
            return status is { WrittenBack: true }
                ? Json(new GroupPlanReport(id, status.DisplayName, "delete", DeleteReasons.DeletedInCloud, null, null, null, null, status.KnownMemberCount))
                : ApiResponse.Error(404, ErrorCodes.NotFound, $"Group {id} does not exist in Entra ID and was never written back.", "id");
        }

        var plan = await EvaluateAsync(group, status, cancellationToken);
        if (plan.Action is "create" or "update" or "unchanged")
        {
            var (writable, skipped) = await CountMembersAsync(id, cancellationToken);
            plan = plan with { MembersWritable = writable, MembersSkipped = skipped };
        }

        return Json(plan);
    }

    /// <summary>What a full sync would create, change and delete, over at most <c>maxGroups</c> groups.</summary>
    public async Task<ApiResponse> PlanTenantAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        if (!ApiInput.TryBody(body, ApiJsonContext.Default.TenantPlanRequest, new TenantPlanRequest(null), out var request, out var error))
        {
            return error!;
        }

        var maxGroups = request.MaxGroups ?? DefaultMaxGroups;
        if (maxGroups is < 1 or > MaxGroupsLimit)
        {
            return ApiResponse.Error(400, ErrorCodes.InvalidBody, $"maxGroups must be between 1 and {MaxGroupsLimit}; got {maxGroups}.", "maxGroups");
        }

        var writtenBack = (await GroupOrchestrations.ListWrittenBackAsync(client, cancellationToken))
            .ToDictionary(s => s.GroupId, StringComparer.OrdinalIgnoreCase);
        var plans = new List<GroupPlanReport>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        string? next = null;
        var truncated = false;
        do
        {
            var page = await graph.ListGroupsPageAsync(scope.ListingQuery(), next, cancellationToken);
            foreach (var group in page.Groups)
            {
                if (seen.Count == maxGroups)
                {
                    truncated = true;
                    break;
                }

                seen.Add(group.Id);
                plans.Add(await EvaluateAsync(group, writtenBack.GetValueOrDefault(group.Id), cancellationToken));
            }

            next = page.NextLink;
        }
        while (next is not null && !truncated);

        if (!truncated)
        {
            // Written back but no longer listed: deleted in the cloud or outside the listing's scope.
            plans.AddRange(writtenBack.Values
                .Where(s => !seen.Contains(s.GroupId))
                .Select(s => new GroupPlanReport(s.GroupId, s.DisplayName, "delete", DeleteReasons.NotInScope, null, null, null, null, s.KnownMemberCount)));
        }

        var report = new TenantPlanReport(
            seen.Count,
            truncated,
            plans.Count(p => p.Action == "create"),
            plans.Count(p => p.Action == "update"),
            plans.Count(p => p.Action == "unchanged"),
            plans.Count(p => p.Action == "delete"),
            [.. plans.Where(p => p.Action is "create" or "update" or "delete").Take(MaxListedChanges)]);
        return ApiResponse.Json(200, report, ApiJsonContext.Default.TenantPlanReport);
    }

    private async Task<GroupPlanReport> EvaluateAsync(CloudGroup group, GroupStatus? status, CancellationToken cancellationToken)
    {
        var writtenBack = status is { WrittenBack: true };
        var decision = await scope.EvaluateAsync(group, cancellationToken);
        if (group.OnPremisesSyncEnabled || !decision.InScope)
        {
            // Groups mastered in AD are never deleted; others only when this service wrote them back.
            var delete = writtenBack && !group.OnPremisesSyncEnabled;
            return new GroupPlanReport(group.Id, group.DisplayName, delete ? "delete" : "skip", delete ? DeleteReasons.OutOfScope : decision.Reason, null, null, null, null, status?.KnownMemberCount);
        }

        var kind = GroupScopeEvaluator.KindOf(group)!.Value;
        var upsert = planner.DesiredGroup(group, kind, "dry-run", "dry-run", time.GetUtcNow());
        var action = !writtenBack ? "create" : WritebackPlanner.IntentHash(upsert) == status!.UpsertIntentHash ? "unchanged" : "update";
        var report = new GroupPlanReport(group.Id, group.DisplayName, action, decision.Reason, upsert.TargetOu, upsert.GroupType, null, null, status?.KnownMemberCount);
        return writtenBack ? WithCurrent(report, status!) : report;
    }

    /// <summary>The plan of a written-back group beside what its last pass recorded: renamed when the name changes, moved when the OU does.</summary>
    internal static GroupPlanReport WithCurrent(GroupPlanReport plan, GroupStatus status)
    {
        var parent = ParentOf(status.DistinguishedName);
        return plan with
        {
            CurrentDisplayName = status.DisplayName,
            CurrentDistinguishedName = status.DistinguishedName,
            MembersWritten = status.MembersWritten,
            Renamed = status.DisplayName is not null && !string.Equals(status.DisplayName, plan.DisplayName, StringComparison.Ordinal),
            Moved = parent is not null && plan.TargetOu is not null && !string.Equals(parent, plan.TargetOu, StringComparison.OrdinalIgnoreCase),
        };
    }

    /// <summary>The DN without its first RDN (an escaped comma stays in the RDN), or null.</summary>
    internal static string? ParentOf(string? dn)
    {
        for (var i = 0; dn is not null && i < dn.Length; i++)
        {
            if (dn[i] == '\\')
            {
                i++;
            }
            else if (dn[i] == ',')
            {
                return dn[(i + 1)..].Trim();
            }
        }

        return null;
    }

    private async Task<(int Writable, int Skipped)> CountMembersAsync(string groupId, CancellationToken cancellationToken)
    {
        var writable = 0;
        var skipped = 0;
        string? next = null;
        do
        {
            var page = await graph.GetMembersPageAsync(groupId, next, cancellationToken);
            var (references, without) = MemberReferences.Partition(page.Members);
            writable += references.Count;
            skipped += without;
            next = page.NextLink;
        }
        while (next is not null);

        return (writable, skipped);
    }

    private static ApiResponse Json(GroupPlanReport report) => ApiResponse.Json(200, report, ApiJsonContext.Default.GroupPlanReport);
}
