using GroupWriteback.Cloud.Configuration;
using GroupWriteback.Cloud.Planning;
using GroupWriteback.Cloud.Workflows.Group;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace GroupWriteback.Cloud.Workflows.FullSync;

/// <summary>
/// Runs a batch of per-group passes with at most <see cref="WorkflowLimits.FanOut"/> in flight: each
/// pass is asked to report back to this orchestration, and a report frees a slot for the next group.
/// After <see cref="GenerationSize"/> reports it stops so the caller can continue as new with the
/// returned batch, which keeps the history small whatever the number of groups.
/// </summary>
internal static class PassFanOut
{
    /// <summary>Reports handled per generation.</summary>
    public const int GenerationSize = 500;

    public static async Task<PassBatch> RunAsync(
        TaskOrchestrationContext context,
        PassBatch batch,
        WorkflowLimits limits,
        Func<string, GroupPassRequest> requestFor,
        Action<PassBatch> report,
        ILogger logger)
    {
        var remaining = new Queue<string>(batch.Remaining);
        var current = batch;
        var reports = 0;
        current = await StartMoreAsync(context, current, remaining, limits, requestFor);
        report(current);
        while (current.Outstanding > 0)
        {
            if (reports >= GenerationSize)
            {
                var arrived = BufferedEvents.TakeAll<GroupPassCompleted>(context, EventNames.GroupPassCompleted).Count;
                return Counted(current, arrived) with { Remaining = [.. remaining] };
            }

            // A pass reports within its own result timeouts; far longer silence means it failed or was terminated.
            var quiet = limits.ResultTimeout * (limits.MaxRequeues + 2);
            try
            {
                await context.WaitForExternalEvent<GroupPassCompleted>(EventNames.GroupPassCompleted, quiet);
                current = Counted(current, 1);
            }
            catch (OperationCanceledException)
            {
                Log.PassesUnconfirmed(logger, context.InstanceId, current.Outstanding);
                current = current with { Unconfirmed = current.Unconfirmed + current.Outstanding, Outstanding = 0 };
            }

            reports++;
            current = await StartMoreAsync(context, current, remaining, limits, requestFor);
            report(current);
        }

        return current with { Remaining = [] };
    }

    private static PassBatch Counted(PassBatch batch, int reports)
    {
        var counted = Math.Min(reports, batch.Outstanding);
        return batch with { Outstanding = batch.Outstanding - counted, Done = batch.Done + counted };
    }

    private static async Task<PassBatch> StartMoreAsync(
        TaskOrchestrationContext context, PassBatch batch, Queue<string> remaining, WorkflowLimits limits, Func<string, GroupPassRequest> requestFor)
    {
        var current = batch;
        while (current.Outstanding < limits.FanOut && remaining.Count > 0)
        {
            var toStart = remaining.DequeueChunk(limits.FanOut - current.Outstanding);
            var results = await Task.WhenAll(toStart.Select(id => context.CallActivityAsync<string>(
                nameof(EnsureGroupPassActivity), requestFor(id) with { NotifyInstanceIds = [context.InstanceId] })));

            // A dropped request starts no pass, so no report will come for it.
            var dropped = results.Count(r => r == EnsureGroupPassActivity.Dropped);
            current = current with { Outstanding = current.Outstanding + results.Length - dropped, Done = current.Done + dropped };
        }

        return current with { Remaining = [.. remaining] };
    }

    private static List<string> DequeueChunk(this Queue<string> queue, int count)
    {
        var chunk = new List<string>(count);
        while (chunk.Count < count && queue.TryDequeue(out var id))
        {
            chunk.Add(id);
        }

        return chunk;
    }
}
