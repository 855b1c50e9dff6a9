using System.Reflection;
using Google.Protobuf;
using GroupWriteback.Cloud.Agents;
using GroupWriteback.Cloud.Api;
using GroupWriteback.Functions.Durable;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Converters;
using Microsoft.Extensions.DependencyInjection;
using P = Microsoft.DurableTask.Protobuf;

namespace GroupWriteback.Functions.Tests.Durable;

/// <summary>
/// Runs the entity function as the host does: an encoded batch request in, an encoded result out.
/// The dispatcher is built through its non-public constructor, the one the extension uses.
/// </summary>
public sealed class EntityFunctionTests
{
    private static readonly DateTimeOffset Earlier = new(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AgentHealth_NewerHeartbeat_ReplacesState()
    {
        var stored = new AgentHeartbeat("dc1", "c1", "g", "Applied", Earlier);
        var newer = stored with { CommandId = "c2", CompletedAt = Earlier.AddMinutes(5) };

        var state = await DispatchAsync(stored, newer);

        Assert.Equal("c2", state!.CommandId);
    }

    [Fact]
    public async Task AgentHealth_OlderHeartbeat_KeepsState()
    {
        var stored = new AgentHeartbeat("dc1", "c1", "g", "Applied", Earlier);
        var older = stored with { CommandId = "c0", CompletedAt = Earlier.AddMinutes(-5) };

        var state = await DispatchAsync(stored, older);

        Assert.Equal("c1", state!.CommandId);
    }

    private static async Task<AgentHeartbeat?> DispatchAsync(AgentHeartbeat stored, AgentHeartbeat recorded)
    {
        var request = new P.EntityBatchRequest
        {
            InstanceId = AgentHealthEntity.Id.ToString(),
            EntityState = JsonDataConverter.Default.Serialize(stored),
        };
        request.Operations.Add(new P.OperationRequest
        {
            Operation = nameof(AgentHealthEntity.Record),
            RequestId = Guid.NewGuid().ToString(),
            Input = JsonDataConverter.Default.Serialize(recorded),
        });
        var constructor = typeof(TaskEntityDispatcher).GetConstructors(BindingFlags.NonPublic | BindingFlags.Instance).Single();
        var arguments = constructor.GetParameters()
            .Select(object? (p) => p.ParameterType == typeof(string) ? Convert.ToBase64String(request.ToByteArray())
                : p.ParameterType == typeof(IServiceProvider) ? new ServiceCollection().BuildServiceProvider()
                : null)
            .ToArray();
        var dispatcher = (TaskEntityDispatcher)constructor.Invoke(arguments);

        await OrchestratorFunctions.AgentHealth(dispatcher);

        var encoded = (string)typeof(TaskEntityDispatcher).GetProperty("Result", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(dispatcher)!;
        var result = P.EntityBatchResult.Parser.ParseFrom(Convert.FromBase64String(encoded));
        Assert.Null(result.FailureDetails);
        Assert.All(result.Results, r => Assert.Null(r.Failure));
        return JsonDataConverter.Default.Deserialize<AgentHeartbeat>(result.EntityState);
    }
}
