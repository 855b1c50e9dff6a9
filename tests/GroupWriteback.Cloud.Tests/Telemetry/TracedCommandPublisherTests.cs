using System.Diagnostics;
using GroupWriteback.Cloud.Telemetry;
using GroupWriteback.Contracts;
using GroupWriteback.Contracts.Commands;
using GroupWriteback.Transport;
using Microsoft.Extensions.DependencyInjection;

namespace GroupWriteback.Cloud.Tests.Telemetry;

[Collection(nameof(TelemetryCollection))]
public sealed class TracedCommandPublisherTests : IDisposable
{
    private static readonly string GroupId = Guid.NewGuid().ToString();
    private readonly RecordingPublisher _queue = new();
    private readonly CloudTelemetryReader _reader;

    public TracedCommandPublisherTests() => _reader = new CloudTelemetryReader(s => s.AddSingleton<ICommandPublisher>(_queue));

    [Fact]
    public async Task PublishAsync_Commands_StampsTheSpansTraceParentAndCountsByKind()
    {
        var publisher = _reader.Services.GetRequiredService<ICommandPublisher>();

        await publisher.PublishAsync([Upsert(), Change("c1"), Change("c2")], CancellationToken.None);

        Assert.IsType<TracedCommandPublisher>(publisher);
        var span = Assert.Single(_reader.Spans(), s => s.DisplayName == "publish commands");
        Assert.Equal(ActivityKind.Producer, span.Kind);
        Assert.Equal(3, span.GetTagItem(CloudTagNames.CommandCount));
        Assert.Equal(GroupId, span.GetTagItem(CloudTagNames.GroupId));
        Assert.Equal(3, _queue.Received.Count);
        Assert.All(_queue.Received, command =>
        {
            Assert.Equal(span.Id, command.TraceParent);
            Assert.StartsWith($"00-{span.TraceId}-{span.SpanId}-", command.TraceParent, StringComparison.Ordinal);
            Assert.True(ActivityContext.TryParse(command.TraceParent, command.TraceState, out var parsed));
            Assert.Equal((span.TraceId, span.SpanId), (parsed.TraceId, parsed.SpanId));
        });
        // The trace context survives the wire format, as the agent reads it.
        Assert.Equal(_queue.Received[1].TraceParent, WireSerializer.DeserializeCommand(WireSerializer.Serialize(_queue.Received[1])).TraceParent);
        Assert.Equal(1, _reader.Sum(CloudInstrumentNames.CommandsPublished, (CloudTagNames.CommandKind, CommandKinds.UpsertGroup)));
        Assert.Equal(2, _reader.Sum(CloudInstrumentNames.CommandsPublished, (CloudTagNames.CommandKind, CommandKinds.ChangeMembership)));
        Assert.Equal("{command}", _reader.Unit(CloudInstrumentNames.CommandsPublished));
        Assert.Equal(0, _reader.Sum(CloudInstrumentNames.CommandsPublishFailed));
    }

    [Fact]
    public async Task PublishAsync_InsideACallersSpan_ContinuesItsTrace()
    {
        using var caller = CloudTelemetry.Source.StartActivity("caller");
        Assert.NotNull(caller);
        var publisher = _reader.Services.GetRequiredService<ICommandPublisher>();

        await publisher.PublishAsync([Upsert()], CancellationToken.None);
        caller.Stop();

        var span = Assert.Single(_reader.Spans(), s => s.DisplayName == "publish commands");
        Assert.Equal((caller.TraceId, caller.SpanId), (span.TraceId, span.ParentSpanId));
        Assert.StartsWith($"00-{caller.TraceId}-{span.SpanId}-", Assert.Single(_queue.Received).TraceParent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishAsync_QueueFails_CountsTheFailureByKindAndRethrows()
    {
        _queue.Failure = new InvalidOperationException("queue down");
        var publisher = _reader.Services.GetRequiredService<ICommandPublisher>();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => publisher.PublishAsync([Change("c1"), Change("c2")], CancellationToken.None));

        Assert.Equal("queue down", error.Message);
        Assert.Equal(2, _reader.Sum(CloudInstrumentNames.CommandsPublishFailed, (CloudTagNames.CommandKind, CommandKinds.ChangeMembership), (CloudTagNames.Reason, nameof(InvalidOperationException))));
        Assert.Equal(0, _reader.Sum(CloudInstrumentNames.CommandsPublished));
        Assert.Equal(ActivityStatusCode.Error, Assert.Single(_reader.Spans(), s => s.DisplayName == "publish commands").Status);
    }

    [Fact]
    public void AddCloudInstrumentation_CalledTwice_WrapsThePublisherOnce()
    {
        var services = new ServiceCollection().AddSingleton<ICommandPublisher>(_queue);

        services.AddCloudInstrumentation().AddCloudInstrumentation();
        using var provider = services.BuildServiceProvider();

        var traced = Assert.IsType<TracedCommandPublisher>(provider.GetRequiredService<ICommandPublisher>());
        Assert.Same(_queue, traced.Inner);
    }

    private static UpsertGroupCommand Upsert() => new()
    {
        CommandId = "upsert-1",
        GroupId = GroupId,
        CloudKind = CloudGroupKind.Security,
        GroupType = OnPremisesGroupType.UniversalSecurityGroup,
        TargetOu = "OU=Groups,DC=corp,DC=test",
        Attributes = new GroupAttributes { DisplayName = "Sales" },
    };

    private static ChangeMembershipCommand Change(string id) => new() { CommandId = id, GroupId = GroupId };

    public void Dispose() => _reader.Dispose();

    private sealed class RecordingPublisher : ICommandPublisher
    {
        public List<WritebackCommand> Received { get; } = [];

        public Exception? Failure { get; set; }

        public Task PublishAsync(IReadOnlyList<WritebackCommand> commands, CancellationToken cancellationToken)
        {
            if (Failure is not null)
            {
                throw Failure;
            }

            Received.AddRange(commands);
            return Task.CompletedTask;
        }
    }
}
