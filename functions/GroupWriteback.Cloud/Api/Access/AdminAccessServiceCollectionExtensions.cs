using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GroupWriteback.Cloud.Api.Access;

/// <summary>Registers who key callers are (<see cref="KeyCallerOptions"/>), validated at start.</summary>
public static class AdminAccessServiceCollectionExtensions
{
    /// <summary>
    /// Binds section "AdminAuth" over the host's <paramref name="defaultKeyName"/>; an unknown role in
    /// <c>AdminAuth:KeyRoles</c> fails the start naming the setting.
    /// </summary>
    public static IServiceCollection AddAdminAccess(this IServiceCollection services, string defaultKeyName)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(defaultKeyName);
        services.AddOptions<KeyCallerOptions>()
            .Configure(o => o.KeyName = defaultKeyName)
            .BindConfiguration(KeyCallerOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KeyCallerOptions>, KeyCallerOptionsValidator>());
        return services;
    }
}
