using GroupWriteback.Agent.Configuration;
using GroupWriteback.Agent.Directory;
using GroupWriteback.Contracts.Commands;
using GroupWriteback.Contracts.Results;
using GroupWriteback.Transport;
using Microsoft.Extensions.Logging;

namespace GroupWriteback.Agent.Processing;

/// <summary>
/// One consumer of group sessions, on its own directory connection: takes a session, applies its messages one at
/// a time in order and reports a result for each. Permanent failures are reported and dead-lettered; transient ones
/// release the message for redelivery until <see cref="AgentOptions.MaxAttempts"/>, then are given up the same way.
/// An unreachable DC is not the message's fault: the pump keeps the message (its lock is renewed while the session
/// is open), waits on the agent's <see cref="DirectoryAvailability"/> gate and applies it again when the DC answers,
/// so an outage of any length costs no delivery. A malformed message is dead-lettered with a failure result; the
/// rest keeps flowing. Once stopping is asked for, no session or message is taken; the message in hand runs on
/// until <c>aborting</c> is cancelled, and is then abandoned for redelivery.
/// </summary>
internal sealed class SessionPump
{
    private readonly ICommandSource _source;
    private readonly IResultPublisher _results;
    private readonly WritebackContextFactory _contexts;
    private readonly CommandProcessor _processor;
    private readonly AgentOptions _options;
    private readonly DirectoryAvailability _availability;
    private readonly ILogger _logger;
    private WritebackContext? _context;

    /// <summary>Counts sessions and commands in flight and keeps the last error, for the heartbeat.</summary>
    public AgentActivity? Activity { get; init; }

    /// <summary>How long abandoning a message may take once the stop deadline has passed.</summary>
    internal static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(3);

    public SessionPump(
        ICommandSource source, IResultPublisher results, WritebackContextFactory contexts, CommandProcessor processor, AgentOptions options, DirectoryAvailability availability, ILogger logger)
    {
        _availability = availability;
        _source = source;
        _results = results;
        _contexts = contexts;
        _processor = processor;
        _options = options;
        _logger = logger;
    }

