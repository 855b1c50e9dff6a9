using GroupWriteback.Cloud.Audit;
using GroupWriteback.Contracts;
using GroupWriteback.Contracts.Commands;
using GroupWriteback.Contracts.Results;

namespace GroupWriteback.Cloud.Tests.Audit;

public sealed class AuditEntriesTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 3, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public void FromResult_Created_SummarisesAndKeepsTheTrace()
    {
        var result = Result(CommandKinds.UpsertGroup, ResultOutcome.Applied, "created 'CN=Sales,OU=Groups' (sAMAccountName Sales; optional attributes: none)") with
        {
            TraceParent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            DistinguishedName = "CN=Sales,OU=Groups",
            AgentId = "agent-1",
        };

        var entry = AuditEntries.FromResult(result);

        Assert.Equal(
            ("c1@" + At.UtcTicks, AuditKinds.Command, "created", "applied", "4bf92f3577b34da6a3ce929d0e0e4736", "CN=Sales,OU=Groups", "agent-1", null),
            (entry.Id, entry.Kind, entry.Changes, entry.Outcome, entry.TraceId, entry.DistinguishedName, entry.Actor, entry.FailureReason));
    }

    [Theory]
    [InlineData(CommandKinds.UpsertGroup, "moved/renamed 'CN=a,OU=x' to 'CN=b,OU=y'; updated description", 0, 0, "renamed or moved, attributes updated")]
    [InlineData(CommandKinds.ChangeMembership, "members +3 -1, 0 not found on-premises", 3, 1, "+3 -1 members")]
    [InlineData(CommandKinds.DeleteGroup, "deleted 'CN=a' (writebackDisabled)", 0, 0, "deleted")]
    [InlineData(CommandKinds.UpsertGroup, "already up to date", 0, 0, "no change")]
    public void Changes_ByKindAndMessage_SaysWhatChanged(string kind, string message, int added, int removed, string expected)
    {
        var result = Result(kind, ResultOutcome.Applied, message) with { MembersAdded = added, MembersRemoved = removed };

        Assert.Equal(expected, AuditEntries.Changes(result));
    }

    [Fact]
    public void FromResult_Failed_NamesTheReasonAndSkippedMembers()
    {
        var failed = AuditEntries.FromResult(Result(CommandKinds.UpsertGroup, ResultOutcome.Failed, "Group g: name taken") with { Reason = FailureReason.NameCollision });
        var skipped = AuditEntries.Changes(Result(CommandKinds.ChangeMembership, ResultOutcome.Applied, "members +1 -0") with
        {
            MembersAdded = 1,
            SkippedMembers = [new MemberReference { CloudId = "u1" }, new MemberReference { CloudId = "u2" }],
        });

        Assert.Equal(("failed", "nameCollision", "nothing written"), (failed.Outcome, failed.FailureReason, failed.Changes));
        Assert.Equal("+1 -0 members, 2 members skipped", skipped);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("not a trace", null)]
    [InlineData("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01", null)]
    [InlineData("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "4bf92f3577b34da6a3ce929d0e0e4736")]
    public void TraceIdOf_TraceParent_TheTraceIdOrNull(string? traceParent, string? expected) =>
        Assert.Equal(expected, AuditEntries.TraceIdOf(traceParent));

    private static WritebackResult Result(string kind, ResultOutcome outcome, string message) => new()
    {
        CommandId = "c1",
        CommandKind = kind,
        GroupId = "g1",
        Outcome = outcome,
        Message = message,
        CompletedAt = At,
    };
}
