using GroupWriteback.Agent.Directory;
using GroupWriteback.Agent.Telemetry;
using GroupWriteback.Contracts;
using GroupWriteback.Contracts.Commands;
using GroupWriteback.Contracts.Results;
using Microsoft.Extensions.Logging;

namespace GroupWriteback.Agent.Processing;

/// <summary>
/// Applies one command and always answers with a result: permanent problems become failure
/// results; only transient directory failures are thrown (as <see cref="DirectoryWriteException"/>
/// with <see cref="DirectoryWriteException.IsTransient"/>) so the queue redelivers the message.
/// </summary>
internal sealed class CommandProcessor
{
    private readonly SnapshotStore _snapshots;
    private readonly IPermissionGranter _granter;
    private readonly ILogger<CommandProcessor> _logger;
    private readonly string _agentId;

    /// <summary>Creates the processor.</summary>
    public CommandProcessor(SnapshotStore snapshots, IPermissionGranter granter, string agentId, ILogger<CommandProcessor> logger)
    {
        _snapshots = snapshots;
        _granter = granter;
        _agentId = agentId;
        _logger = logger;
    }

    /// <summary>Counts what the processor answers, when set; spans are started either way.</summary>
    public AgentTelemetry? Telemetry { get; init; }

    /// <summary>The clock results are stamped and commands timed with.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Applies the command against the context's directory.</summary>
    public Task<WritebackResult> ApplyAsync(WritebackContext context, WritebackCommand command, CancellationToken cancellationToken) =>
        ApplyAsync(context, command, null, cancellationToken);

    /// <summary>
    /// Applies the command against the context's directory. <paramref name="inline"/> is the snapshot queued right behind
    /// an upsert (<see cref="InlineMembers.Offer"/>), given to both: the upsert's create may write its members, and the
    /// snapshot is then answered from what it wrote.
    /// </summary>
    public async Task<WritebackResult> ApplyAsync(WritebackContext context, WritebackCommand command, InlineMembers? inline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(command);
        var started = Time.GetTimestamp();
        using var span = CommandSpan.Start(command);
        Log.Applying(_logger, command.Kind, command.GroupId, command.CommandId);
        WritebackResult result;
        try
        {
            result = CommandShape.Problem(command) is { } problem
                ? CommandResults.Failed(command, FailureReason.InvalidCommand, problem)
                : command.Version > WireFormat.Version
                ? CommandResults.Failed(command, FailureReason.UnsupportedVersion, $"Command {command.CommandId} for group {command.GroupId} has wire version {command.Version}; this agent understands up to {WireFormat.Version}.")
                : await DispatchAsync(context, command, inline, cancellationToken);
        }
        catch (Exception deferred) when (DeferReason(deferred) is { } reason)
        {
            CommandSpan.Deferred(span, reason, deferred);
            Telemetry?.CommandDeferred(command, reason);
            throw;
        }
        catch (DirectoryWriteException failure) when (!failure.IsTransient)
        {
            result = CommandResults.Failed(command, failure);
        }
        catch (Exception unexpected) when (unexpected is not (DirectoryWriteException or DirectoryUnavailableException or OperationCanceledException))
        {
            // A command the shape check let through but a handler could not take: answer for it, so its
            // session is not blocked by redeliveries of a message that can never succeed.
            Log.CommandCrashed(_logger, command.Kind, command.GroupId, command.CommandId, unexpected);
            result = CommandResults.Failed(
                command,
                FailureReason.InvalidCommand,
                $"Command {command.CommandId} ({command.Kind}) for group {command.GroupId} could not be applied: {unexpected.GetType().Name}: {unexpected.Message}");
        }

        result = result with { AgentId = _agentId, CompletedAt = Time.GetUtcNow() };
        var elapsed = Time.GetElapsedTime(started);
        CommandSpan.Answered(span, result);
        Telemetry?.CommandAnswered(command, result, elapsed);
        CommandTimings.Process.Record(command.Kind, Time.GetTimestamp() - started);
        var elapsedMs = (long)elapsed.TotalMilliseconds;
        if (result.Outcome == ResultOutcome.Failed)
        {
            Log.CommandFailed(_logger, command.Kind, command.GroupId, command.CommandId, result.Reason, elapsedMs, result.DistinguishedName, result.Message);
        }
        else
        {
            Log.CommandApplied(_logger, command.Kind, command.GroupId, command.CommandId, result.Outcome, elapsedMs, result.DistinguishedName, result.Message);
        }

        return result;
    }

    // Thrown on to the queue for redelivery; a permanent directory failure is answered below instead.
    private static string? DeferReason(Exception ex) => ex switch
    {
        DirectoryWriteException { IsTransient: true } => nameof(FailureReason.Transient),
        DirectoryUnavailableException => "DirectoryUnavailable",
        OperationCanceledException => "Stopping",
        _ => null,
    };

    private async Task<WritebackResult> DispatchAsync(WritebackContext context, WritebackCommand command, InlineMembers? inline, CancellationToken cancellationToken) => command switch
    {
        UpsertGroupCommand upsert => UpsertGroupHandler.Handle(context, upsert, inline),
        ChangeMembershipCommand change => ChangeMembershipHandler.Handle(context, change),
        MembershipSnapshotCommand snapshot => MembershipSnapshotHandler.Handle(context, _snapshots, snapshot, inline),
        DeleteGroupCommand delete => DeleteGroupHandler.Handle(context, delete),
        GrantPermissionsCommand grant => await GrantPermissionsHandler.HandleAsync(context, _granter, grant, cancellationToken),
        _ => CommandResults.Failed(command, FailureReason.InvalidCommand, $"Command {command.CommandId}: kind '{command.Kind}' is not supported by this agent."),
    };
}
