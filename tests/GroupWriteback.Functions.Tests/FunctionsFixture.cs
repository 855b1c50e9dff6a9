using GroupWriteback.Cloud.AdminConsole;
using GroupWriteback.Cloud.Agents;
using GroupWriteback.Cloud.Api;
using GroupWriteback.Cloud.Api.Access;
using GroupWriteback.Cloud.Configuration;
using GroupWriteback.Cloud.Graph;
using GroupWriteback.Cloud.Graph.Notifications;
using GroupWriteback.Cloud.Planning;
using GroupWriteback.Cloud.Tests.Api;
using GroupWriteback.Functions.Auth;
using GroupWriteback.Functions.Http;
using GroupWriteback.Transport;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace GroupWriteback.Functions.Tests;

/// <summary>The function classes over real library handlers, a fake Durable client and mocked Graph and queue, resolved as an invocation resolves them.</summary>
internal sealed class FunctionsFixture
{
    public const string GroupId = "0f8fad5b-d9cb-469f-a165-70867728950e";

    public FunctionsFixture()
    {
        Queues.Setup(q => q.GetCountsAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string queue, CancellationToken _) => new QueueCounts(queue, 1, 0, 0));
        Services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(Durable.Client.Object)
            .AddSingleton(Graph.Object)
            .AddSingleton(Queues.Object)
            .AddSingleton(Options)
            .AddSingleton(Microsoft.Extensions.Options.Options.Create(GraphSettings))
            .AddSingleton(TimeProvider.System)
            .AddSingleton(Repair.Object)
            .AddSingleton<GroupScopeEvaluator>()
            .AddSingleton<WritebackPlanner>()
            .AddScoped<IAgentHealthStore, AgentHeartbeats>()
            .AddScoped<IDeltaSignal, DeltaWorkflowSignal>()
            .AddScoped<GraphNotificationHandler>()
            .AddScoped<SyncHandler>()
            .AddScoped<DisableWritebackHandler>()
            .AddScoped<EnableWritebackHandler>()
            .AddScoped<ApprovalHandler>()
            .AddScoped<GrantHandler>()
            .AddScoped<StatusHandler>()
            .AddScoped<PlanHandler>()
            .AddScoped<HealthHandler>()
            .AddSingleton(Caller)
            .AddSingleton<ConsoleFiles>()
            .BuildServiceProvider();
        Api = new AdminApiFunctions(Services, NullLogger<AdminApiFunctions>.Instance);
    }

    /// <summary>The invocation's caller as the sign-in middleware leaves it: a function-key caller with every role, unless a test changes it.</summary>
    public InvocationPrincipal Caller { get; } = new() { Principal = new KeyCallerOptions { KeyName = "automation (function key)" }.KeyPrincipal() };

    /// <summary>What the invocation's scope holds in the Functions host: the library's handlers over the bound client.</summary>
    public ServiceProvider Services { get; }

    public GraphOptions GraphSettings { get; } = new() { ClientState = "state-secret" };

    public Mock<ISubscriptionRepair> Repair { get; } = new();

    public DurableFake Durable { get; } = new();

    public Mock<IGraphGroupReader> Graph { get; } = new();

    public Mock<IQueueStatusReader> Queues { get; } = new();

    public IOptions<WritebackScopeOptions> Options { get; } =
        Microsoft.Extensions.Options.Options.Create(new WritebackScopeOptions { DefaultTargetOu = "OU=Groups,DC=corp,DC=test", FanOut = 7 });

    public AdminApiFunctions Api { get; }

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
