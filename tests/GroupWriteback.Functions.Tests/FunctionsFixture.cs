using GroupWriteback.Cloud.Api;
using GroupWriteback.Cloud.Configuration;
using GroupWriteback.Cloud.Graph;
using GroupWriteback.Cloud.Planning;
using GroupWriteback.Cloud.Tests.Api;
using GroupWriteback.Functions.Http;
using GroupWriteback.Transport;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace GroupWriteback.Functions.Tests;

/// <summary>The function classes over real library handlers, a fake Durable client and mocked Graph and queue.</summary>
internal sealed class FunctionsFixture
{
    public const string GroupId = "0f8fad5b-d9cb-469f-a165-70867728950e";

    public FunctionsFixture()
    {
        Queues.Setup(q => q.GetCountsAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string queue, CancellationToken _) => new QueueCounts(queue, 1, 0, 0));
        var scope = new GroupScopeEvaluator(Graph.Object, Options);
        Workflows = new WorkflowFunctions(
            new SyncHandler(NullLogger<SyncHandler>.Instance),
            new DisableWritebackHandler(NullLogger<DisableWritebackHandler>.Instance),
            new EnableWritebackHandler(TimeProvider.System, NullLogger<EnableWritebackHandler>.Instance),
            new ApprovalHandler(NullLogger<ApprovalHandler>.Instance),
            new GrantHandler(NullLogger<GrantHandler>.Instance),
            NullLogger<WorkflowFunctions>.Instance);
        Status = new StatusFunctions(
            new StatusHandler(Queues.Object, new AgentHeartbeats(), NullLogger<StatusHandler>.Instance),
            new PlanHandler(Graph.Object, scope, new WritebackPlanner(Options), TimeProvider.System),
            new HealthHandler(TimeProvider.System),
            NullLogger<StatusFunctions>.Instance);
    }

    public DurableFake Durable { get; } = new();

    public Mock<IGraphGroupReader> Graph { get; } = new();

    public Mock<IQueueStatusReader> Queues { get; } = new();

    public IOptions<WritebackScopeOptions> Options { get; } =
        Microsoft.Extensions.Options.Options.Create(new WritebackScopeOptions { DefaultTargetOu = "OU=Groups,DC=corp,DC=test", FanOut = 7 });

    public WorkflowFunctions Workflows { get; }

    public StatusFunctions Status { get; }

    public static HttpRequest Request(string? body = null, string? query = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Body = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(body ?? string.Empty));
        context.Request.QueryString = query is null ? QueryString.Empty : new QueryString(query);
        return context.Request;
    }

    /// <summary>The answer the function produced, and what it writes to the wire.</summary>
    public static async Task<(ApiResponse Response, int WrittenStatus, string WrittenBody)> WriteAsync(IActionResult result)
    {
        var response = Assert.IsType<ApiResponseResult>(result).Response;
        var http = new DefaultHttpContext();
        http.Response.Body = new MemoryStream();
        await result.ExecuteResultAsync(new ActionContext { HttpContext = http });
        http.Response.Body.Position = 0;
        return (response, http.Response.StatusCode, await new StreamReader(http.Response.Body).ReadToEndAsync());
    }
}
