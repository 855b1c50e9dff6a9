using GroupWriteback.Cloud.Planning;
using GroupWriteback.Cloud.Workflows;
using GroupWriteback.Cloud.Workflows.Approvals;
using GroupWriteback.Cloud.Workflows.Delta;
using GroupWriteback.Cloud.Workflows.Group;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace GroupWriteback.Cloud.Tests.Workflows;

/// <summary>Orchestration logic against a mocked context, where a real task hub adds nothing.</summary>
public sealed class OrchestrationLogicTests
{
    private static readonly DateTime Now = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DeletePreview Preview = new() { Id = "p1", Kind = "groups", Count = 600, Threshold = 500 };
    private readonly Mock<TaskOrchestrationContext> _context = new();

    public OrchestrationLogicTests()
    {
        _context.SetupGet(c => c.CurrentUtcDateTime).Returns(Now);
        _context.SetupGet(c => c.InstanceId).Returns("delta");
    }

    [Fact]
    public async Task AwaitDecisionAsync_DecisionOnAnotherPreviewThenThisOne_IgnoresTheFirst()
    {
        // Arrange
        _context.SetupSequence(c => c.WaitForExternalEvent<ApprovalDecision?>(EventNames.DeletesApproved, It.IsAny<CancellationToken>()))
            .Returns(Task.FromResult<ApprovalDecision?>(new ApprovalDecision("stale")))
            .Returns(Task.FromResult<ApprovalDecision?>(new ApprovalDecision("p1", "ops@corp.test", "planned", "oid-1")));
        _context.Setup(c => c.WaitForExternalEvent<ApprovalDecision?>(EventNames.DeletesRejected, It.IsAny<CancellationToken>())).Returns(Pending<ApprovalDecision?>());
        _context.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>())).Returns(Pending<object>());

        // Act
        var outcome = await DeleteGuard.AwaitDecisionAsync(_context.Object, Preview, TimeSpan.FromDays(7), NullLogger.Instance);

        // Assert
        Assert.Equal(new ApprovalRecord(ApprovalOutcome.Approved, "p1", "ops@corp.test", "oid-1", "planned", Now), outcome);
        _context.Verify(c => c.WaitForExternalEvent<ApprovalDecision?>(EventNames.DeletesApproved, It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task AwaitDecisionAsync_TimerFiresFirst_TimesOutAtTheDeadline()
    {
        // Arrange
        _context.Setup(c => c.WaitForExternalEvent<ApprovalDecision?>(It.IsAny<string>(), It.IsAny<CancellationToken>())).Returns(Pending<ApprovalDecision?>());
        _context.Setup(c => c.CreateTimer(Now.AddHours(1), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);

        // Act
        var outcome = await DeleteGuard.AwaitDecisionAsync(_context.Object, Preview, TimeSpan.FromHours(1), NullLogger.Instance);

        // Assert
        Assert.Equal((ApprovalOutcome.TimedOut, null), (outcome.Outcome, outcome.By));
    }

    [Fact]
    public async Task AwaitDecisionAsync_Rejected_ReturnsRejectedAndCancelsTheOtherWaits()
    {
        // Arrange
        var tokens = new List<CancellationToken>();
        _context.Setup(c => c.WaitForExternalEvent<ApprovalDecision?>(EventNames.DeletesApproved, Capture(tokens))).Returns(Pending<ApprovalDecision?>());
        _context.Setup(c => c.WaitForExternalEvent<ApprovalDecision?>(EventNames.DeletesRejected, It.IsAny<CancellationToken>()))
            .Returns(Task.FromResult<ApprovalDecision?>(new ApprovalDecision("p1")));
        _context.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), Capture(tokens))).Returns(Pending<object>());

        // Act
        var outcome = await DeleteGuard.AwaitDecisionAsync(_context.Object, Preview, TimeSpan.FromHours(1), NullLogger.Instance);

        // Assert
        Assert.Equal(ApprovalOutcome.Rejected, outcome.Outcome);
        Assert.Equal(2, tokens.Count);
        Assert.All(tokens, t => Assert.True(t.IsCancellationRequested));
    }

    [Fact]
    public void TakeAll_TwoBufferedEvents_ReturnsThemAndCancelsTheProbe()
    {
        // Arrange
        var tokens = new List<CancellationToken>();
        _context.SetupSequence(c => c.WaitForExternalEvent<DeltaSignal?>(EventNames.DeltaRequested, Capture(tokens)))
            .Returns(Task.FromResult<DeltaSignal?>(new DeltaSignal("timer")))
            .Returns(Task.FromResult<DeltaSignal?>(new DeltaSignal("notification")))
            .Returns(Pending<DeltaSignal?>());

        // Act
        var taken = BufferedEvents.TakeAll<DeltaSignal?>(_context.Object, EventNames.DeltaRequested);

        // Assert
        Assert.Equal(["timer", "notification"], taken.Select(s => s!.Source));
        Assert.True(tokens[^1].IsCancellationRequested);
    }

    [Fact]
    public async Task FanOutAsync_MoreGroupsThanTheBound_StartsAtMostTheBoundAtOnce()
    {
        // Arrange
        var inFlight = new List<TaskCompletionSource<string>>();
        var maxInFlight = 0;
        _context.Setup(c => c.CallActivityAsync<string>(It.Is<TaskName>(n => n.Name == nameof(EnsureGroupPassActivity)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Returns(() =>
            {
                var started = new TaskCompletionSource<string>();
                inFlight.Add(started);
                maxInFlight = Math.Max(maxInFlight, inFlight.Count(t => !t.Task.IsCompleted));
                return started.Task;
            });
        var requests = Enumerable.Range(0, 7).Select(i => new GroupPassRequest { GroupId = $"g{i}" }).ToList();

        // Act
        var fanOut = DeltaOrchestrator.FanOutAsync(_context.Object, requests, fanOut: 3);
        while (!fanOut.IsCompleted)
        {
            inFlight.Where(t => !t.Task.IsCompleted).ToList().ForEach(t => t.SetResult(EnsureGroupPassActivity.Started));
            await Task.Yield();
        }

        await fanOut;

        // Assert
        Assert.Equal((7, 3), (inFlight.Count, maxInFlight));
    }

    private static Task<T> Pending<T>() => new TaskCompletionSource<T>().Task;

    private static CancellationToken Capture(List<CancellationToken> tokens) => Match.Create<CancellationToken>(t =>
    {
        tokens.Add(t);
        return true;
    });
}
