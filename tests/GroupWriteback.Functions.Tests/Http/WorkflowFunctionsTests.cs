using GroupWriteback.Cloud.Api;
using GroupWriteback.Cloud.Tests.Api;
using GroupWriteback.Cloud.Workflows;
using GroupWriteback.Cloud.Workflows.Approvals;
using GroupWriteback.Cloud.Workflows.Delta;
using GroupWriteback.Cloud.Workflows.FullSync;
using GroupWriteback.Cloud.Workflows.Grant;
using GroupWriteback.Cloud.Workflows.Switch;
using Microsoft.DurableTask.Client;
using Moq;

namespace GroupWriteback.Functions.Tests.Http;

public sealed class WorkflowFunctionsTests
{
    private readonly FunctionsFixture _app = new();

    [Fact]
    public async Task StartFullSync_NoneRunning_Writes202WithInstance()
    {
        var (_, status, body) = await FunctionsFixture.WriteAsync(await _app.Api.StartFullSync(FunctionsFixture.Request(), _app.Durable.Client.Object));

        Assert.Equal(202, status);
        Assert.Contains("\"instanceId\":\"full-sync\"", body, StringComparison.Ordinal);
        Assert.Equal(nameof(FullSyncOrchestrator), Assert.Single(_app.Durable.Scheduled).Name);
    }

    [Fact]
    public async Task StartFullSync_Running_Writes409()
    {
        _app.Durable.Add(InstanceIds.FullSync, nameof(FullSyncOrchestrator), OrchestrationRuntimeStatus.Running, new FullSyncStatus { Reason = "admin" });

        var (response, status, _) = await FunctionsFixture.WriteAsync(await _app.Api.StartFullSync(FunctionsFixture.Request(), _app.Durable.Client.Object));

        Assert.Equal(409, status);
        ApiAssert.Error(response, 409, ErrorCodes.AlreadyRunning);
    }

