using GroupWriteback.Cloud.Agents;
using GroupWriteback.Cloud.Api;
using GroupWriteback.Cloud.Workflows;
using GroupWriteback.Cloud.Workflows.Delta;
using GroupWriteback.Cloud.Workflows.FullSync;
using GroupWriteback.Cloud.Workflows.Group;
using GroupWriteback.Cloud.Workflows.Switch;
using GroupWriteback.Transport;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace GroupWriteback.Cloud.Tests.Api;

public sealed class StatusHandlerTests
{
    private const string GroupId = "0f8fad5b-d9cb-469f-a165-70867728950e";
    private readonly DurableFake _durable = new();
    private readonly Mock<IQueueStatusReader> _queues = new();

    public StatusHandlerTests()
    {
        _queues.Setup(q => q.GetCountsAsync(QueueNames.Commands, It.IsAny<CancellationToken>())).ReturnsAsync(new QueueCounts(QueueNames.Commands, 5, 1, 2));
        _queues.Setup(q => q.GetCountsAsync(QueueNames.Results, It.IsAny<CancellationToken>())).ReturnsAsync(new QueueCounts(QueueNames.Results, 0, 0, 1));
    }

    [Fact]
    public async Task GetStatusAsync_NothingRan_DeltaNotStartedAndCounts()
    {
        var status = await GetStatusAsync();

        Assert.Equal("notStarted", status.Delta.RuntimeStatus);
        Assert.True(status.WritebackEnabled);
        Assert.Null(status.FullSync);
        Assert.Equal([5L, 0L], status.Queues.Select(q => q.Active!.Value));
        Assert.Equal(3, status.DeadLetters);
        Assert.Equal("unknown", status.Agent.State);
    }

    [Fact]
    public async Task GetStatusAsync_FullSyncRunning_ShowsProgressAndDeltaState()
    {
        _durable.Add(InstanceIds.FullSync, nameof(FullSyncOrchestrator), OrchestrationRuntimeStatus.Running,
            new FullSyncStatus { Reason = "admin", Phase = FullSyncPhase.Syncing, Done = 3, Total = 9 });
        _durable.Add(InstanceIds.Delta, nameof(DeltaOrchestrator), OrchestrationRuntimeStatus.Running,
            new DeltaState { Phase = DeltaPhase.Idle, DeltaLink = "https://graph/delta?token=x", Rounds = 4 });

        var status = await GetStatusAsync();

        Assert.Equal(("running", FullSyncPhase.Syncing, 3, 9), (status.FullSync!.RuntimeStatus, status.FullSync.Phase, status.FullSync.Done, status.FullSync.Total));
        Assert.Equal(("running", 4, true), (status.Delta.RuntimeStatus, status.Delta.Rounds, status.Delta.HasDeltaLink));
    }

    [Fact]
    public async Task GetStatusAsync_WritebackDisabled_ShowsWhenAndByWhichRun()
    {
        var at = new DateTimeOffset(2026, 1, 1, 7, 0, 0, TimeSpan.Zero);
        _durable.Add(InstanceIds.WritebackSwitch, nameof(WritebackSwitchOrchestrator), OrchestrationRuntimeStatus.Completed,
            input: WritebackSwitch.Off(InstanceIds.DisableWriteback, "preview-1", at));

        var response = await new StatusHandler(_durable.Client.Object, _queues.Object, new AgentHeartbeats(_durable.Client.Object), NullLogger<StatusHandler>.Instance)
            .GetStatusAsync(CancellationToken.None);

        var json = ApiAssert.Json(response);
        Assert.False(json.GetProperty("writebackEnabled").GetBoolean());
        var writeback = json.GetProperty("writeback");
        Assert.Equal((at, InstanceIds.DisableWriteback, "preview-1"), (
            writeback.GetProperty("disabledAt").GetDateTimeOffset(),
            writeback.GetProperty("disabledByRun").GetString(),
            writeback.GetProperty("approvedPreviewId").GetString()));
    }

