using GroupWriteback.Agent.Hosting;

namespace GroupWriteback.Agent.Tests.Hosting;

public sealed class SystemdWatchdogTests
{
    [Theory]
    [InlineData("60000000", 30_000)]
    [InlineData("1000", 0.5)]
    public void IntervalFor_WatchdogUsec_IsHalfOfIt(string usec, double expectedMilliseconds)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), SystemdWatchdog.IntervalFor(usec));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("soon")]
    public void IntervalFor_NoWatchdog_IsNull(string? usec)
    {
        Assert.Null(SystemdWatchdog.IntervalFor(usec));
    }
}
