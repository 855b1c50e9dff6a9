using GroupWriteback.Cloud.Api;
using Microsoft.Extensions.Logging.Abstractions;

namespace GroupWriteback.Cloud.Tests.Api;

public sealed class ApiExecutionTests
{
    [Fact]
    public async Task RunAsync_HandlerThrows_500WithoutStackTrace()
    {
        var response = await ApiExecution.RunAsync("GET /api/status", NullLogger.Instance, () => throw new InvalidOperationException("secret detail at Foo.Bar()"));

        var error = ApiAssert.Error(response, 500, ErrorCodes.InternalError);
        Assert.Contains("GET /api/status", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret detail", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Cancelled_StaysCancelled()
    {
        await Assert.ThrowsAsync<OperationCanceledException>(() =>
            ApiExecution.RunAsync("GET /api/status", NullLogger.Instance, () => throw new OperationCanceledException()));
    }

    [Fact]
    public async Task RunAsync_HandlerAnswers_PassesItThrough()
    {
        var answer = ApiResponse.Empty(204);

        Assert.Same(answer, await ApiExecution.RunAsync("x", NullLogger.Instance, () => Task.FromResult(answer)));
    }

    [Fact]
    public void Health_Get_200Healthy()
    {
        var report = ApiAssert.Body(new HealthHandler(TimeProvider.System).Get(), 200, ApiJsonContext.Default.HealthReport);

        Assert.Equal("healthy", report.Status);
        Assert.False(string.IsNullOrEmpty(report.Version));
    }

    [Theory]
    [InlineData(false, 502)]
    [InlineData(true, 503)]
    public async Task RunAsync_GraphRefused_AnswersWithGraphsReasonNamingTheRequest(bool transient, int status)
    {
        var failure = new GroupWriteback.Cloud.Graph.GraphRequestException("GET groups/g1", 403, transient, "Authorization_RequestDenied: Insufficient privileges to complete the operation.", null);

        var response = await ApiExecution.RunAsync("GET /api/plan", NullLogger.Instance, () => throw failure);

        var error = ApiAssert.Error(response, status, ErrorCodes.GraphRequestFailed);
        Assert.Contains("GET /api/plan: Graph request GET groups/g1 failed with HTTP 403", error.Message, StringComparison.Ordinal);
        Assert.Contains("Insufficient privileges", error.Message, StringComparison.Ordinal);
    }
}
