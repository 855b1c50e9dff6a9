using GroupWriteback.Cloud.Configuration;
using GroupWriteback.Cloud.Planning;
using GroupWriteback.Cloud.Workflows;
using GroupWriteback.Cloud.Workflows.Approvals;
using GroupWriteback.Cloud.Workflows.Delta;
using GroupWriteback.Cloud.Workflows.Disable;
using GroupWriteback.Cloud.Workflows.FullSync;
using GroupWriteback.Cloud.Workflows.Grant;
using GroupWriteback.Cloud.Workflows.Group;
using GroupWriteback.Cloud.Workflows.Switch;
using GroupWriteback.Contracts;
using GroupWriteback.Contracts.Commands;
using GroupWriteback.Contracts.Results;
using GroupWriteback.Functions.Durable;
using Microsoft.DurableTask;
using Moq;

// The mocked calls name activities of the cloud library; the analyzer looks for them in this compilation only.
#pragma warning disable DURABLE2003

namespace GroupWriteback.Functions.Tests.Durable;

public sealed class OrchestratorFunctionsTests
{
    private static readonly WorkflowLimits Limits = new() { DebounceWindow = TimeSpan.Zero, ResultTimeout = TimeSpan.FromMinutes(1), MaxRequeues = 0 };
    // CallBase: the context's own helpers (timeouts, replay-safe loggers) run over the mocked primitives.
    private readonly Mock<TaskOrchestrationContext> _context = new() { DefaultValue = DefaultValue.Mock, CallBase = true };

