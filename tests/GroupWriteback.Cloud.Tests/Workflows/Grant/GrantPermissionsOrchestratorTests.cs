using GroupWriteback.Cloud.Workflows.Grant;
using GroupWriteback.Contracts;
using GroupWriteback.Contracts.Commands;
using GroupWriteback.Contracts.Results;
using Xunit.Abstractions;

namespace GroupWriteback.Cloud.Tests.Workflows.Grant;

/// <summary>Grant permissions: one command on the grant session, and the agent's answer as the outcome.</summary>
public sealed class GrantPermissionsOrchestratorTests(ITestOutputHelper output)
{
    private static readonly GrantRequest Request = new()
    {
        Account = "CN=svc-writeback,OU=Service,DC=corp,DC=test",
        Scope = GrantScope.OrganizationalUnit,
        TargetOu = WorkflowHost.TargetOu,
    };

    [Fact]
    public async Task Grant_AgentGrants_ReportsSucceeded()
    {
        // Arrange
        await using var host = await WorkflowHost.StartAsync(output);

        // Act
        var instanceId = await GrantControl.StartAsync(host.Client, Request, CancellationToken.None);
        var outcome = await WorkflowHost.WaitForAsync(
            () => GrantControl.GetOutcomeAsync(host.Client, instanceId, CancellationToken.None), o => o.Outcome != GrantOutcome.WaitingForAgent, "grant outcome");

        // Assert
        var command = Assert.IsType<GrantPermissionsCommand>(Assert.Single(host.Agent.CommandsFor(CommandKinds.GrantSessionId)));
        Assert.Equal((Request.Account, GrantScope.OrganizationalUnit, WorkflowHost.TargetOu, instanceId), (command.Account, command.Scope, command.TargetOu, command.ReplyTo));
        Assert.Equal(new GrantOutcome(GrantOutcome.Succeeded, "Granted (test agent).", "test-agent"), outcome);
    }

    [Fact]
    public async Task Grant_AgentRefuses_ReportsFailureMessage()
    {
        // Arrange
        await using var host = await WorkflowHost.StartAsync(output);
        host.Agent.Reply = c => AgentReply.Fail(c, FailureReason.AccessDenied);

        // Act
        var instanceId = await GrantControl.StartAsync(host.Client, Request, CancellationToken.None);
        var outcome = await WorkflowHost.WaitForAsync(
            () => GrantControl.GetOutcomeAsync(host.Client, instanceId, CancellationToken.None), o => o.Outcome != GrantOutcome.WaitingForAgent, "grant outcome");

        // Assert
        Assert.Equal(GrantOutcome.Failed, outcome.Outcome);
        Assert.Contains("AccessDenied", outcome.Message, StringComparison.Ordinal);
    }
}
