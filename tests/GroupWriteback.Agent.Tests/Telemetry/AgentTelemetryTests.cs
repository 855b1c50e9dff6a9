using GroupWriteback.Agent.Telemetry;
using GroupWriteback.Contracts.Commands;
using GroupWriteback.Contracts.Results;

namespace GroupWriteback.Agent.Tests.Telemetry;

/// <summary>The instruments that need no directory, read back through the in-memory exporter.</summary>
[Collection(nameof(TelemetryCollection))]
public sealed class AgentTelemetryTests : IDisposable
{
    private readonly TelemetryReader _reader = new();

    [Fact]
    public void CommandTaken_IssuedEarlier_RecordsTheWaitInSeconds()
    {
        var now = new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
        var command = new DeleteGroupCommand { CommandId = "delete-1", GroupId = Guid.NewGuid().ToString(), IssuedAt = now.AddSeconds(-5) };

        _reader.Telemetry.CommandTaken(command, now);
        _reader.Telemetry.CommandTaken(command with { IssuedAt = now.AddSeconds(3) }, now);
        _reader.Telemetry.CommandTaken(command with { IssuedAt = default }, now);

        // The second is clock skew (issued "after" it was taken), counted as no wait; the third has no issue time.
        Assert.Equal(2, _reader.Count(InstrumentNames.QueueWait, (TagNames.CommandKind, CommandKinds.DeleteGroup)));
        Assert.Equal(5.0, _reader.HistogramSum(InstrumentNames.QueueWait), 6);
        Assert.Equal("s", _reader.Unit(InstrumentNames.QueueWait));
    }

    [Fact]
    public void CommandDeferredAndGivenUp_CountByReason()
    {
        var command = new ChangeMembershipCommand { CommandId = "members-1", GroupId = Guid.NewGuid().ToString() };

        _reader.Telemetry.CommandDeferred(command, "DirectoryUnavailable");
        _reader.Telemetry.CommandDeferred(command, "DirectoryUnavailable");
        _reader.Telemetry.CommandDeferred(command, nameof(FailureReason.Transient));
        _reader.Telemetry.CommandGivenUp(command);

        Assert.Equal(2, _reader.Sum(InstrumentNames.CommandsDeferred, (TagNames.CommandKind, CommandKinds.ChangeMembership), (TagNames.Reason, "DirectoryUnavailable")));
        Assert.Equal(1, _reader.Sum(InstrumentNames.CommandsDeferred, (TagNames.Reason, nameof(FailureReason.Transient))));
        Assert.Equal(1, _reader.Sum(InstrumentNames.CommandsFailed, (TagNames.CommandKind, CommandKinds.ChangeMembership), (TagNames.Reason, nameof(FailureReason.Transient))));
    }

    [Fact]
    public void CommandAnswered_SnapshotWithRemovals_CountsBothDirectionsAndThePendingOutcome()
    {
        var command = new MembershipSnapshotCommand { CommandId = "snap-1", GroupId = Guid.NewGuid().ToString(), SnapshotId = "s", ChunkIndex = 1, ChunkCount = 2 };
        var pending = new WritebackResult { CommandId = "snap-0", CommandKind = command.Kind, GroupId = command.GroupId, Outcome = ResultOutcome.Pending };
        var applied = pending with { CommandId = "snap-1", Outcome = ResultOutcome.Applied, MembersAdded = 7, MembersRemoved = 3 };

        _reader.Telemetry.CommandAnswered(command, pending, TimeSpan.FromMilliseconds(20));
        _reader.Telemetry.CommandAnswered(command, applied, TimeSpan.FromMilliseconds(480));

        Assert.Equal(1, _reader.Sum(InstrumentNames.CommandsApplied, (TagNames.CommandKind, CommandKinds.MembershipSnapshot), (TagNames.Outcome, "Pending")));
        Assert.Equal(1, _reader.Sum(InstrumentNames.CommandsApplied, (TagNames.Outcome, "Applied")));
        Assert.Equal(7, _reader.Sum(InstrumentNames.MembersWritten, (TagNames.Direction, "added")));
        Assert.Equal(3, _reader.Sum(InstrumentNames.MembersWritten, (TagNames.Direction, "removed")));
        Assert.Equal(0.5, _reader.HistogramSum(InstrumentNames.CommandDuration, (TagNames.CommandKind, CommandKinds.MembershipSnapshot)), 6);
    }

    public void Dispose() => _reader.Dispose();
}
