using GroupWriteback.Cloud.Api;

namespace GroupWriteback.Cloud.Tests.Api;

/// <summary>The full sync's rate and ETA in <c>GET /api/status</c>.</summary>
public sealed class WorkflowProgressTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Progress_Running_RateAndRemainingAtThatRate()
    {
        var (rate, eta) = WorkflowReports.Progress(done: 30, total: 90, Start, Start.AddSeconds(60), running: true);

        Assert.Equal(0.5, rate);
        Assert.Equal(Start.AddSeconds(60 + 120), eta);
    }

    [Fact]
    public void Progress_Completed_RateWithoutEta()
    {
        var (rate, eta) = WorkflowReports.Progress(done: 90, total: 90, Start, Start.AddSeconds(30), running: false);

        Assert.Equal(3.0, rate);
        Assert.Null(eta);
    }

    [Fact]
    public void Progress_NothingDoneYet_Neither()
    {
        Assert.Equal((null, null), WorkflowReports.Progress(done: 0, total: 90, Start, Start.AddSeconds(30), running: true));
    }
}
