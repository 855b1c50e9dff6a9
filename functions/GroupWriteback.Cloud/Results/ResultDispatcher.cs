using System.Globalization;
using GroupWriteback.Cloud.Agents;
using GroupWriteback.Cloud.Telemetry;
using GroupWriteback.Cloud.Workflows;
using GroupWriteback.Contracts.Results;
using GroupWriteback.Transport;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace GroupWriteback.Cloud.Results;

/// <summary>
/// Hands the agent's results to the orchestrations waiting for them: each received result (peek-lock)
/// is raised as <see cref="EventNames.CommandResult"/> on <see cref="WritebackResult.ReplyTo"/> and then
/// completed. A malformed or unroutable message is dead-lettered with the reason; a failure to raise is
/// abandoned so the queue delivers it again. Delivery is at least once: an orchestration ignores a
/// result it already has, matched by command id. An agent heartbeat is completed without raising. Host-agnostic: a timer or a loop calls
/// <see cref="DrainOnceAsync"/>; a queue trigger can call <see cref="DispatchAsync"/> per message.
/// </summary>
public sealed class ResultDispatcher(IResultSource source, DurableTaskClient client, ILogger<ResultDispatcher> logger)
{
    /// <summary>Dead-letter reason of a body that is not a wire result.</summary>
    public const string MalformedResult = "MalformedResult";

    /// <summary>Dead-letter reason of a result that names no orchestration to reply to.</summary>
    public const string UnroutableResult = "UnroutableResult";

    /// <summary>Receives up to <paramref name="maxMessages"/> results (waiting at most <paramref name="maxWait"/>) and dispatches each.</summary>
    public async Task<ResultDrainSummary> DrainOnceAsync(int maxMessages, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var messages = await source.ReceiveAsync(maxMessages, maxWait, cancellationToken);
        var summary = new ResultDrainSummary();
        foreach (var message in messages)
        {
            summary = summary.Add(await DispatchAsync(message, cancellationToken));
        }

        return summary;
    }

    /// <summary>Delivers one received result and settles the message.</summary>
    public async Task<ResultDisposition> DispatchAsync(ReceivedResult message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Result is not { } result)
        {
            return await DeadLetterAsync(message, MalformedResult, message.FormatError ?? "The body is not a wire result.", cancellationToken);
        }

        if (AgentHeartbeatReport.IsHeartbeat(result))
        {
            // Recorded by the drain (IAgentHealthStore) from what it received; nothing waits for it.
            await SettleAsync(message, m => m.CompleteAsync(cancellationToken));
            return ResultDisposition.Heartbeat;
        }

        if (string.IsNullOrWhiteSpace(result.ReplyTo))
        {
            var description = string.Create(
                CultureInfo.InvariantCulture,
                $"Result {result.CommandId} ({result.CommandKind}) for group {result.GroupId} names no orchestration to reply to.");
            return await DeadLetterAsync(message, UnroutableResult, description, cancellationToken);
        }

        var replyTo = result.ReplyTo;
        bool exists;
        try
        {
            exists = await client.GetInstanceAsync(replyTo, getInputsAndOutputs: false, cancellationToken) is not null;
            if (exists)
            {
                await client.RaiseEventAsync(replyTo, EventNames.CommandResult, result, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.DeliveryFailed(logger, ex, result.CommandId, result.GroupId, replyTo, message.DeliveryCount);
            await SettleAsync(message, m => m.AbandonAsync(CancellationToken.None));
            return ResultDisposition.Abandoned;
        }

        if (!exists)
        {
            Log.Orphaned(logger, result.CommandId, result.GroupId, replyTo);
            await SettleAsync(message, m => m.CompleteAsync(cancellationToken));
            return ResultDisposition.Orphaned;
        }

        Log.Delivered(logger, result.CommandId, result.CommandKind, result.Outcome, result.GroupId, replyTo);
        ResultTelemetry.Delivered(result);
        if (!await SettleAsync(message, m => m.CompleteAsync(cancellationToken)))
        {
            Log.LockLostAfterDelivery(logger, result.CommandId, result.GroupId, replyTo);
        }

        return ResultDisposition.Delivered;
    }

    private async Task<ResultDisposition> DeadLetterAsync(ReceivedResult message, string reason, string description, CancellationToken cancellationToken)
    {
        Log.DeadLettered(logger, message.MessageId, reason, description);
        await SettleAsync(message, m => m.DeadLetterAsync(reason, description, cancellationToken));
        return ResultDisposition.DeadLettered;
    }

    /// <summary>False when the lock was lost: the queue will deliver the message again, which is harmless.</summary>
    private async Task<bool> SettleAsync(ReceivedResult message, Func<ReceivedResult, Task> settle)
    {
        try
        {
            await settle(message);
            return true;
        }
        catch (MessageLockLostException)
        {
            Log.LockLost(logger, message.MessageId);
            return false;
        }
    }
}
