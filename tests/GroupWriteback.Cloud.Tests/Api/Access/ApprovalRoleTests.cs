using System.Text;
using System.Text.Json;
using GroupWriteback.Cloud.Api;
using GroupWriteback.Cloud.Api.Access;
using GroupWriteback.Cloud.Tests.Workflows;
using GroupWriteback.Cloud.Workflows;
using GroupWriteback.Cloud.Workflows.Approvals;
using GroupWriteback.Cloud.Workflows.FullSync;
using GroupWriteback.Contracts.Commands;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace GroupWriteback.Cloud.Tests.Api.Access;

/// <summary>
/// A decision on a paused disable-writeback run, through the route table against the real workflow: refused without
/// <see cref="AdminRoles.Approve"/>, taken with it, and recorded in the run's status as the principal's decision.
/// </summary>
public sealed class ApprovalRoleTests(ITestOutputHelper output)
{
    private static readonly AdminPrincipal Operator = new("oid-operator", "operator@corp.test", [AdminRoles.Read, AdminRoles.Operate], AdminAuthentication.Entra);
    private static readonly AdminPrincipal Approver = new("oid-approver", "approver@corp.test", [AdminRoles.Approve], AdminAuthentication.Entra);

    [Fact]
    public async Task DecideApproval_WithoutThenWithTheApproverRole_RefusedThenRecordedAsThePrincipal()
    {
        // Arrange
        await using var host = await WorkflowHost.StartAsync(output);
        var groups = Enumerable.Range(0, 2).Select(i => host.Tenant.CreateGroup(TestGroups.Security($"Guarded {i}"))).ToList();
        await host.SeedWrittenBackAsync(groups);
        Assert.True(await FullSyncControl.StartDisableWritebackAsync(host.Client, CancellationToken.None));
        var paused = await host.WaitForRunAsync(InstanceIds.DisableWriteback, s => s.Phase == FullSyncPhase.AwaitingApproval, "preview");
        await using var services = new ServiceCollection().AddLogging().AddSingleton(host.Client).AddScoped<ApprovalHandler>().BuildServiceProvider();
        var body = $$"""{"decision":"approve","by":"mallory@corp.test","previewId":"{{paused.Preview!.Id}}"}""";

        // Act
        var refused = await DecideAsync(services, Operator, body);
        var afterRefusal = await FullSyncControl.GetStatusAsync(host.Client, InstanceIds.DisableWriteback, CancellationToken.None);
        var accepted = await DecideAsync(services, Approver, body);
        var final = await host.WaitForRunAsync(InstanceIds.DisableWriteback, s => s.Phase == FullSyncPhase.Completed, "completed");
        var report = WorkflowReports.From((await host.Client.GetInstanceAsync(InstanceIds.DisableWriteback, getInputsAndOutputs: true))!);

        // Assert
        var error = ApiAssert.Error(refused, 403, ErrorCodes.Forbidden);
        Assert.Equal(AdminRoles.Approve, error.Target);
        Assert.Contains("operator@corp.test (oid-operator)", error.Message, StringComparison.Ordinal);
        Assert.Equal((FullSyncPhase.AwaitingApproval, paused.Preview.Id, null), (afterRefusal!.Phase, afterRefusal.Preview?.Id, afterRefusal.Approval));
        Assert.Equal(202, accepted.StatusCode);
        Assert.Equal(
            ("approved", ApprovalOutcome.Approved, "approver@corp.test", "oid-approver", paused.Preview.Id),
            (final.DeleteDecision, final.Approval!.Outcome, final.Approval.By, final.Approval.ById, final.Approval.PreviewId));
        Assert.Equal(("approver@corp.test", "oid-approver"), (report.Approval?.By, report.Approval?.ById));
        Assert.DoesNotContain("mallory", JsonSerializer.Serialize(final), StringComparison.Ordinal);
        Assert.Equal(groups.Order(), host.Agent.Published.OfType<DeleteGroupCommand>().Select(c => c.GroupId).Order());
    }

    private static Task<ApiResponse> DecideAsync(IServiceProvider services, AdminPrincipal principal, string body)
    {
        var route = AdminRoutes.Named("DecideApproval");
        var request = new ApiRequest(route.RouteValues(InstanceIds.DisableWriteback), null, new MemoryStream(Encoding.UTF8.GetBytes(body)), CancellationToken.None)
        {
            Principal = principal,
        };
        return route.InvokeAsync(services, request, NullLogger.Instance);
    }
}
