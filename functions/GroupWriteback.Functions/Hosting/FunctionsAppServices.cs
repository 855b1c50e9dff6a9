using GroupWriteback.Cloud.Api.Access;
using GroupWriteback.Cloud.Hosting;
using GroupWriteback.Functions.Auth;
using GroupWriteback.Functions.Audit;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GroupWriteback.Functions.Hosting;

/// <summary>Everything the Functions app registers, in one place.</summary>
internal static class FunctionsAppServices
{
    /// <summary>Who function-key callers of the admin API are, unless <c>AdminAuth:KeyName</c> says otherwise.</summary>
    public const string DefaultKeyName = "automation (function key)";

    /// <summary>
    /// Telemetry, the cloud library (<see cref="CloudServiceCollectionExtensions.AddGroupWritebackCloud"/>), the
    /// invocation's Durable Task client, which <see cref="UseDurableClient"/> fills from the host's binding, and admin
    /// API sign-in (<see cref="AddAdminSignIn"/>).
    /// </summary>
    public static IServiceCollection AddFunctionsApp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddWorkerTelemetry(configuration);
        services.AddTableAuditStore();
        services.AddGroupWritebackCloud(configuration);
        services.AddScoped<InvocationDurableClient>();
        services.AddScoped<DurableTaskClient>(sp => sp.GetRequiredService<InvocationDurableClient>().Client);
        services.AddAdminSignIn();
        return services;
    }

    /// <summary>
    /// Automation keys (<see cref="AutomationKeyOptions"/>, <c>AdminAuth:Keys</c>) and who presents them
    /// (<see cref="KeyCallerOptions"/>), and Entra ID bearer tokens (<see cref="EntraSignInOptions"/>), all validated at
    /// start, resolved per invocation into <see cref="InvocationPrincipal"/> by
    /// <see cref="UseAdminSignIn"/>. The tenant's metadata is read over HTTPS.
    /// </summary>
    public static IServiceCollection AddAdminSignIn(this IServiceCollection services)
    {
        services.AddOptions<AutomationKeyOptions>().BindConfiguration(AutomationKeyOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AutomationKeyOptions>, AutomationKeyOptionsValidator>();
        services.AddAdminSignIn(DefaultKeyName, sp => new AdminKeys(sp.GetRequiredService<IOptions<AutomationKeyOptions>>().Value.EffectiveKeys, AutomationKeyOptions.SettingName));
        services.AddScoped<InvocationPrincipal>();
        return services;
    }

    /// <summary>Adds <see cref="DurableClientMiddleware"/> to the worker's pipeline.</summary>
    public static IFunctionsWorkerApplicationBuilder UseDurableClient(this IFunctionsWorkerApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseMiddleware<DurableClientMiddleware>();
    }

    /// <summary>Adds <see cref="AdminPrincipalMiddleware"/>: each HTTP invocation learns its caller before it runs.</summary>
    public static IFunctionsWorkerApplicationBuilder UseAdminSignIn(this IFunctionsWorkerApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseMiddleware<AdminPrincipalMiddleware>();
    }
}
