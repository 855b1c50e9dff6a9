using GroupWriteback.Cloud.Configuration;
using GroupWriteback.Contracts.Results;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace GroupWriteback.Cloud.Workflows.Group;

/// <summary>
/// Waits for the agent's <see cref="EventNames.CommandResult"/> events, matched by command id.
/// Results of other commands (an earlier pass, a duplicate delivery) are ignored. When the timeout
/// passes, the missing commands are re-queued with the same ids, a bounded number of times.
/// </summary>
internal static class ResultWaiter
{
    /// <summary>Waits until every command answered or the re-queues are used up.</summary>
    public static async Task<ResultTally> WaitAsync(
        TaskOrchestrationContext context,
        IReadOnlyCollection<string> commandIds,
        WorkflowLimits limits,
        Func<IReadOnlySet<string>, Task> requeue,
        ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(commandIds);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(requeue);
        var pending = new HashSet<string>(commandIds, StringComparer.Ordinal);
        var results = new List<WritebackResult>();
        var requeues = 0;
        while (true)
        {
            await ReceiveUntilAsync(context, pending, results, context.CurrentUtcDateTime + limits.ResultTimeout, logger);
            if (pending.Count == 0 || requeues >= limits.MaxRequeues)
            {
                break;
            }

            requeues++;
            Log.RequeuingCommands(logger, context.InstanceId, pending.Count, requeues, limits.MaxRequeues);
            await requeue(pending);
        }

        if (pending.Count > 0)
        {
            Log.GaveUpWaiting(logger, context.InstanceId, pending.Count, requeues);
        }

        return new ResultTally(results, [.. pending.Order(StringComparer.Ordinal)], requeues);
    }

    private static async Task ReceiveUntilAsync(
        TaskOrchestrationContext context, HashSet<string> pending, List<WritebackResult> results, DateTime deadline, ILogger logger)
    {
        while (pending.Count > 0)
        {
            var remaining = deadline - context.CurrentUtcDateTime;
            if (remaining <= TimeSpan.Zero)
            {
                return;
            }

            WritebackResult result;
            try
            {
                result = await context.WaitForExternalEvent<WritebackResult>(EventNames.CommandResult, remaining);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (result is not null && pending.Remove(result.CommandId))
            {
                results.Add(result);
            }
            else
            {
                Log.IgnoredResult(logger, context.InstanceId, result?.CommandId);
            }
        }
    }
}