    /// <summary>Runs until <paramref name="stoppingToken"/>; <paramref name="aborting"/> bounds the command in hand.</summary>
    public async Task RunAsync(CancellationToken stoppingToken, CancellationToken aborting)
    {
        var backoff = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _availability.WaitAsync(stoppingToken);
                await using var session = await _source.AcceptNextSessionAsync(_options.SessionWait, stoppingToken);
                if (session is not null)
                {
                    using var held = Activity?.Session();
                    await DrainSessionAsync(session, stoppingToken, aborting);
                }

                backoff = TimeSpan.FromSeconds(1);
            }
            catch (DirectoryWriteException ex) when (ex.IsTransient)
            {
                // A request failed on its own and its message was released: this consumer waits a little.
                DropConnection();
                Activity?.Failed("Directory request failed: " + ex.Message);
                Log.ConsumerBackoff(_logger, backoff, ex.Message);
                await Task.Delay(backoff, stoppingToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromMinutes(1).Ticks));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (MessageLockLostException ex)
            {
                // Applying is idempotent: the redelivered message converges to the same state.
                Log.LockLost(_logger, ex.Message);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The queue store itself failed (disk, database lock): keep the process, try again later.
                Activity?.Failed($"Command queue: {ex.GetType().Name}: {ex.Message}");
                Log.QueueFailed(_logger, backoff, ex);
                await Task.Delay(backoff, stoppingToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromMinutes(1).Ticks));
            }
        }

        DropConnection();
    }

    /// <summary>
    /// Applies the session's messages in order. Behind an upsert the next message is taken at once if it is already
    /// queued: when it is the group's one-chunk snapshot, both get the <see cref="InlineMembers"/> offer, so a new
    /// group is added with its members in one write. A message taken but not applied is abandoned on leaving.
    /// </summary>
    private async Task DrainSessionAsync(ICommandSession session, CancellationToken stoppingToken, CancellationToken aborting)
    {
        ReceivedCommand? next = null;
        try
        {
            InlineMembers? offer = null;
            while ((next ?? await session.ReceiveAsync(_options.SessionIdleWait, stoppingToken)) is { } message)
            {
                next = null;
                var carried = offer;
                offer = null;
                if (message.Command is UpsertGroupCommand && !stoppingToken.IsCancellationRequested)
                {
                    next = await session.ReceiveAsync(TimeSpan.Zero, stoppingToken);
                    offer = InlineMembers.Offer(message.Command, next?.Command);
                    carried = offer;
                }

                if (!await HandleAsync(message, carried, aborting))
                {
                    // Released for redelivery: leave the session so its order is kept.
                    return;
                }
            }
        }
        finally
        {
            if (next is not null)
            {
                await AbandonOnStopAsync(next);
            }
        }
    }

    /// <summary>Returns false when the message was abandoned (the session must be released).</summary>
    private async Task<bool> HandleAsync(ReceivedCommand message, InlineMembers? inline, CancellationToken cancellationToken)
    {
        if (message.Command is not { } command)
        {
            Log.MalformedMessage(_logger, message.MessageId, message.SessionId, message.FormatError);
            await _results.PublishAsync(MalformedResult(message), cancellationToken);
            await message.DeadLetterAsync("MalformedCommand", message.FormatError ?? "unreadable body", cancellationToken);
            return true;
        }

        using var inFlight = Activity?.Command();
        _processor.Telemetry?.CommandTaken(command, _processor.Time.GetUtcNow());
        try
        {
            while (true)
            {
                try
                {
                    return await ApplyAsync(message, command, inline, cancellationToken);
                }
                catch (Exception ex) when (DirectoryAvailability.IsOutage(ex))
                {
                    // Keep the message (and the session's order) and try it again once the gate opens.
                    DropConnection();
                    Activity?.Failed("Directory unavailable: " + ex.Message);
                    _availability.ReportOutage(ex.Message);
                    Log.HeldForDirectory(_logger, command.Kind, command.GroupId, message.DeliveryCount);
                    await _availability.WaitAsync(cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Log.AbandonedOnStop(_logger, command.Kind, command.GroupId, command.CommandId, _options.ShutdownTimeout);
            await AbandonOnStopAsync(message);
            return false;
        }
    }

    private async Task AbandonOnStopAsync(ReceivedCommand message)
    {
        // The stop's own deadline has passed: give the settlement a short one of its own.
        using var settle = new CancellationTokenSource(SettleTimeout);
        try
        {
            await message.AbandonAsync(settle.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or MessageLockLostException)
        {
            // Not released now: its lock runs out and it is delivered again all the same.
            Log.AbandonOnStopFailed(_logger, message.MessageId, ex.Message);
        }
    }

    private async Task<bool> ApplyAsync(ReceivedCommand message, WritebackCommand command, InlineMembers? inline, CancellationToken cancellationToken)
    {
        try
        {
            _context ??= _contexts.Open() with { Aborting = cancellationToken };
            var result = await _processor.ApplyAsync(_context, command, inline, cancellationToken);
            _availability.ReportAvailable();
            var settling = System.Diagnostics.Stopwatch.GetTimestamp();
            await _results.PublishAsync(result, cancellationToken);
            if (result.Outcome == ResultOutcome.Failed)
            {
                Activity?.Failed($"{command.Kind} for group {command.GroupId}: {result.Reason}: {result.Message}");
                await message.DeadLetterAsync(result.Reason.ToString(), result.Message ?? string.Empty, cancellationToken);
            }
            else
            {
                await message.CompleteAsync(cancellationToken);
            }

            CommandTimings.Process.Record("queue.resultAndSettle", System.Diagnostics.Stopwatch.GetTimestamp() - settling);
            return true;
        }
        catch (DirectoryWriteException ex) when (ex.IsTransient && !DirectoryAvailability.IsOutage(ex))
        {
            // A request that failed on its own (time or admin limit) while the DC answers: this uses the budget.
            DropConnection();
            if (message.DeliveryCount < _options.MaxAttempts)
            {
                Log.TransientFailure(_logger, command.Kind, command.GroupId, message.DeliveryCount, _options.MaxAttempts, ex.Message);
                await message.AbandonAsync(cancellationToken);
                throw;
            }

            Log.GaveUp(_logger, command.Kind, command.GroupId, message.DeliveryCount, ex.Message);
            var failure = CommandResults.Failed(command, FailureReason.Transient, $"Group {command.GroupId}: gave up after {message.DeliveryCount} deliveries: {ex.Message}") with { AgentId = _options.AgentId, CompletedAt = _processor.Time.GetUtcNow() };
            _processor.Telemetry?.CommandGivenUp(command);
            await _results.PublishAsync(failure, cancellationToken);
            await message.DeadLetterAsync(nameof(FailureReason.Transient), ex.Message, cancellationToken);
            return true;
        }
    }

    private WritebackResult MalformedResult(ReceivedCommand message) => new()
    {
        CommandId = message.MessageId,
        CommandKind = "unknown",
        GroupId = message.SessionId,
        Outcome = ResultOutcome.Failed,
        Reason = FailureReason.InvalidCommand,
        Message = $"Message {message.MessageId} in session {message.SessionId} is not a valid command: {message.FormatError}",
        AgentId = _options.AgentId,
        CompletedAt = _processor.Time.GetUtcNow(),
    };

    private void DropConnection()
    {
        _context?.Directory.Dispose();
        _context = null;
    }
}
