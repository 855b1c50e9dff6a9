using System.Reflection;
using GroupWriteback.Cloud.Api;
using GroupWriteback.Cloud.Api.Access;
using GroupWriteback.Cloud.Telemetry;
using GroupWriteback.Cloud.Tests.Api;
using GroupWriteback.Cloud.Workflows;
using GroupWriteback.Functions.Hosting;
using GroupWriteback.Functions.Timers;
using GroupWriteback.Transport.Embedded;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GroupWriteback.Functions.Tests.Hosting;

/// <summary>
/// The Functions app's container as the host builds it, and every entry point (HTTP trigger, timer, activity wrapper)
/// resolving what it uses in an invocation's scope, with the Durable client present only where the function declares
/// <c>[DurableClient]</c>, as <see cref="DurableClientMiddleware"/> provides it.
/// </summary>
public sealed class FunctionsAppServicesTests
{
    private static readonly (string Key, string Value)[] Settings =
    [
        ("Writeback:DefaultTargetOu", "OU=Groups,DC=corp,DC=test"),
        ("EmbeddedQueue:Path", Path.Combine(Path.GetTempPath(), "gw-functions-test.db")),
        ("Graph:TenantId", "00000000-0000-0000-0000-0000000000aa"),
        ("Graph:ClientId", "00000000-0000-0000-0000-0000000000bb"),
        ("Graph:ClientSecret", "not-a-real-secret"),
        ("Audit:TableServiceUri", "https://stexample.table.core.windows.net/"),
        ("AdminAuth:Keys", "automation-key-0123456789"),
    ];

    private readonly DurableFake _durable = new();

    [Fact]
    public async Task AddFunctionsApp_EveryRegistration_ResolvesInAnInvocationScope()
    {
        var services = Services(Settings);
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Validate(provider);
        await using var scope = Invocation(provider, bindsClient: true);

        Assert.Empty(ServiceProbe.Unresolved(scope.ServiceProvider, services));
        // The transport's publisher, inside the one that traces publications and stamps their trace context.
        Assert.IsType<EmbeddedCommandPublisher>(Assert.IsType<TracedCommandPublisher>(scope.ServiceProvider.GetRequiredService<Transport.ICommandPublisher>()).Inner);
    }

    [Fact]
    public async Task HttpTriggers_EveryRoute_ResolvesItsHandler()
    {
        await using var provider = Services(Settings).BuildServiceProvider();
        // GET /api/me answers from the principal alone and asks for no service.
        foreach (var route in AdminRoutes.All.Where(r => r.Name != "Me"))
        {
            await using var scope = Invocation(provider, FunctionWrappers.BindsDurableClient(FunctionWrappers.Named(route.Name)));
            var request = new ApiRequest(route.RouteValues([.. route.Parameters.Select(_ => "x")]), null, Stream.Null, CancellationToken.None)
            {
                Principal = new AdminPrincipal("oid-test", "test", AdminRoles.All, AdminAuthentication.Entra),
            };

            var asked = await ServiceProbe.AskedByAsync(scope.ServiceProvider, s => route.Endpoint(s, request));

            Assert.All(asked, a => Assert.True(a.Service is not null, $"{route.Name}: {a}"));
        }
    }

    [Fact]
    public async Task Timers_EveryTimer_ResolvesWhatItRuns()
    {
        await using var provider = Services(Settings).BuildServiceProvider();
        var timers = typeof(ScheduledFunctions).GetMethods().Where(m => m.GetCustomAttributes(typeof(FunctionAttribute), false).Length > 0).ToList();
        Assert.Equal(4, timers.Count);
        foreach (var timer in timers)
        {
            await using var scope = Invocation(provider, FunctionWrappers.BindsDurableClient(timer));
            object?[] arguments = [.. timer.GetParameters().Select(p => p.ParameterType == typeof(CancellationToken) ? (object?)CancellationToken.None : null)];

            var asked = await ServiceProbe.AskedByAsync(scope.ServiceProvider, s =>
                (Task)timer.Invoke(new ScheduledFunctions(s), BindingFlags.DoNotWrapExceptions, null, arguments, null)!);

            Assert.All(asked, a => Assert.True(a.Service is not null, $"{timer.Name}: {a}"));
        }
    }

