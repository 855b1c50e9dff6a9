using System.Reflection;
using GroupWriteback.Cloud.Workflows;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace GroupWriteback.Functions.Tests.Durable;

/// <summary>Each task of <see cref="WritebackTasks"/> has one wrapper of its name, trigger and types, and there are no others.</summary>
public sealed class TaskListTests
{
    [Fact]
    public void OrchestrationTriggers_AreTheTaskListsOrchestrators()
    {
        AssertWrappers<OrchestrationTriggerAttribute>(WritebackTasks.Orchestrators, typeof(TaskOrchestrator<,>), input: null);
    }

    [Fact]
    public void ActivityTriggers_AreTheTaskListsActivities_WithTheirInputAndOutput()
    {
        AssertWrappers<ActivityTriggerAttribute>(WritebackTasks.Activities, typeof(TaskActivity<,>), input: p => p.ParameterType);
    }

    [Fact]
    public void EntityTriggers_AreTheTaskListsEntities()
    {
        Assert.Equal(
            WritebackTasks.Entities.Select(t => t.Name).Order(StringComparer.Ordinal),
            FunctionWrappers.With<EntityTriggerAttribute>().Select(FunctionWrappers.Name).Order(StringComparer.Ordinal));
    }

    private static void AssertWrappers<TTrigger>(IReadOnlyList<Type> tasks, Type baseType, Func<ParameterInfo, Type>? input)
        where TTrigger : Attribute
    {
        var wrappers = FunctionWrappers.With<TTrigger>();
        Assert.Equal(tasks.Select(t => t.Name).Order(StringComparer.Ordinal), wrappers.Select(FunctionWrappers.Name).Order(StringComparer.Ordinal));
        Assert.All(tasks, task =>
        {
            var wrapper = FunctionWrappers.Named(task.Name);
            var types = BaseOf(task, baseType).GetGenericArguments();
            Assert.Equal(typeof(Task<>).MakeGenericType(types[1]), wrapper.ReturnType);
            if (input is not null)
            {
                Assert.Equal(types[0], input(FunctionWrappers.Trigger<TTrigger>(wrapper)!));
            }
        });
    }

    private static Type BaseOf(Type type, Type generic)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.IsGenericType && current.GetGenericTypeDefinition() == generic)
            {
                return current;
            }
        }

        throw new InvalidOperationException($"{type.Name} does not derive from {generic.Name}.");
    }
}
