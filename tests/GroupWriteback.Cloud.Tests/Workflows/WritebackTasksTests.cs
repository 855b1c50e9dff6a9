using System.Reflection;
using GroupWriteback.Cloud.Workflows;
using GroupWriteback.Cloud.Workflows.Group;
using Microsoft.DurableTask;

namespace GroupWriteback.Cloud.Tests.Workflows;

public sealed class WritebackTasksTests
{
    [Fact]
    public void Register_EveryDurableTaskInTheLibrary_IsListedUnderItsClassName()
    {
        // Arrange
        var declared = typeof(WritebackTasks).Assembly.GetTypes()
            .Select(t => (Type: t, Attribute: t.GetCustomAttribute<DurableTaskAttribute>()))
            .Where(t => t.Attribute is not null)
            .ToList();

        // Act
        var listed = WritebackTasks.Orchestrators.Concat(WritebackTasks.Activities).ToList();

        // Assert
        Assert.Equal(declared.Select(d => d.Type).OrderBy(t => t.Name), listed.OrderBy(t => t.Name));
        Assert.All(declared, d => Assert.Equal(d.Type.Name, d.Attribute!.Name.Name));
        Assert.All(WritebackTasks.Orchestrators, t => Assert.True(typeof(ITaskOrchestrator).IsAssignableFrom(t), t.Name));
        Assert.All(WritebackTasks.Activities, t => Assert.True(typeof(ITaskActivity).IsAssignableFrom(t), t.Name));
    }

    [Fact]
    public void Register_IntoARegistry_AddsEachTaskOnce()
    {
        // Arrange
        var registry = new DurableTaskRegistry();

        // Act
        var returned = WritebackTasks.Register(registry);

        // Assert
        Assert.Same(registry, returned);
        Assert.Throws<ArgumentException>(() => registry.AddActivity<GroupWriteback.Cloud.Workflows.Group.PlanGroupActivity>());
    }
}
