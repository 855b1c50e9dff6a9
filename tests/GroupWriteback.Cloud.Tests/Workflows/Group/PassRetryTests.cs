using GroupWriteback.Cloud.Workflows.Group;
using GroupWriteback.Contracts.Commands;
using GroupWriteback.Contracts.Results;
using Xunit.Abstractions;

namespace GroupWriteback.Cloud.Tests.Workflows.Group;

/// <summary>A pass the agent answers with a transient failure is run again by its orchestration, a bounded number of times.</summary>
public sealed class PassRetryTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string> QuickRetries = new()
    {
        ["Writeback:PassRetryDelay"] = "00:00:01",
        ["Writeback:MaxPassRetries"] = "2",
    };

    [Fact]
    public async Task GroupPass_TransientFailureTwice_RetriedOnATimerUntilItSucceeds()
    {
        // Arrange
        await using var host = await WorkflowHost.StartAsync(output, QuickRetries);
        var failures = 0;
        host.Agent.Reply = c => c is UpsertGroupCommand && Interlocked.Increment(ref failures) <= 2
            ? AgentReply.Fail(c, FailureReason.Transient)
            : AgentReply.Succeed(c);
        var groupId = host.Tenant.CreateGroup(TestGroups.Security("Flaky DC"), host.Tenant.AddUsers(2));

        // Act
        await host.RequestPassAsync(new() { GroupId = groupId });
        var status = await host.WaitForGroupAsync(groupId, s => s is { Phase: GroupPhase.Idle, LastOutcome: "succeeded" }, "retried pass succeeded");

        // Assert
        Assert.Equal(3, status.Pass);
        Assert.Equal(3, host.Agent.KindsFor(groupId).Count(k => k == CommandKinds.UpsertGroup));
        Assert.True(status.WrittenBack);
        Assert.Equal((0, null), (status.TransientFailures, status.RetryAt));
        Assert.Null(status.LastError);
    }

    [Fact]
    public async Task GroupPass_TransientFailureEveryTime_GivesUpAfterTheRetriesWithAClearError()
    {
        // Arrange
        await using var host = await WorkflowHost.StartAsync(output, QuickRetries);
        host.Agent.Reply = c => c is UpsertGroupCommand ? AgentReply.Fail(c, FailureReason.Transient) : AgentReply.Succeed(c);
        var groupId = host.Tenant.CreateGroup(TestGroups.Security("Always Down"));

        // Act
        await host.RequestPassAsync(new() { GroupId = groupId });
        var status = await host.WaitForGroupAsync(groupId, s => s is { Pass: 3, Phase: GroupPhase.NotWrittenBack }, "retries given up");

        // Assert
        Assert.Equal(3, host.Agent.KindsFor(groupId).Count(k => k == CommandKinds.UpsertGroup));
        Assert.Equal(("failed", null, 3), (status.LastOutcome, status.RetryAt, status.TransientFailures));
        Assert.StartsWith($"Group {groupId}: gave up after 2 retries of a transiently failed pass.", status.LastError, StringComparison.Ordinal);
        Assert.Contains("Transient", status.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GroupPass_PermanentFailure_IsNotRetried()
    {
        // Arrange
        await using var host = await WorkflowHost.StartAsync(output, QuickRetries);
        host.Agent.Reply = c => c is UpsertGroupCommand ? AgentReply.Fail(c, FailureReason.AccessDenied) : AgentReply.Succeed(c);
        var groupId = host.Tenant.CreateGroup(TestGroups.Security("Denied"));

        // Act
        await host.RequestPassAsync(new() { GroupId = groupId });
        var status = await host.WaitForGroupAsync(groupId, s => s is { Pass: 1, LastOutcome: "failed" } && s.Phase != GroupPhase.Planning && s.Phase != GroupPhase.WaitingForAgent, "refused pass");
        await Task.Delay(TimeSpan.FromSeconds(3));

        // Assert
        Assert.Null(status.RetryAt);
        Assert.Equal(1, host.Agent.KindsFor(groupId).Count(k => k == CommandKinds.UpsertGroup));
    }
}
