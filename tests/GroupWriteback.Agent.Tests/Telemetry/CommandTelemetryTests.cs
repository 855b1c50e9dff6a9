using System.Diagnostics;
using GroupWriteback.Agent.Directory;
using GroupWriteback.Agent.Processing;
using GroupWriteback.Agent.Security;
using GroupWriteback.Agent.Telemetry;
using GroupWriteback.Agent.Tests.Processing;
using GroupWriteback.Contracts;
using GroupWriteback.Contracts.Commands;
using GroupWriteback.Contracts.Results;
using GroupWriteback.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GroupWriteback.Agent.Tests.Telemetry;

/// <summary>Commands applied on the test DC, with the spans and metrics they emit read back from memory.</summary>
[Collection(nameof(TelemetryCollection))]
[Trait(TestCategory.Name, TestCategory.DomainController)]
public sealed class CommandTelemetryTests : IDisposable
{
    private readonly WriterScope _scope = new("telemetry");
    private readonly TelemetryReader _reader = new();
    private readonly WritebackContextFactory _contexts;
    private readonly CommandProcessor _processor;

    public CommandTelemetryTests()
    {
        _contexts = new WritebackContextFactory(_scope.Connections, Options.Create(_scope.Options), new ScopeGuard(_scope.Options.TargetOus), _reader.Telemetry);
        _processor = new CommandProcessor(
            new SnapshotStore(_scope.StateDirectory),
            new PermissionGranter(_scope.Connections, NullLogger<PermissionGranter>.Instance),
            "test-agent",
            NullLogger<CommandProcessor>.Instance)
        {
            Telemetry = _reader.Telemetry,
        };
    }

    [Fact]
    public void Apply_CommandsWithTraceParent_SpansJoinTheCloudTraceAndMetricsCountTheWrites()
    {
        var first = _scope.CreateAccount("tel-a");
        var second = _scope.CreateAccount("tel-b");
        var id = Guid.NewGuid().ToString();
        var trace = ActivityTraceId.CreateRandom();
        var upsertParent = ActivitySpanId.CreateRandom();
        var changeParent = ActivitySpanId.CreateRandom();
        var upsert = _scope.Upsert(id, "Telemetry group", CloudGroupKind.Security) with { TraceParent = $"00-{trace}-{upsertParent}-01", TraceState = "gw=1" };
        var change = WriterScope.Change(id, add: [WriterScope.Member(first), WriterScope.Member(second)]) with { TraceParent = $"00-{trace}-{changeParent}-01" };

        var results = Apply(upsert, change);

        Assert.Equal([ResultOutcome.Applied, ResultOutcome.Applied], results.Select(r => r.Outcome));
        // Read back as the administrator, outside the writer, so every LDAP span below is the writer's.
        var group = WriterScope.ReadGroup(id, "member");
        var groupDn = group.DistinguishedName;
        Assert.Equal(new HashSet<string>([first.Dn, second.Dn], StringComparer.OrdinalIgnoreCase), WriterScope.Values(group, "member").ToHashSet(StringComparer.OrdinalIgnoreCase));

        var spans = _reader.Spans();
        var applyUpsert = Assert.Single(spans, s => s.TraceId == trace && s.DisplayName == "apply upsertGroup");
        Assert.Equal(upsertParent, applyUpsert.ParentSpanId);
        Assert.Equal(ActivityKind.Consumer, applyUpsert.Kind);
        Assert.Equal("gw=1", applyUpsert.TraceStateString);
        Assert.Equal(upsert.CommandId, applyUpsert.GetTagItem(TagNames.CommandId));
        Assert.Equal(id, applyUpsert.GetTagItem(TagNames.GroupId));
        Assert.Equal("Applied", applyUpsert.GetTagItem(TagNames.Outcome));
        var upsertLdap = spans.Where(s => s.ParentSpanId == applyUpsert.SpanId).ToList();
        Assert.All(upsertLdap, s => Assert.Equal(trace, s.TraceId));
        Assert.All(upsertLdap, s => Assert.StartsWith("ldap ", s.DisplayName, StringComparison.Ordinal));
        var add = Assert.Single(upsertLdap, s => s.DisplayName == "ldap add");
        Assert.Equal(groupDn, (string?)add.GetTagItem(TagNames.LdapDn), StringComparer.OrdinalIgnoreCase);
        Assert.Equal("Success", add.GetTagItem(TagNames.LdapResult));

        var applyChange = Assert.Single(spans, s => s.TraceId == trace && s.DisplayName == "apply changeMembership");
        Assert.Equal(changeParent, applyChange.ParentSpanId);
        Assert.Contains(spans, s => s.ParentSpanId == applyChange.SpanId && s.DisplayName == "ldap modify"
            && string.Equals((string?)s.GetTagItem(TagNames.LdapDn), groupDn, StringComparison.OrdinalIgnoreCase));

        Assert.Equal(1, _reader.Sum(InstrumentNames.CommandsApplied, (TagNames.CommandKind, CommandKinds.UpsertGroup), (TagNames.Outcome, "Applied")));
        Assert.Equal(1, _reader.Sum(InstrumentNames.CommandsApplied, (TagNames.CommandKind, CommandKinds.ChangeMembership), (TagNames.Outcome, "Applied")));
        Assert.Equal(2, _reader.Sum(InstrumentNames.MembersWritten, (TagNames.CommandKind, CommandKinds.ChangeMembership), (TagNames.Direction, "added")));
        Assert.Equal(0, _reader.Sum(InstrumentNames.MembersWritten, (TagNames.Direction, "removed")));
        Assert.Equal(0, _reader.Sum(InstrumentNames.CommandsFailed));
        Assert.Equal(1, _reader.Count(InstrumentNames.CommandDuration, (TagNames.CommandKind, CommandKinds.UpsertGroup)));
        Assert.Equal(1, _reader.Count(InstrumentNames.LdapDuration, (TagNames.LdapOperation, "add"), (TagNames.LdapResult, "Success")));
        // Every request is both a span and a measurement, the schema probe's too.
        Assert.Equal(spans.Count(s => s.DisplayName.StartsWith("ldap ", StringComparison.Ordinal)), _reader.Count(InstrumentNames.LdapDuration));
        Assert.InRange(_reader.HistogramSum(InstrumentNames.LdapDuration), 1e-6, 60);
        Assert.Equal("s", _reader.Unit(InstrumentNames.LdapDuration));
        Assert.Equal("{member}", _reader.Unit(InstrumentNames.MembersWritten));
    }

