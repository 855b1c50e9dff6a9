using GroupWriteback.Cloud.Api;
using GroupWriteback.Cloud.Planning;
using GroupWriteback.Cloud.Workflows;
using GroupWriteback.Cloud.Workflows.FullSync;
using GroupWriteback.Cloud.Workflows.Group;
using GroupWriteback.Cloud.Workflows.Switch;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;

namespace GroupWriteback.Cloud.Tests.Api;

public sealed class SyncHandlerTests
{
    private const string GroupId = "0f8fad5b-d9cb-469f-a165-70867728950e";
    private readonly DurableFake _durable = new();
    private readonly SyncHandler _handler;

    public SyncHandlerTests() => _handler = new(_durable.Client.Object, NullLogger<SyncHandler>.Instance);

    [Fact]
    public async Task StartFullSyncAsync_NoneRunning_202AndStartsSingleton()
    {
        var response = await _handler.StartFullSyncAsync(CancellationToken.None);

        var accepted = ApiAssert.Body(response, 202, ApiJsonContext.Default.AcceptedOperation);
        Assert.Equal((InstanceIds.FullSync, "started"), (accepted.InstanceId, accepted.Status));
        var start = Assert.Single(_durable.Scheduled);
        Assert.Equal((nameof(FullSyncOrchestrator), InstanceIds.FullSync), (start.Name, start.InstanceId));
        Assert.Equal("admin", Assert.IsType<FullSyncInput>(start.Input).Reason);
    }

    [Fact]
    public async Task StartFullSyncAsync_Twice_Second409WithRunningProgress()
    {
        await _handler.StartFullSyncAsync(CancellationToken.None);
        _durable.Add(InstanceIds.FullSync, nameof(FullSyncOrchestrator), OrchestrationRuntimeStatus.Running,
            new FullSyncStatus { Reason = "admin", Phase = FullSyncPhase.Syncing, Done = 12, Total = 40 });

        var response = await _handler.StartFullSyncAsync(CancellationToken.None);

        var error = ApiAssert.Error(response, 409, ErrorCodes.AlreadyRunning);
        Assert.Equal(InstanceIds.FullSync, error.Target);
        Assert.Contains("12/40", error.Message, StringComparison.Ordinal);
        Assert.Single(_durable.Scheduled);
    }

    [Fact]
    public async Task StartFullSyncAsync_PreviousCompleted_StartsAgain()
    {
        _durable.Add(InstanceIds.FullSync, nameof(FullSyncOrchestrator), OrchestrationRuntimeStatus.Completed, output: new FullSyncStatus { Reason = "admin" });

        var response = await _handler.StartFullSyncAsync(CancellationToken.None);

        Assert.Equal(202, response.StatusCode);
        Assert.Single(_durable.Scheduled);
    }

    [Fact]
    public async Task SyncGroupAsync_BadId_400NamingIt()
    {
        var response = await _handler.SyncGroupAsync("sales-team", CancellationToken.None);

        var error = ApiAssert.Error(response, 400, ErrorCodes.InvalidArgument);
        Assert.Equal("id", error.Target);
        Assert.Contains("sales-team", error.Message, StringComparison.Ordinal);
        Assert.Empty(_durable.Scheduled);
    }

    [Fact]
    public async Task SyncGroupAsync_NoOrchestration_StartsSnapshotPass()
    {
        var response = await _handler.SyncGroupAsync(GroupId, CancellationToken.None);

        var accepted = ApiAssert.Body(response, 202, ApiJsonContext.Default.AcceptedOperation);
        Assert.Equal(("group-" + GroupId, "started"), (accepted.InstanceId, accepted.Status));
        var input = Assert.IsType<GroupWritebackInput>(Assert.Single(_durable.Scheduled).Input);
        Assert.Equal((GroupId, GroupPassMode.Snapshot, "admin"), (input.Request!.GroupId, input.Request.Mode, input.Request.Origin));
    }

    [Fact]
    public async Task SyncGroupAsync_Running_SignalsIt()
    {
        _durable.Add("group-" + GroupId, nameof(GroupWritebackOrchestrator), OrchestrationRuntimeStatus.Running, new GroupStatus { GroupId = GroupId });

        var response = await _handler.SyncGroupAsync(GroupId, CancellationToken.None);

        Assert.Equal("signalled", ApiAssert.Body(response, 202, ApiJsonContext.Default.AcceptedOperation).Status);
        var raised = Assert.Single(_durable.Raised);
        Assert.Equal(("group-" + GroupId, EventNames.GroupChangeRequested), (raised.InstanceId, raised.Name));
        Assert.Empty(_durable.Scheduled);
    }

    [Fact]
    public async Task SyncGroupAsync_WritebackDisabled_409SaysWhoDisabledAndHowToEnable()
    {
        _durable.Add(InstanceIds.WritebackSwitch, nameof(WritebackSwitchOrchestrator), OrchestrationRuntimeStatus.Completed,
            input: WritebackSwitch.Off(InstanceIds.DisableWriteback, "preview-1", new DateTimeOffset(2026, 1, 1, 7, 0, 0, TimeSpan.Zero)));

        var response = await _handler.SyncGroupAsync(GroupId, CancellationToken.None);

        var error = ApiAssert.Error(response, 409, ErrorCodes.WritebackDisabled);
        Assert.Equal(InstanceIds.WritebackSwitch, error.Target);
        Assert.Contains("Writeback is disabled since 2026-01-01 07:00:00Z by disable-writeback", error.Message, StringComparison.Ordinal);
        Assert.Contains("POST /api/writeback/enable", error.Message, StringComparison.Ordinal);
        Assert.Empty(_durable.Scheduled);
        Assert.Empty(_durable.Raised);
    }

    [Fact]
    public async Task StartFullSyncAsync_WritebackDisabled_409AndStartsNothing()
    {
        _durable.Add(InstanceIds.WritebackSwitch, nameof(WritebackSwitchOrchestrator), OrchestrationRuntimeStatus.Completed,
            input: WritebackSwitch.Off(InstanceIds.DisableWriteback, null, DateTimeOffset.UnixEpoch));

        var response = await _handler.StartFullSyncAsync(CancellationToken.None);

        Assert.Contains("POST /api/writeback/enable", ApiAssert.Error(response, 409, ErrorCodes.WritebackDisabled).Message, StringComparison.Ordinal);
        Assert.Empty(_durable.Scheduled);
    }

    [Fact]
    public async Task SyncGroupAsync_EnabledAgain_StartsThePass()
    {
        _durable.Add(InstanceIds.WritebackSwitch, nameof(WritebackSwitchOrchestrator), OrchestrationRuntimeStatus.Completed,
            input: WritebackSwitch.EnabledAgain("admin", DateTimeOffset.UnixEpoch));

        var response = await _handler.SyncGroupAsync(GroupId, CancellationToken.None);

        Assert.Equal("started", ApiAssert.Body(response, 202, ApiJsonContext.Default.AcceptedOperation).Status);
        Assert.Equal(InstanceIds.ForGroup(GroupId), Assert.Single(_durable.Scheduled).InstanceId);
    }
}
