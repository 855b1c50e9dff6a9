namespace GroupWriteback.Cloud.Api.Access;

/// <summary>
/// Entra ID sign-in to the admin API (section "AdminAuth:Entra"): the tenant and the app registration whose access
/// tokens the worker accepts. Both unset turns Entra sign-in off (automation keys only); one without the other fails the
/// start. <c>infra/scripts/create-admin-app.sh</c> creates the registration and prints the values. Both hosts read it:
/// the Functions app and the local host accept the tenant's tokens, and <c>GET /api/sign-in</c> tells the console
/// where to sign in.
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

    /// <summary>The delegated scope the console asks for (<c>create-admin-app.sh</c> defines it).</summary>
    public const string ScopeName = "Writeback.Access";

    /// <summary>
    /// The sign-in authority's root: <c>https://login.microsoftonline.com/</c>, another for sovereign clouds, or a local
    /// OpenID provider on loopback in tests (the only place plain http is accepted).
    /// </summary>
    public Uri Instance { get; set; } = new("https://login.microsoftonline.com/");

    /// <summary>True when Entra sign-in is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(TenantId) || !string.IsNullOrWhiteSpace(ClientId);

    /// <summary>The tenant's OpenID Connect metadata (v2.0): its issuer and signing keys.</summary>
    public Uri MetadataAddress => new($"{Authority}/.well-known/openid-configuration");

    /// <summary>The tenant's v2.0 authority (<c>&lt;instance&gt;&lt;tenant&gt;/v2.0</c>), where the console finds the OpenID metadata.</summary>
    public string Authority => $"{Instance.AbsoluteUri.TrimEnd('/')}/{TenantId}/v2.0";

    /// <summary>The scope the console asks for: <c>api://&lt;client id&gt;/Writeback.Access</c>.</summary>
    public string Scope => $"api://{ClientId}/{ScopeName}";

    /// <summary>True when <see cref="Instance"/> is a loopback address (a test's provider), whose metadata may be plain http.</summary>
    public bool LocalInstance => Instance.IsAbsoluteUri && Instance.IsLoopback;

    /// <summary>The audiences a token may carry: the client id and the App ID URI.</summary>
    public IReadOnlyList<string> ValidAudiences =>
        [ClientId!, string.IsNullOrWhiteSpace(Audience) ? $"api://{ClientId}" : Audience];
}
