namespace GroupWriteback.Functions.Auth;

/// <summary>
/// Entra ID sign-in to the admin API (section "AdminAuth:Entra"): the tenant and the app registration whose access
/// tokens the worker accepts. Both unset turns Entra sign-in off (automation keys only); one without the other fails the
/// start. <c>infra/scripts/create-admin-app.sh</c> creates the registration and prints the values.
/// </summary>
public sealed class EntraSignInOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "AdminAuth:Entra";

    /// <summary>The Entra tenant id (GUID) whose tokens are accepted.</summary>
    public string? TenantId { get; set; }

    /// <summary>The admin API's app registration (application id): the audience of its v2 access tokens.</summary>
    public string? ClientId { get; set; }

    /// <summary>Another accepted audience, e.g. the App ID URI <c>api://&lt;client id&gt;</c> (default).</summary>
    public string? Audience { get; set; }

    /// <summary>The sign-in authority's root (sovereign clouds differ).</summary>
    public Uri Instance { get; set; } = new("https://login.microsoftonline.com/");

    /// <summary>True when Entra sign-in is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(TenantId) || !string.IsNullOrWhiteSpace(ClientId);

    /// <summary>The tenant's OpenID Connect metadata (v2.0): its issuer and signing keys.</summary>
    public Uri MetadataAddress => new(Instance, $"{TenantId}/v2.0/.well-known/openid-configuration");

    /// <summary>The audiences a token may carry: the client id and the App ID URI.</summary>
    public IReadOnlyList<string> ValidAudiences =>
        [ClientId!, string.IsNullOrWhiteSpace(Audience) ? $"api://{ClientId}" : Audience];
}
