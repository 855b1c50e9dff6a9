using System.Diagnostics;
using GroupWriteback.Cloud.Api;
using GroupWriteback.Cloud.Workflows;
using GroupWriteback.Cloud.Workflows.Group;
using GroupWriteback.Cloud.Telemetry;
using GroupWriteback.Cloud.Tests.Workflows;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace GroupWriteback.Cloud.Tests.Telemetry;

/// <summary>
/// Passes run by the real orchestrations: the commands they queue carry the trace of the admin request or Graph
/// notification that caused them, however many workflows and events lie between.
/// </summary>
[Collection(nameof(TelemetryCollection))]
public sealed class PassTraceTests(ITestOutputHelper output) : IDisposable
{
    private readonly CloudTelemetryReader _reader = new();

    [Fact]
    public async Task GroupPass_RequestedInsideASpan_QueuedCommandsCarryThatTrace()
    {
        await using var host = await WorkflowHost.StartAsync(output, services: s => s.AddCloudInstrumentation());
        var users = host.Tenant.AddUsers(1);
        var groupId = host.Tenant.CreateGroup(TestGroups.Security("Traced"), [users[0]]);
        ActivityTraceId trace;

        using (var request = CloudTelemetry.Source.StartActivity("test request"))
        {
            Assert.NotNull(request);
            trace = request.TraceId;
            await host.RequestPassAsync(new() { GroupId = groupId });
        }

        await host.WaitForGroupAsync(groupId, s => s.Pass == 1 && s.Phase == GroupPhase.Idle, "pass 1");

        var commands = host.Agent.CommandsFor(groupId);
        Assert.NotEmpty(commands);
        var spans = _reader.Spans();
        var publishes = spans.Where(s => s.DisplayName == "publish commands" && s.TraceId == trace).ToList();
        Assert.NotEmpty(publishes);
        Assert.All(commands, c =>
        {
            Assert.True(ActivityContext.TryParse(c.TraceParent, c.TraceState, out var parent), $"{c.Kind} has no trace context.");
            Assert.Equal(trace, parent.TraceId);
            Assert.Contains(publishes, p => p.SpanId == parent.SpanId);
        });
        // Each publication continues the request and links to the Durable Task activity that published it.
        Assert.All(publishes, p => Assert.Contains(p.Links, l => IsDurableTaskSpan(spans, l.Context)));
    }

    [Fact]
    public async Task Notification_SignalsTheRunningDeltaRound_EachRoundsCommandsCarryItsNotificationsTrace()
    {
        await using var host = await WorkflowHost.StartAsync(output, services: s => s.AddCloudInstrumentation());
        await host.StartDeltaAsync();
        var users = host.Tenant.AddUsers(2);
        var signal = new DeltaWorkflowSignal(host.Client, NullLogger<DeltaWorkflowSignal>.Instance);

        // Round 1 writes the group; round 2 adds a member to it. Each starts from its own notification.
        var groupId = host.Tenant.CreateGroup(TestGroups.Security("Notified"), [users[0]]);
        var first = await NotifyAsync(signal);
        await host.WaitForGroupAsync(groupId, s => s is { Pass: 1, Phase: GroupPhase.Idle, WrittenBack: true }, "written back");
        var firstCommands = host.Agent.CommandsFor(groupId).Count;
        host.Tenant.AddMembers(groupId, users[1]);
        var second = await NotifyAsync(signal);
        await host.WaitForGroupAsync(groupId, s => s is { Pass: 2, Phase: GroupPhase.Idle }, "member added");

        // Every command continues the notification of its round, through the delta round, the group's workflow (started
        // anew in round 1, signalled by an event in round 2) and the publication, which is a child of the notification.
        var commands = host.Agent.CommandsFor(groupId);
        Assert.All(commands.Take(firstCommands), c => Assert.Equal(first.TraceId, TraceOf(c)));
        var later = commands.Skip(firstCommands).ToList();
        Assert.NotEmpty(later);
        Assert.All(later, c => Assert.Equal(second.TraceId, TraceOf(c)));
        var spans = _reader.Spans();
        foreach (var notification in new[] { first, second })
        {
            var publishes = spans.Where(s => s.DisplayName == "publish commands" && s.TraceId == notification.TraceId).ToList();
            Assert.NotEmpty(publishes);
            Assert.All(publishes, p => Assert.Equal(notification.SpanId, p.ParentSpanId));
        }

        // The workflow started inside the first notification's trace is traced by Durable Task, and its publications link to it.
        Assert.Contains(spans, s => s.TraceId == first.TraceId && s.DisplayName == "orchestration:GroupWritebackOrchestrator");
        Assert.All(spans.Where(s => s.DisplayName == "publish commands" && s.TraceId == first.TraceId), p => Assert.Contains(p.Links, l => IsDurableTaskSpan(spans, l.Context)));
    }

    public void Dispose() => _reader.Dispose();

    /// <summary>Signals the delta as the webhook does: inside the span its route opens for the notification.</summary>
    private static async Task<ActivityContext> NotifyAsync(DeltaWorkflowSignal signal)
    {
        using var span = CloudTelemetry.StartNotification();
        Assert.NotNull(span);
        await signal.RequestDeltaAsync("changeNotification", CancellationToken.None);
        return span.Context;
    }

    private static ActivityTraceId? TraceOf(Contracts.Commands.WritebackCommand command) =>
        ActivityContext.TryParse(command.TraceParent, command.TraceState, out var parent) ? parent.TraceId : null;

    private static bool IsDurableTaskSpan(IReadOnlyList<Activity> spans, ActivityContext context) =>
        spans.Any(s => s.SpanId == context.SpanId && s.Source.Name == CloudTelemetryRegistration.DurableTaskSource);
}