    [Fact]
    public async Task SyncGroup_BadId_Writes400NamingId()
    {
        var (response, status, body) = await FunctionsFixture.WriteAsync(await _app.Api.SyncGroup(FunctionsFixture.Request(), "nope", _app.Durable.Client.Object));

        Assert.Equal(400, status);
        Assert.Equal("id", ApiAssert.Error(response, 400, ErrorCodes.InvalidArgument).Target);
        Assert.Contains("\"error\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SyncGroup_Group_StartsItsOrchestration()
    {
        var (_, status, _) = await FunctionsFixture.WriteAsync(await _app.Api.SyncGroup(FunctionsFixture.Request(), FunctionsFixture.GroupId, _app.Durable.Client.Object));

        Assert.Equal(202, status);
        Assert.Equal("group-" + FunctionsFixture.GroupId, Assert.Single(_app.Durable.Scheduled).InstanceId);
    }

    [Fact]
    public async Task DisableWriteback_NotRunning_StartsIt()
    {
        var (_, status, _) = await FunctionsFixture.WriteAsync(await _app.Api.DisableWriteback(FunctionsFixture.Request(), _app.Durable.Client.Object));

        Assert.Equal(202, status);
        Assert.Equal(InstanceIds.DisableWriteback, Assert.Single(_app.Durable.Scheduled).InstanceId);
    }

    [Fact]
    public async Task ListApprovals_NothingWaiting_WritesEmptyList()
    {
        var (response, _, _) = await FunctionsFixture.WriteAsync(await _app.Api.ListApprovals(FunctionsFixture.Request(), _app.Durable.Client.Object));

        Assert.Empty(ApiAssert.Body(response, 200, ApiJsonContext.Default.ApprovalList).Pending);
    }

    [Fact]
    public async Task DecideApproval_BodyNamingSomeone_RaisesDecisionByTheCaller()
    {
        _app.Durable.Add(InstanceIds.Delta, nameof(DeltaOrchestrator), OrchestrationRuntimeStatus.Running,
            new DeltaState { Phase = DeltaPhase.AwaitingApproval, Preview = DeletePreview.Of("preview-1", "groups", ["g"], 0) });

        var (_, status, _) = await FunctionsFixture.WriteAsync(await _app.Api.DecideApproval(
            FunctionsFixture.Request("""{"decision":"reject","by":"ops"}"""), InstanceIds.Delta, _app.Durable.Client.Object));

        Assert.Equal(202, status);
        var caller = _app.Caller.Principal!;
        Assert.Equal((EventNames.DeletesRejected, new ApprovalDecision("preview-1", caller.Name, null, caller.Id)), (Assert.Single(_app.Durable.Raised).Name, _app.Durable.Raised[0].Payload));
    }

    [Fact]
    public async Task DecideApproval_NoBody_Writes400()
    {
        var (_, status, _) = await FunctionsFixture.WriteAsync(await _app.Api.DecideApproval(FunctionsFixture.Request(), InstanceIds.Delta, _app.Durable.Client.Object));

        Assert.Equal(400, status);
    }

    [Fact]
    public async Task GrantPermissions_ValidBody_StartsGrant()
    {
        var (_, status, _) = await FunctionsFixture.WriteAsync(await _app.Api.GrantPermissions(
            FunctionsFixture.Request("""{"account":"S-1-5-21-1-2-3-1105","scope":"domainRoots"}"""), _app.Durable.Client.Object));

        Assert.Equal(202, status);
        Assert.Equal(nameof(GrantPermissionsOrchestrator), Assert.Single(_app.Durable.Scheduled).Name);
    }

    [Fact]
    public async Task GrantPermissions_ClientFails_Writes500WithoutDetails()
    {
        _app.Durable.Client.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(
                It.IsAny<Microsoft.DurableTask.TaskName>(), It.IsAny<object?>(), It.IsAny<Microsoft.DurableTask.StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("task hub connection string leaked here"));

        var (response, status, body) = await FunctionsFixture.WriteAsync(await _app.Api.GrantPermissions(
            FunctionsFixture.Request("""{"account":"S-1-5-21-1-2-3-1105","scope":"domainRoots"}"""), _app.Durable.Client.Object));

        Assert.Equal(500, status);
        ApiAssert.Error(response, 500, ErrorCodes.InternalError);
        Assert.DoesNotContain("leaked", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnableWriteback_Disabled_Writes202AndTurnsWritebackOn()
    {
        _app.Durable.Add(InstanceIds.WritebackSwitch, nameof(WritebackSwitchOrchestrator), OrchestrationRuntimeStatus.Completed,
            input: WritebackSwitch.Off(InstanceIds.DisableWriteback, "preview-1", DateTimeOffset.UnixEpoch));

        var (_, status, body) = await FunctionsFixture.WriteAsync(await _app.Api.EnableWriteback(FunctionsFixture.Request(), _app.Durable.Client.Object));

        Assert.Equal(202, status);
        Assert.Contains("\"instanceId\":\"full-sync\"", body, StringComparison.Ordinal);
        Assert.True((await WritebackSwitchControl.GetAsync(_app.Durable.Client.Object, CancellationToken.None)).Enabled);
        Assert.Equal([nameof(WritebackSwitchOrchestrator), nameof(FullSyncOrchestrator)], _app.Durable.Scheduled.Select(s => s.Name));
    }

    [Fact]
    public async Task EnableWriteback_NotDisabled_Writes409()
    {
        var (response, status, _) = await FunctionsFixture.WriteAsync(await _app.Api.EnableWriteback(FunctionsFixture.Request(), _app.Durable.Client.Object));

        Assert.Equal(409, status);
        ApiAssert.Error(response, 409, ErrorCodes.WritebackNotDisabled);
        Assert.Empty(_app.Durable.Scheduled);
    }

    [Fact]
    public async Task SyncGroup_WritebackDisabled_Writes409()
    {
        _app.Durable.Add(InstanceIds.WritebackSwitch, nameof(WritebackSwitchOrchestrator), OrchestrationRuntimeStatus.Completed,
            input: WritebackSwitch.Off(InstanceIds.DisableWriteback, "preview-1", DateTimeOffset.UnixEpoch));

        var (response, status, _) = await FunctionsFixture.WriteAsync(await _app.Api.SyncGroup(FunctionsFixture.Request(), FunctionsFixture.GroupId, _app.Durable.Client.Object));

        Assert.Equal(409, status);
        ApiAssert.Error(response, 409, ErrorCodes.WritebackDisabled);
        Assert.Empty(_app.Durable.Scheduled);
    }
}
