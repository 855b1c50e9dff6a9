using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;

namespace GroupWriteback.Cloud.Api.Access;

/// <summary>The admin API's gate as both hosts register it: Entra ID bearer tokens, the host's keys, and the key callers.</summary>
public static class AdminSignInServiceCollectionExtensions
{
    /// <summary>
    /// Key callers (<see cref="AdminAccessServiceCollectionExtensions.AddAdminAccess"/>), Entra sign-in
    /// (<see cref="EntraSignInOptions"/>, section <c>AdminAuth:Entra</c>, validated at start), the host's keys from
    /// <paramref name="keys"/>, and <see cref="AdminCredentials"/> over them. The tenant's metadata is read over HTTPS
    /// (plain http only from a loopback <see cref="EntraSignInOptions.Instance"/>, a test's provider).
    /// </summary>
    public static IServiceCollection AddAdminSignIn(this IServiceCollection services, string defaultKeyName, Func<IServiceProvider, AdminKeys> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        services.AddAdminAccess(defaultKeyName);
        services.AddOptions<EntraSignInOptions>().BindConfiguration(EntraSignInOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EntraSignInOptions>, EntraSignInOptionsValidator>());
        services.TryAddSingleton<IDocumentRetriever>(sp =>
            new HttpDocumentRetriever { RequireHttps = !sp.GetRequiredService<IOptions<EntraSignInOptions>>().Value.LocalInstance });
        services.TryAddSingleton(keys);
        services.TryAddSingleton<EntraTokenValidator>();
        services.TryAddSingleton<BearerCredentials>();
        services.TryAddSingleton<AdminCredentials>();
        services.TryAddSingleton<SignInHandler>();
        return services;
    }
}