    public OrchestratorFunctionsTests()
    {
        _context.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>())).Returns(new TaskCompletionSource().Task);
        _context.SetupGet(c => c.CurrentUtcDateTime).Returns(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        Activity(nameof(GetWorkflowLimitsActivity), Limits);

        // No event is buffered unless a test says so (a mocked default would be an endless stream of them).
        Pending<GroupPassRequest>();
        Pending<GroupPassCompleted>();
        Pending<WritebackResult>();
        Pending<DeltaSignal?>();
        Pending<ApprovalDecision?>();
        Pending<string>();
    }

    private void Pending<T>() =>
        _context.Setup(c => c.WaitForExternalEvent<T>(It.IsAny<string>(), It.IsAny<CancellationToken>())).Returns(new TaskCompletionSource<T>().Task);

    [Fact]
    public async Task Delta_FirstSignal_StartsFullSyncAndStoresLatestLink()
    {
        _context.Setup(c => c.GetInput<DeltaState?>()).Returns((DeltaState?)null);
        // One signal starts the round; none is buffered when it ends.
        _context.SetupSequence(c => c.WaitForExternalEvent<DeltaSignal?>(EventNames.DeltaRequested, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new DeltaSignal("timer"))
            .Returns(new TaskCompletionSource<DeltaSignal?>().Task);
        Activity(nameof(StartFullSyncActivity), true);
        Activity(nameof(GetLatestDeltaLinkActivity), "https://graph/delta?token=latest");

        var state = await OrchestratorFunctions.Delta(_context.Object);

        Assert.Equal(("https://graph/delta?token=latest", 1), (state.DeltaLink, state.Rebases));
        _context.Verify(c => c.CallActivityAsync<bool>(nameof(StartFullSyncActivity), "initialRound", It.IsAny<TaskOptions?>()), Times.Once);
        _context.Verify(c => c.ContinueAsNew(It.Is<DeltaState>(s => s.DeltaLink == state.DeltaLink), true), Times.Once);
    }

    [Fact]
    public async Task FullSync_NothingInScope_CompletesWithoutDeletes()
    {
        _context.Setup(c => c.GetInput<FullSyncInput>()).Returns(new FullSyncInput("admin"));
        Activity(nameof(ListGroupsInScopeActivity), new GroupIdPage([], null));
        Activity<IReadOnlyList<string>>(nameof(FindWrittenBackGroupsActivity), []);

        var status = await OrchestratorFunctions.FullSync(_context.Object);

        Assert.Equal((FullSyncPhase.Completed, 0, "notNeeded", "admin"), (status.Phase, status.Total, status.DeleteDecision, status.Reason));
    }

    [Fact]
    public async Task GroupWriteback_OutOfScope_EndsNotWrittenBack()
    {
        _context.SetupGet(c => c.InstanceId).Returns("group-g");
        _context.Setup(c => c.GetInput<GroupWritebackInput>()).Returns(new GroupWritebackInput
        {
            Status = new GroupStatus { GroupId = "g" },
            Request = new GroupPassRequest { GroupId = "g" },
        });
        Activity(nameof(PlanGroupActivity), new GroupPlan { Action = PlanAction.Skip, Reason = "notSelected", Limits = Limits });

        var status = await OrchestratorFunctions.GroupWriteback(_context.Object);

        Assert.Equal((GroupPhase.NotWrittenBack, "skipped", "notSelected"), (status.Phase, status.LastOutcome, status.SkipReason));
        _context.Verify(c => c.ContinueAsNew(It.IsAny<object?>(), It.IsAny<bool>()), Times.Never);
    }

    [Fact]
    public async Task DisableWriteback_NothingWrittenBack_CompletesWithoutApproval()
    {
        _context.Setup(c => c.GetInput<FullSyncInput>()).Returns(new FullSyncInput(DisableWritebackOrchestrator.DeleteReason));
        Activity<IReadOnlyList<string>>(nameof(FindWrittenBackGroupsActivity), []);

        var status = await OrchestratorFunctions.DisableWriteback(_context.Object);

        Assert.Equal((FullSyncPhase.Completed, "writebackDisabled", "notNeeded"), (status.Phase, status.Reason, status.DeleteDecision));
    }

    [Fact]
    public async Task DisableWriteback_NothingWrittenBack_TurnsWritebackOffAnyway()
    {
        _context.SetupGet(c => c.InstanceId).Returns(InstanceIds.DisableWriteback);
        _context.Setup(c => c.GetInput<FullSyncInput>()).Returns(new FullSyncInput(DisableWritebackOrchestrator.DeleteReason));
        Activity<IReadOnlyList<string>>(nameof(FindWrittenBackGroupsActivity), []);

        await OrchestratorFunctions.DisableWriteback(_context.Object);

        _context.Verify(c => c.CallActivityAsync<bool>(
            nameof(SetWritebackSwitchActivity),
            It.Is<WritebackSwitch>(w => !w.Enabled && w.DisabledByRun == InstanceIds.DisableWriteback && w.ApprovedPreviewId == null),
            It.IsAny<TaskOptions?>()), Times.Once);
    }

    [Fact]
    public async Task WritebackSwitch_Input_CompletesWithItAsOutputAndStatus()
    {
        var off = WritebackSwitch.Off(InstanceIds.DisableWriteback, "preview-1", DateTimeOffset.UnixEpoch);
        _context.Setup(c => c.GetInput<WritebackSwitch?>()).Returns(off);

        var output = await OrchestratorFunctions.WritebackSwitch(_context.Object);

        Assert.Equal(off, output);
        _context.Verify(c => c.SetCustomStatus(off), Times.Once);
    }

    [Fact]
    public async Task GrantPermissions_AgentApplied_Succeeded()
    {
        _context.SetupGet(c => c.InstanceId).Returns("grant-1");
        _context.Setup(c => c.GetInput<GrantRequest>()).Returns(new GrantRequest { Account = "S-1-5-21-1", Scope = GrantScope.DomainRoots });
        Activity(nameof(PublishCommandsActivity), 1);
        var commandId = CommandIds.For("grant-1", 0, CommandKinds.GrantPermissions);
        _context.Setup(c => c.WaitForExternalEvent<WritebackResult>(EventNames.CommandResult, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new WritebackResult { CommandId = commandId, CommandKind = CommandKinds.GrantPermissions, GroupId = CommandKinds.GrantSessionId, Outcome = ResultOutcome.Applied, AgentId = "dc1" });

        var outcome = await OrchestratorFunctions.GrantPermissions(_context.Object);

        Assert.Equal(("succeeded", "dc1"), (outcome.Outcome, outcome.AgentId));
        _context.Verify(c => c.CallActivityAsync<int>(nameof(PublishCommandsActivity), It.Is<IReadOnlyList<WritebackCommand>>(l => l.Single().CommandId == commandId), It.IsAny<TaskOptions?>()));
    }

    private void Activity<T>(string name, T result) =>
        _context.Setup(c => c.CallActivityAsync<T>(name, It.IsAny<object?>(), It.IsAny<TaskOptions?>())).ReturnsAsync(result);
}