    [Fact]
    public void Apply_CommandOutsideScope_CountsUnderItsReasonAndMarksTheSpan()
    {
        var id = Guid.NewGuid().ToString();
        var upsert = _scope.Upsert(id, "Outside", CloudGroupKind.Security, ou: _scope.OutsideOu);

        var result = Assert.Single(Apply(upsert));

        Assert.Equal(FailureReason.OutsideScope, result.Reason);
        Assert.Empty(WriterScope.FindByAnchor(id));
        Assert.Equal(1, _reader.Sum(InstrumentNames.CommandsFailed, (TagNames.CommandKind, CommandKinds.UpsertGroup), (TagNames.Reason, nameof(FailureReason.OutsideScope))));
        Assert.Equal(0, _reader.Sum(InstrumentNames.CommandsApplied));
        Assert.Equal(1, _reader.Count(InstrumentNames.CommandDuration, (TagNames.CommandKind, CommandKinds.UpsertGroup), (TagNames.Outcome, "Failed")));
        var span = Assert.Single(_reader.Spans(), s => s.DisplayName == "apply upsertGroup" && (string?)s.GetTagItem(TagNames.GroupId) == id);
        // No trace context on the command: the span starts a trace of its own.
        Assert.Equal(default, span.ParentSpanId);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(nameof(FailureReason.OutsideScope), span.GetTagItem(TagNames.Reason));
    }

    [Fact]
    public void Apply_UnreadableTraceParent_AppliesInATraceOfItsOwn()
    {
        var id = Guid.NewGuid().ToString();
        var upsert = _scope.Upsert(id, "Bad trace", CloudGroupKind.Security) with { TraceParent = "not-a-traceparent" };

        var result = Assert.Single(Apply(upsert));

        Assert.Equal(ResultOutcome.Applied, result.Outcome);
        Assert.Single(WriterScope.FindByAnchor(id));
        var span = Assert.Single(_reader.Spans(), s => s.DisplayName == "apply upsertGroup" && (string?)s.GetTagItem(TagNames.GroupId) == id);
        Assert.Equal(default, span.ParentSpanId);
    }

    private List<WritebackResult> Apply(params WritebackCommand[] commands)
    {
        var context = _contexts.Open();
        using var directory = context.Directory;
        return commands.Select(c => _processor.ApplyAsync(context, c, CancellationToken.None).GetAwaiter().GetResult()).ToList();
    }

    public void Dispose()
    {
        _reader.Dispose();
        _scope.Dispose();
    }
}
