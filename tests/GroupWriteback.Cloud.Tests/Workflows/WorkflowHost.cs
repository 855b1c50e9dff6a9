using System.Text.Json;
using GroupWriteback.Cloud.Configuration;
using GroupWriteback.Cloud.Graph;
using GroupWriteback.Cloud.Planning;
using GroupWriteback.Cloud.Results;
using GroupWriteback.Cloud.Tests.Hosting;
using GroupWriteback.InProcessDurable;
using GroupWriteback.Cloud.Workflows;
using GroupWriteback.Cloud.Workflows.Delta;
using GroupWriteback.Cloud.Workflows.FullSync;
using GroupWriteback.Cloud.Workflows.Group;
using GroupWriteback.Transport;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace GroupWriteback.Cloud.Tests.Workflows;

/// <summary>
/// The workflows running for real: the in-memory Durable Task sidecar, a worker with every task
/// registered through <see cref="WritebackTasks"/> and the services of <c>AddWritebackWorkflows</c>,
/// the Graph emulator as Graph (read through the real Graph SDK), the fake agent as the command queue,
/// and a loop draining the results queue through <see cref="ResultDispatcher"/>. Timers are short
/// (see <see cref="DefaultSettings"/>).
/// </summary>
internal sealed class WorkflowHost : IAsyncDisposable
{
    public const string TargetOu = "OU=Groups,DC=corp,DC=test";

    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(60);
    private readonly DurableSidecar _sidecar;
    private readonly IHost _host;
    private readonly EmulatorTenant _tenant;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _drain;

    private WorkflowHost(DurableSidecar sidecar, IHost host, EmulatorTenant tenant, FakeAgent agent, InMemoryResultQueue results)
    {
        this._sidecar = sidecar;
        this._host = host;
        this._tenant = tenant;
        Tenant = tenant;
        Agent = agent;
        Results = results;
        Client = host.Services.GetRequiredService<DurableTaskClient>();
        var dispatcher = ActivatorUtilities.CreateInstance<ResultDispatcher>(host.Services);
        _drain = Task.Run(() => DrainAsync(dispatcher, _stopping.Token));
    }

    public static IReadOnlyDictionary<string, string> DefaultSettings { get; } = new Dictionary<string, string>
    {
        ["Writeback:DefaultTargetOu"] = TargetOu,
        ["Writeback:ResultTimeout"] = "00:00:05",
        ["Writeback:MaxRequeues"] = "2",
        ["Writeback:FanOut"] = "50",
        ["Writeback:DebounceWindow"] = "00:00:00.200",
        ["Writeback:MaxDebounce"] = "00:00:02",
        ["Writeback:ApprovalTimeout"] = "00:05:00",
    };

    public DurableTaskClient Client { get; }

    public ITestTenant Tenant { get; }

    public FakeAgent Agent { get; }

    public InMemoryResultQueue Results { get; }

    public static async Task<WorkflowHost> StartAsync(
        ITestOutputHelper output, IReadOnlyDictionary<string, string>? settings = null, int graphPageSize = 100, Action<IServiceCollection>? services = null)
    {
        var logs = new TestOutputLoggerProvider(output);
        var tenant = await CreateTenantAsync(graphPageSize, logs);
        try
        {
            return await StartAsync(tenant, logs, settings, services);
        }
        catch
        {
            await tenant.DisposeAsync();
            throw;
        }
    }

    /// <summary>The one place the tests choose their Graph: the Graph emulator, read through the real Graph SDK.</summary>
    public static Task<EmulatorTenant> CreateTenantAsync(int pageSize, ILoggerProvider logs) => EmulatorTenant.StartAsync(pageSize, logs);

    /// <summary>Starts the delta orchestration on the tenant's current link, so the next signal reads only later changes.</summary>
    public async Task StartDeltaAsync()
    {
        var link = await Tenant.Reader.GetLatestDeltaLinkAsync(CancellationToken.None);
        await InstanceStarter.TryStartAsync(Client, nameof(DeltaOrchestrator), InstanceIds.Delta, new DeltaState { DeltaLink = link }, CancellationToken.None);
    }

    /// <summary>"One group now": starts or signals the group's orchestration as the admin API does.</summary>
    public Task<string> RequestPassAsync(GroupPassRequest request) =>
        GroupOrchestrations.EnsurePassAsync(Client, request, NullLogger.Instance, CancellationToken.None);