    [Fact]
    public async Task GetStatusAsync_CountsUnreadable_StillAnswersWithTheReason()
    {
        _queues.Setup(q => q.GetCountsAsync(QueueNames.Commands, It.IsAny<CancellationToken>())).ThrowsAsync(new UnauthorizedAccessException("Manage claim required"));

        var status = await GetStatusAsync();

        var commands = status.Queues.Single(q => q.Queue == QueueNames.Commands);
        Assert.Null(commands.Active);
        Assert.Contains("Manage claim required", commands.Error, StringComparison.Ordinal);
        Assert.Null(status.DeadLetters);
    }

    [Fact]
    public async Task GetStatusAsync_AgentReported_ShowsLastResult()
    {
        var at = new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);
        _durable.SetEntity<AgentHeartbeat>(AgentHealthEntity.Id, new AgentHeartbeat("dc1-agent", "c1", GroupId, "Applied", at));

        var status = await GetStatusAsync();

        Assert.Equal(("seen", "dc1-agent", at, GroupId), (status.Agent.State, status.Agent.AgentId, status.Agent.LastResultAt, status.Agent.LastGroupId));
    }

    [Fact]
    public async Task GetGroupAsync_Unknown_404NamingGroup()
    {
        var response = await new StatusHandler(_durable.Client.Object, _queues.Object, new AgentHeartbeats(_durable.Client.Object), NullLogger<StatusHandler>.Instance).GetGroupAsync(GroupId, CancellationToken.None);

        var error = ApiAssert.Error(response, 404, ErrorCodes.NotFound);
        Assert.Contains(GroupId, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetGroupAsync_BadId_400()
    {
        var response = await new StatusHandler(_durable.Client.Object, _queues.Object, new AgentHeartbeats(_durable.Client.Object), NullLogger<StatusHandler>.Instance).GetGroupAsync("x", CancellationToken.None);

        Assert.Equal("id", ApiAssert.Error(response, 400, ErrorCodes.InvalidArgument).Target);
    }

    [Fact]
    public async Task GetGroupAsync_WrittenBack_ReportsPhaseDnAndMembers()
    {
        _durable.Add("group-" + GroupId, nameof(GroupWritebackOrchestrator), OrchestrationRuntimeStatus.Running, new GroupStatus
        {
            GroupId = GroupId,
            Phase = GroupPhase.Idle,
            WrittenBack = true,
            DistinguishedName = "CN=Group_x,OU=Groups,DC=corp,DC=test",
            LastOutcome = "failed",
            LastError = $"Group {GroupId}: 1 command(s) failed",
            MembersWritten = 10,
            MembersSkipped = 2,
            Pass = 3,
        });

        var response = await new StatusHandler(_durable.Client.Object, _queues.Object, new AgentHeartbeats(_durable.Client.Object), NullLogger<StatusHandler>.Instance).GetGroupAsync(GroupId.ToUpperInvariant(), CancellationToken.None);

        var group = ApiAssert.Body(response, 200, ApiJsonContext.Default.GroupReport);
        Assert.Equal((GroupPhase.Idle, "CN=Group_x,OU=Groups,DC=corp,DC=test", 10, 2, "failed"), (group.Phase, group.DistinguishedName, group.MembersWritten, group.MembersSkipped, group.LastOutcome));
        Assert.Contains(GroupId, group.LastError, StringComparison.Ordinal);
        Assert.Equal("idle", ApiAssert.Json(response).GetProperty("phase").GetString(), StringComparer.OrdinalIgnoreCase);
    }

    private async Task<StatusReport> GetStatusAsync()
    {
        var handler = new StatusHandler(_durable.Client.Object, _queues.Object, new AgentHeartbeats(_durable.Client.Object), NullLogger<StatusHandler>.Instance);
        return ApiAssert.Body(await handler.GetStatusAsync(CancellationToken.None), 200, ApiJsonContext.Default.StatusReport);
    }
}
