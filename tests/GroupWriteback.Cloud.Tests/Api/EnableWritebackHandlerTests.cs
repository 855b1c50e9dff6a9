using GroupWriteback.Cloud.Api;
using GroupWriteback.Cloud.Api.Access;
using GroupWriteback.Cloud.Workflows;
using GroupWriteback.Cloud.Workflows.Disable;
using GroupWriteback.Cloud.Workflows.FullSync;
using GroupWriteback.Cloud.Workflows.Switch;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GroupWriteback.Cloud.Tests.Api;

public sealed class EnableWritebackHandlerTests
{
    private static readonly AdminPrincipal Operator = new("oid-operator", "operator@corp.test", [AdminRoles.Operate], AdminAuthentication.Entra);

    private static readonly DateTimeOffset DisabledAt = new(2026, 1, 1, 7, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = new(2026, 1, 2, 9, 30, 0, TimeSpan.Zero);
    private readonly DurableFake _durable = new();
    private readonly EnableWritebackHandler _handler;

    public EnableWritebackHandlerTests() => _handler = new(_durable.Client.Object, new FakeTimeProvider(Now), NullLogger<EnableWritebackHandler>.Instance);

    [Fact]
    public async Task EnableAsync_Disabled_202TurnsItOnAndStartsFullSync()
    {
        Disable();

        var response = await _handler.EnableAsync(Operator, CancellationToken.None);

        var accepted = ApiAssert.Body(response, 202, ApiJsonContext.Default.AcceptedOperation);
        Assert.Equal((InstanceIds.FullSync, "started"), (accepted.InstanceId, accepted.Status));
        var now = await WritebackSwitchControl.GetAsync(_durable.Client.Object, CancellationToken.None);
        Assert.Equal((true, Now, Operator.Name), (now.Enabled, now.EnabledAt, now.EnabledBy));
        Assert.Equal(
            [(nameof(WritebackSwitchOrchestrator), InstanceIds.WritebackSwitch), (nameof(FullSyncOrchestrator), InstanceIds.FullSync)],
            _durable.Scheduled.Select(s => (s.Name, s.InstanceId)));
        Assert.Equal("writebackEnabled", Assert.IsType<FullSyncInput>(_durable.Scheduled[1].Input).Reason);
    }

    [Fact]
    public async Task EnableAsync_NeverDisabled_409AndSchedulesNothing()
    {
        var response = await _handler.EnableAsync(Operator, CancellationToken.None);

        var error = ApiAssert.Error(response, 409, ErrorCodes.WritebackNotDisabled);
        Assert.Equal(InstanceIds.WritebackSwitch, error.Target);
        Assert.Empty(_durable.Scheduled);
    }

    [Fact]
    public async Task EnableAsync_DisableRunStillDeleting_409AndStaysDisabled()
    {
        Disable();
        _durable.Add(InstanceIds.DisableWriteback, nameof(DisableWritebackOrchestrator), OrchestrationRuntimeStatus.Running,
            new FullSyncStatus { Reason = DisableWritebackOrchestrator.DeleteReason, Phase = FullSyncPhase.Deleting });

        var response = await _handler.EnableAsync(Operator, CancellationToken.None);

        var error = ApiAssert.Error(response, 409, ErrorCodes.AlreadyRunning);
        Assert.Equal(InstanceIds.DisableWriteback, error.Target);
        Assert.Contains("Deleting", error.Message, StringComparison.Ordinal);
        Assert.False((await WritebackSwitchControl.GetAsync(_durable.Client.Object, CancellationToken.None)).Enabled);
        Assert.Empty(_durable.Scheduled);
    }

    [Fact]
    public async Task EnableAsync_FullSyncAlreadyRunning_EnablesAndSaysSo()
    {
        Disable();
        _durable.Add(InstanceIds.FullSync, nameof(FullSyncOrchestrator), OrchestrationRuntimeStatus.Running, new FullSyncStatus { Reason = "schedule" });

        var response = await _handler.EnableAsync(Operator, CancellationToken.None);

        var accepted = ApiAssert.Body(response, 202, ApiJsonContext.Default.AcceptedOperation);
        Assert.Equal("enabled", accepted.Status);
        Assert.Contains("POST /api/sync", accepted.Message, StringComparison.Ordinal);
        Assert.True((await WritebackSwitchControl.GetAsync(_durable.Client.Object, CancellationToken.None)).Enabled);
        Assert.Equal(nameof(WritebackSwitchOrchestrator), Assert.Single(_durable.Scheduled).Name);
    }

    private void Disable() =>
        _durable.Add(InstanceIds.WritebackSwitch, nameof(WritebackSwitchOrchestrator), OrchestrationRuntimeStatus.Completed,
            input: WritebackSwitch.Off(InstanceIds.DisableWriteback, "preview-1", DisabledAt), output: WritebackSwitch.Off(InstanceIds.DisableWriteback, "preview-1", DisabledAt));
}