    /// <summary>
    /// Starts per-group orchestrations that already wrote their group back (as earlier passes would
    /// have), and waits until they are listed as written back.
    /// </summary>
    public async Task SeedWrittenBackAsync(IReadOnlyList<string> groupIds)
    {
        await Parallel.ForEachAsync(groupIds, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (groupId, ct) =>
        {
            var status = new GroupStatus { GroupId = groupId, Pass = 1, WrittenBack = true, LastOutcome = "succeeded", KnownMemberCount = 0 };
            await InstanceStarter.TryStartAsync(Client, nameof(GroupWritebackOrchestrator), InstanceIds.ForGroup(groupId), new GroupWritebackInput { Status = status }, ct);
        });
        await WaitForAsync(
            async () => await GroupOrchestrations.ListWrittenBackAsync(Client, CancellationToken.None),
            listed => listed.Count >= groupIds.Count,
            $"{groupIds.Count} written-back groups");
    }

    public Task SignalDeltaAsync() => DeltaControl.SignalAsync(Client, "test", CancellationToken.None);

    public Task<GroupStatus> WaitForGroupAsync(string groupId, Func<GroupStatus, bool> until, string what) =>
        WaitForAsync(() => GroupOrchestrations.GetStatusAsync(Client, groupId, CancellationToken.None), until, $"group {groupId}: {what}");

    public Task<DeltaState> WaitForDeltaAsync(Func<DeltaState, bool> until, string what) =>
        WaitForAsync(() => DeltaControl.GetStatusAsync(Client, CancellationToken.None), until, $"delta: {what}");

    public Task<FullSyncStatus> WaitForRunAsync(string instanceId, Func<FullSyncStatus, bool> until, string what) =>
        WaitForAsync(() => FullSyncControl.GetStatusAsync(Client, instanceId, CancellationToken.None), until, $"{instanceId}: {what}");

    /// <summary>Polls <paramref name="read"/> until <paramref name="until"/> holds; fails with the last value seen.</summary>
    public static async Task<T> WaitForAsync<T>(Func<Task<T?>> read, Func<T, bool> until, string what)
        where T : class
    {
        var deadline = DateTime.UtcNow + WaitLimit;
        T? last = null;
        while (DateTime.UtcNow < deadline)
        {
            last = await read();
            if (last is not null && until(last))
            {
                return last;
            }

            await Task.Delay(25);
        }

        Assert.Fail($"Timed out waiting for {what}; last seen: {JsonSerializer.Serialize(last)}");
        return last!;
    }

    /// <summary>Waits until <paramref name="condition"/> holds.</summary>
    public static Task UntilAsync(Func<bool> condition, string what) =>
        WaitForAsync(() => Task.FromResult<object?>(condition() ? new object() : null), _ => true, what);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _drain;
        await _host.StopAsync();
        _host.Dispose();
        await _tenant.DisposeAsync();
        await _sidecar.DisposeAsync();
        _stopping.Dispose();
    }

    private static async Task<WorkflowHost> StartAsync(
        EmulatorTenant tenant, ILoggerProvider logs, IReadOnlyDictionary<string, string>? settings, Action<IServiceCollection>? services = null)
    {
        var results = new InMemoryResultQueue();
        var agent = new FakeAgent(results);
        var sidecar = await DurableSidecar.StartAsync(concurrency: 200);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(DefaultSettings.Concat(settings ?? new Dictionary<string, string>())
            .GroupBy(s => s.Key).Select(g => new KeyValuePair<string, string?>(g.Key, g.Last().Value)));
        builder.Logging.AddProvider(logs);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Services.AddWritebackWorkflows();
        builder.Services.AddSingleton(tenant.Reader);
        builder.Services.AddSingleton<ICommandPublisher>(agent);
        builder.Services.AddSingleton<IResultSource>(results);
        builder.Services.AddDurableTaskWorker(worker =>
        {
            worker.UseGrpc(sidecar.Channel);
            worker.AddTasks(registry => WritebackTasks.Register(registry));
        });
        builder.Services.AddDurableTaskClient(client => client.UseGrpc(sidecar.Channel));
        services?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        return new WorkflowHost(sidecar, host, tenant, agent, results);
    }

    private static async Task DrainAsync(ResultDispatcher dispatcher, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await dispatcher.DrainOnceAsync(100, TimeSpan.FromMilliseconds(100), cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
