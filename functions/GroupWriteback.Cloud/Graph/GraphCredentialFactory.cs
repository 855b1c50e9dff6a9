using Azure.Core;
using Azure.Identity;

namespace GroupWriteback.Cloud.Graph;

/// <summary>Chooses the credential the validated <see cref="GraphOptions"/> describe.</summary>
internal static class GraphCredentialFactory
{
    public static TokenCredential Create(GraphOptions options)
    {
        if (options.UseEmulatorCredential)
        {
            return new StaticTokenCredential();
        }

        if (options.ManagedIdentity)
        {
            return string.IsNullOrWhiteSpace(options.ClientId)
                ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
                : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ClientId));
        }

        return new ClientSecretCredential(options.TenantId, options.ClientId, options.ClientSecret);
    }

    /// <summary>The app-only scope of the Graph cloud the service root belongs to (national clouds differ by host).</summary>
    public static string ScopeFor(Uri baseUrl) => $"{baseUrl.Scheme}://{baseUrl.Authority}/.default";
}