    [Fact]
    public async Task ActivityTriggers_EveryActivity_IsCreatedFromTheInvocationsServices()
    {
        await using var provider = Services(Settings).BuildServiceProvider();
        foreach (var activity in WritebackTasks.Activities)
        {
            await using var scope = Invocation(provider, FunctionWrappers.BindsDurableClient(FunctionWrappers.Named(activity.Name)));

            var created = Record.Exception(() => ActivatorUtilities.GetServiceOrCreateInstance(scope.ServiceProvider, activity));

            Assert.True(created is null, $"{activity.Name}: {created?.Message}");
        }
    }

    [Fact]
    public async Task AddFunctionsApp_MissingSettings_FailsNamingThem()
    {
        await using var provider = Services(("Graph:NotificationUrl", "http://gw.example.net/api/graph/notifications")).BuildServiceProvider();

        var error = Assert.Throws<AggregateException>(() => Validate(provider));

        var failures = string.Join("\n", error.InnerExceptions.OfType<OptionsValidationException>().SelectMany(e => e.Failures));
        Assert.Contains("EmbeddedQueue:Path", failures, StringComparison.Ordinal);
        Assert.Contains("Graph:NotificationUrl must be an absolute https URL", failures, StringComparison.Ordinal);
        Assert.Contains("Graph:ClientState", failures, StringComparison.Ordinal);
        Assert.Contains("Writeback:DefaultTargetOu", failures, StringComparison.Ordinal);
        Assert.Contains("Audit:TableServiceUri", failures, StringComparison.Ordinal);
        Assert.Single(error.InnerExceptions.OfType<OptionsValidationException>(), e => e.OptionsType == typeof(EmbeddedQueueOptions));
        Assert.Equal(1, failures.Split('\n').Count(f => f.StartsWith("EmbeddedQueue:Path is required", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AddFunctionsApp_HalfAnEntraSignInOrAnUnknownKeyRole_FailsAtStartNamingTheSettings()
    {
        await using var provider = Services([.. Settings, ("AdminAuth:Entra:TenantId", "00000000-0000-0000-0000-0000000000aa"), ("AdminAuth:KeyRoles", "Writeback.Admin")])
            .BuildServiceProvider();

        var error = Assert.ThrowsAny<Exception>(() => Validate(provider));

        var failures = string.Join("\n", Failures(error));
        Assert.Contains("AdminAuth:Entra:ClientId", failures, StringComparison.Ordinal);
        Assert.Contains("AdminAuth:KeyRoles names unknown role(s) Writeback.Admin", failures, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddFunctionsApp_AShortAutomationKey_FailsAtStartNamingTheSetting()
    {
        await using var provider = Services([.. Settings.Where(s => s.Key != "AdminAuth:Keys"), ("AdminAuth:Keys", "automation-key-0123456789,too-short")])
            .BuildServiceProvider();

        var error = Assert.ThrowsAny<Exception>(() => Validate(provider));

        var failures = string.Join("\n", Failures(error));
        Assert.Contains("AdminAuth:Keys holds 1 key(s) shorter than 16 characters", failures, StringComparison.Ordinal);
        Assert.DoesNotContain("too-short", failures, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Failures(Exception error) => error switch
    {
        OptionsValidationException options => options.Failures,
        AggregateException all => all.InnerExceptions.SelectMany(Failures),
        _ => [],
    };

    private static ServiceCollection Services(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddFunctionsApp(configuration);
        return services;
    }

    /// <summary>An invocation's scope; the client is there only when the function declares the binding.</summary>
    private AsyncServiceScope Invocation(ServiceProvider provider, bool bindsClient)
    {
        var scope = provider.CreateAsyncScope();
        if (bindsClient)
        {
            scope.ServiceProvider.GetRequiredService<InvocationDurableClient>().Client = _durable.Client.Object;
        }

        return scope;
    }

    private static void Validate(IServiceProvider provider)
    {
        foreach (var validator in provider.GetServices<IStartupValidator>())
        {
            validator.Validate();
        }
    }
}
