using GroupWriteback.Cloud.Configuration;
using GroupWriteback.Cloud.Graph;
using GroupWriteback.Cloud.Planning;
using GroupWriteback.Cloud.Workflows.Switch;
using GroupWriteback.Contracts;
using GroupWriteback.Contracts.Commands;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace GroupWriteback.Cloud.Workflows.Group;

/// <summary>
/// Loads the group and its changed members from Graph, decides scope and plans the pass's
/// commands with deterministic ids (instance id + pass + step). While the <see cref="WritebackSwitch"/>
/// is off every pass is skipped, whatever asked for it (delta, notification, admin, full sync), except
/// the deletes of the disable run itself.
/// </summary>
[DurableTask(nameof(PlanGroupActivity))]
public sealed class PlanGroupActivity(
    IGraphGroupReader graph,
    GroupScopeEvaluator scope,
    WritebackPlanner planner,
    IOptions<WritebackScopeOptions> options,
    TimeProvider time,
    DurableTaskClient client) : TaskActivity<PlanGroupInput, GroupPlan>
{
    /// <summary>The skip reason of a pass whose delete the delta round held back.</summary>
    public const string DeleteHeldReason = "deleteHeldByRound";

    /// <summary>The skip reason of a group whose commands the agent would refuse (see <see cref="GroupPlan.Refusal"/>).</summary>
    public const string RefusedReason = "refused";

    private const string AdminOrigin = "admin";

    /// <inheritdoc />
    public override async Task<GroupPlan> RunAsync(TaskActivityContext context, PlanGroupInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var limits = WorkflowLimits.From(options.Value);
        var request = input.Request;
        var status = input.Status;

        if (!request.IsWritebackDisabledDelete && !(await WritebackSwitchControl.GetAsync(client, CancellationToken.None)).Enabled)
        {
            return new GroupPlan { Action = PlanAction.Skip, Reason = WritebackSwitch.SkipReason, DisplayName = status.DisplayName, Limits = limits };
        }

        if (request.Mode == GroupPassMode.Delete && !request.DeletedInCloud)
        {
            return DeleteOrSkip(input, request.DeleteReason ?? DeleteReasons.OutOfScope, displayName: status.DisplayName, limits);
        }

        var group = request.DeletedInCloud ? null : await graph.GetGroupAsync(request.GroupId, CancellationToken.None);
        if (group is null)
        {
            return DeleteOrSkip(input, DeleteReasons.DeletedInCloud, status.DisplayName, limits);
        }

        var decision = await scope.EvaluateAsync(group, CancellationToken.None);
        if (group.OnPremisesSyncEnabled)
        {
            // Mastered in AD: neither written nor deleted, whatever the history says.
            return new GroupPlan { Action = PlanAction.Skip, Reason = decision.Reason, DisplayName = group.DisplayName, Limits = limits };
        }

        if (!decision.InScope)
        {
            // A written-back group is deleted as out of scope (or skipped, its delete held by the round); any
            // other group is skipped for the scope's own reason.
            var leaving = DeleteOrSkip(input, DeleteReasons.OutOfScope, group.DisplayName, limits);
            return status.WrittenBack ? leaving : leaving with { Reason = decision.Reason };
        }

        var kind = GroupScopeEvaluator.KindOf(group)!.Value;
        var upsert = planner.DesiredGroup(group, kind, Id(input, "upsert"), input.InstanceId, time.GetUtcNow());
        var hash = WritebackPlanner.IntentHash(upsert);
        if (Refusal(upsert, hash, status, request) is { } refusal)
        {
            return new GroupPlan
            {
                Action = PlanAction.Skip, Reason = RefusedReason, Refusal = refusal, DisplayName = group.DisplayName, UpsertIntentHash = hash, Limits = limits,
            };
        }

        var snapshot = request.Mode == GroupPassMode.Snapshot || !status.WrittenBack;
        var unchanged = status.WrittenBack && status.UpsertIntentHash == hash && request.Mode != GroupPassMode.Snapshot;

        var plan = new GroupPlan
        {
            Action = PlanAction.Upsert,
            Reason = decision.Reason,
            DisplayName = group.DisplayName,
            Upsert = unchanged ? null : upsert,
            UpsertIntentHash = hash,
            Snapshot = snapshot,
            Limits = limits,
            MembersSkipped = request.MembersSkippedAtRound,
            MemberTypesSkipped = request.MembersSkippedAtRound,
        };

        return snapshot ? plan : await WithMemberChangesAsync(plan, input);
    }

    /// <summary>
    /// Caught before anything is queued: an upsert that breaks the wire rules the agent checks first
    /// (<see cref="CommandShape"/>), or the very desired group the agent refused for good last time. Either would only
    /// be dead-lettered again, on every full sync; a change to the group (a new intent) is planned as usual, and so is
    /// an administrator's "sync this group now" (after fixing the cause on-premises, say a missing OU).
    /// </summary>
    private static string? Refusal(UpsertGroupCommand upsert, string hash, GroupStatus status, GroupPassRequest request) =>
        CommandShape.Problem(upsert) is { } problem
            ? $"Group {upsert.GroupId}: not queued, the agent would refuse it: {problem.TrimEnd('.')}."
            : status.RefusedIntentHash == hash && request.Origin != AdminOrigin
            ? $"Group {upsert.GroupId}: not queued again, unchanged since the agent refused it. {status.LastError}".TrimEnd()
            : null;

    private async Task<GroupPlan> WithMemberChangesAsync(GroupPlan plan, PlanGroupInput input)
    {
        var request = input.Request;
        var ids = request.AddedMemberIds.Concat(request.RemovedMemberIds).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (ids.Count == 0)
        {
            return plan;
        }

        var found = new Dictionary<string, CloudMember>(StringComparer.OrdinalIgnoreCase);
        foreach (var chunk in MemberChunker.Chunk(ids))
        {
            foreach (var member in await graph.GetMembersByIdsAsync(chunk, CancellationToken.None))
            {
                found[member.Id] = member;
            }
        }

        if (request.RemovedMemberIds.Any(id => !found.ContainsKey(id)))
        {
            // A member deleted from Entra ID is no longer returned, so its on-premises key is unknown here;
            // the complete membership removes it on-premises instead of the removal being skipped.
            return plan with { Snapshot = true };
        }

        var (add, addSkipped) = Resolve(request.AddedMemberIds, found);
        var (remove, removeSkipped) = Resolve(request.RemovedMemberIds, found);
        var changes = MemberChunker.ChunkChanges(add, remove)
            .Select((chunk, index) => new ChangeMembershipCommand
            {
                CommandId = Id(input, CommandIds.MembershipStep(CommandKinds.ChangeMembership, index)),
                GroupId = request.GroupId,
                ReplyTo = input.InstanceId,
                IssuedAt = time.GetUtcNow(),
                Add = chunk.Add,
                Remove = chunk.Remove,
            })
            .ToList();

        return plan with
        {
            Changes = changes,
            MembersAdded = add.Count,
            MembersRemoved = remove.Count,
            MembersSkipped = plan.MembersSkipped + addSkipped + removeSkipped,
        };
    }

    private static (IReadOnlyList<MemberReference> Writable, int Skipped) Resolve(
        IReadOnlyList<string> ids, Dictionary<string, CloudMember> found)
    {
        var missing = ids.Count(id => !found.ContainsKey(id));
        var (writable, skipped) = MemberReferences.Partition(ids.Where(found.ContainsKey).Select(id => found[id]));
        return (writable, skipped + missing);
    }

    private GroupPlan DeleteOrSkip(PlanGroupInput input, string reason, string? displayName, WorkflowLimits limits)
    {
        if (!input.Status.WrittenBack)
        {
            // Only groups this service wrote back are ever deleted.
            return new GroupPlan { Action = PlanAction.Skip, Reason = reason, DisplayName = displayName, Limits = limits };
        }

        if (input.Request.DeleteHeld)
        {
            // The delta round that asked for this pass was over the delete threshold and did not approve this delete.
            return new GroupPlan { Action = PlanAction.Skip, Reason = DeleteHeldReason, DisplayName = displayName, Limits = limits };
        }

        return new GroupPlan
        {
            Action = PlanAction.Delete,
            Reason = reason,
            DisplayName = displayName,
            Limits = limits,
            Delete = new DeleteGroupCommand
            {
                CommandId = Id(input, "delete"),
                GroupId = input.Request.GroupId,
                ReplyTo = input.InstanceId,
                IssuedAt = time.GetUtcNow(),
                Reason = reason,
            },
        };
    }

    private static string Id(PlanGroupInput input, string step) => CommandIds.For(input.InstanceId, input.Pass, step, input.Status.PassStartedAt);
}
