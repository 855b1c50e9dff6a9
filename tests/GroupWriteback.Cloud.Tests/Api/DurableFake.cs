using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Entities;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Entities;
using Moq;

namespace GroupWriteback.Cloud.Tests.Api;

/// <summary>
/// A <see cref="DurableTaskClient"/> over an in-memory set of instances: starts are recorded and
/// become running instances, raised events and entity signals are recorded.
/// </summary>
internal sealed class DurableFake
{
    private readonly Dictionary<string, OrchestrationMetadata> _instances = new(StringComparer.Ordinal);

    public DurableFake()
    {
        // As the real client: without getInputsAndOutputs no custom status, input or output comes back.
        Client.Setup(c => c.GetInstanceAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .Returns((string id, bool withPayloads, CancellationToken _) => Task.FromResult(
                withPayloads || _instances.GetValueOrDefault(id) is not { } found ? _instances.GetValueOrDefault(id) : WithoutPayloads(found)));
        Client.Setup(c => c.GetInstanceAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns((string id, CancellationToken _) => Task.FromResult(_instances.GetValueOrDefault(id)));
        Client.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .Returns((TaskName name, object? input, StartOrchestrationOptions? options, CancellationToken _) =>
            {
                var id = options?.InstanceId ?? Guid.NewGuid().ToString("N");
                if (Instance(id) is { } existing && existing.IsRunning)
                {
                    throw new InvalidOperationException($"Instance {id} already exists.");
                }

                Scheduled.Add(new Start(name.Name, id, input));
                Add(id, name.Name, OrchestrationRuntimeStatus.Pending, input: input);
                return Task.FromResult(id);
            });
        Client.Setup(c => c.RaiseEventAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object?>(), It.IsAny<CancellationToken>()))
            .Callback((string id, string name, object? payload, CancellationToken _) => Raised.Add(new Event(id, name, payload)))
            .Returns(Task.CompletedTask);
        Client.Setup(c => c.GetAllInstancesAsync(It.IsAny<OrchestrationQuery?>()))
            .Returns((OrchestrationQuery? query) => Pageable.Create((string? _, CancellationToken _) =>
                Task.FromResult(new Page<OrchestrationMetadata>([.. _instances.Values.Where(i => Matches(i, query))], null))));
        Client.SetupGet(c => c.Entities).Returns(Entities.Object);
        Entities.Setup(e => e.SignalEntityAsync(It.IsAny<EntityInstanceId>(), It.IsAny<string>(), It.IsAny<object?>(), It.IsAny<SignalEntityOptions?>(), It.IsAny<CancellationToken>()))
            .Callback((EntityInstanceId id, string operation, object? input, SignalEntityOptions? _, CancellationToken _) => Signals.Add(new Signal(id, operation, input)))
            .Returns(Task.CompletedTask);
    }

    public Mock<DurableTaskClient> Client { get; } = new("test");

    public Mock<DurableEntityClient> Entities { get; } = new("test");

    public List<Start> Scheduled { get; } = [];

    public List<Event> Raised { get; } = [];

    public List<Signal> Signals { get; } = [];

    public OrchestrationMetadata? Instance(string id) => _instances.GetValueOrDefault(id);

    /// <summary>Adds an instance; <paramref name="customStatus"/>, <paramref name="output"/> and <paramref name="input"/> are serialized as the real client stores them.</summary>
    public OrchestrationMetadata Add(string instanceId, string name, OrchestrationRuntimeStatus status, object? customStatus = null, object? output = null, object? input = null)
    {
        var metadata = new OrchestrationMetadata(name, instanceId)
        {
            RuntimeStatus = status,
            CreatedAt = new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero),
            LastUpdatedAt = new DateTimeOffset(2026, 1, 1, 8, 5, 0, TimeSpan.Zero),
            SerializedCustomStatus = customStatus is null ? null : JsonDataConverter.Default.Serialize(customStatus),
            SerializedOutput = output is null ? null : JsonDataConverter.Default.Serialize(output),
            SerializedInput = input is null ? null : JsonDataConverter.Default.Serialize(input),
            DataConverter = JsonDataConverter.Default,
        };
        _instances[instanceId] = metadata;
        return metadata;
    }

    private static OrchestrationMetadata WithoutPayloads(OrchestrationMetadata metadata) =>
        new(metadata.Name, metadata.InstanceId)
        {
            RuntimeStatus = metadata.RuntimeStatus,
            CreatedAt = metadata.CreatedAt,
            LastUpdatedAt = metadata.LastUpdatedAt,
            DataConverter = metadata.DataConverter,
        };

    /// <summary>Makes the agent health entity hold <paramref name="state"/>.</summary>
    public void SetEntity<T>(EntityInstanceId id, T state)
    {
        var metadata = new EntityMetadata<T>(id, state);
        Entities.Setup(e => e.GetEntityAsync<T>(id, It.IsAny<CancellationToken>())).ReturnsAsync(metadata);
        Entities.Setup(e => e.GetEntityAsync<T>(id, It.IsAny<bool>(), It.IsAny<CancellationToken>())).ReturnsAsync(metadata);
    }

    private static bool Matches(OrchestrationMetadata instance, OrchestrationQuery? query) =>
        query is null
        || ((query.InstanceIdPrefix is null || instance.InstanceId.StartsWith(query.InstanceIdPrefix, StringComparison.Ordinal))
            && (query.Statuses is null || query.Statuses.Contains(instance.RuntimeStatus)));

    public sealed record Start(string Name, string InstanceId, object? Input);

    public sealed record Event(string InstanceId, string Name, object? Payload);

    public sealed record Signal(EntityInstanceId Id, string Operation, object? Input);
}
