using System.Diagnostics;
using System.Diagnostics.Metrics;
using GroupWriteback.Contracts.Commands;
using GroupWriteback.Contracts.Results;

namespace GroupWriteback.Agent.Telemetry;

/// <summary>
/// The agent's OpenTelemetry instruments: one <see cref="ActivitySource"/> (spans for applying a command and for each
/// LDAP request) and one <see cref="Meter"/>, both named <see cref="Name"/>. The meter comes from the host's
/// <see cref="IMeterFactory"/>, so each service provider (and each test) has its own.
/// </summary>
internal sealed class AgentTelemetry
{
    /// <summary>The name of the agent's activity source and meter.</summary>
    public const string Name = "GroupWriteback.Agent";

    /// <summary>Spans of the agent. Static: an activity source has no per-host state and spans start below DI.</summary>
    public static readonly ActivitySource Source = new(Name, typeof(AgentTelemetry).Assembly.GetName().Version?.ToString());

    private readonly Counter<long> _applied;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _deferred;
    private readonly Counter<long> _membersWritten;
    private readonly Histogram<double> _commandDuration;
    private readonly Histogram<double> _queueWait;
    private readonly Histogram<double> _ldapDuration;

    /// <summary>Creates the instruments on a meter of <paramref name="meters"/>.</summary>
    public AgentTelemetry(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        Meter = meters.Create(Name, Source.Version);
        _applied = Meter.CreateCounter<long>(InstrumentNames.CommandsApplied, "{command}", "Commands answered with Applied, NoOp or Pending.");
        _failed = Meter.CreateCounter<long>(InstrumentNames.CommandsFailed, "{command}", "Commands answered with a failure result, by reason.");
        _deferred = Meter.CreateCounter<long>(InstrumentNames.CommandsDeferred, "{command}", "Commands released for redelivery (transient failure or directory outage).");
        _membersWritten = Meter.CreateCounter<long>(InstrumentNames.MembersWritten, "{member}", "Member links added to or removed from groups.");
        _commandDuration = Meter.CreateHistogram<double>(InstrumentNames.CommandDuration, "s", "Time to apply one command.");
        _queueWait = Meter.CreateHistogram<double>(InstrumentNames.QueueWait, "s", "Time from the cloud issuing a command to the agent starting to apply it.");
        _ldapDuration = Meter.CreateHistogram<double>(InstrumentNames.LdapDuration, "s", "Duration of one LDAP request.");
    }

    /// <summary>The meter the instruments live on.</summary>
    public Meter Meter { get; }

    /// <summary>Records a command answered with a result: applied or failed, its duration and the members it wrote.</summary>
    public void CommandAnswered(WritebackCommand command, WritebackResult result, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(result);
        var kind = new KeyValuePair<string, object?>(TagNames.CommandKind, command.Kind);
        if (result.Outcome == ResultOutcome.Failed)
        {
            _failed.Add(1, kind, new(TagNames.Reason, result.Reason.ToString()));
        }
        else
        {
            _applied.Add(1, kind, new(TagNames.Outcome, result.Outcome.ToString()));
        }

        _commandDuration.Record(elapsed.TotalSeconds, kind, new(TagNames.Outcome, result.Outcome.ToString()));
        if (result.MembersAdded > 0)
        {
            _membersWritten.Add(result.MembersAdded, kind, new(TagNames.Direction, "added"));
        }

        if (result.MembersRemoved > 0)
        {
            _membersWritten.Add(result.MembersRemoved, kind, new(TagNames.Direction, "removed"));
        }
    }

    /// <summary>Records a command the queue gave up on after its last transient failure (answered as failed).</summary>
    public void CommandGivenUp(WritebackCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        _failed.Add(1, new(TagNames.CommandKind, command.Kind), new(TagNames.Reason, nameof(FailureReason.Transient)));
    }

    /// <summary>Records a command handed back to the queue for redelivery.</summary>
    public void CommandDeferred(WritebackCommand command, string reason)
    {
        ArgumentNullException.ThrowIfNull(command);
        _deferred.Add(1, new(TagNames.CommandKind, command.Kind), new(TagNames.Reason, reason));
    }

    /// <summary>Records how long the command waited between the cloud issuing it and the agent taking it.</summary>
    public void CommandTaken(WritebackCommand command, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.IssuedAt == default)
        {
            return;
        }

        // Clocks of two machines: a negative wait is skew, not time, and is reported as none.
        var wait = Math.Max(0, (now - command.IssuedAt).TotalSeconds);
        _queueWait.Record(wait, new KeyValuePair<string, object?>(TagNames.CommandKind, command.Kind));
    }

    /// <summary>Records one LDAP request.</summary>
    public void LdapRequest(string operation, string result, TimeSpan elapsed) =>
        _ldapDuration.Record(elapsed.TotalSeconds, new(TagNames.LdapOperation, operation), new(TagNames.LdapResult, result));
}
