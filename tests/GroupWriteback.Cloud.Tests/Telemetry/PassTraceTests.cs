using System.Diagnostics;
using GroupWriteback.Cloud.Workflows;
using GroupWriteback.Cloud.Workflows.Group;
using GroupWriteback.Cloud.Telemetry;
using GroupWriteback.Cloud.Tests.Workflows;
using Xunit.Abstractions;

namespace GroupWriteback.Cloud.Tests.Telemetry;

/// <summary>A pass run by the real orchestrations: the commands it queues carry the trace the request started.</summary>
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
        // Each publication runs inside the Durable Task activity that publishes, in the same trace.
        Assert.All(publishes, p => Assert.Contains(spans, s => s.SpanId == p.ParentSpanId && s.Source.Name == CloudTelemetryRegistration.DurableTaskSource));
    }

    public void Dispose() => _reader.Dispose();
}
