namespace GroupWriteback.Cloud.Api.Access;

/// <summary>
/// Answer of <c>GET /api/sign-in</c>: where the console signs people in (authorization code with PKCE), or that it
/// does not (<paramref name="Enabled"/> false: it asks for the host's key). Public values only: no secret is involved.
/// </summary>
/// <param name="Enabled">True when Entra sign-in is configured.</param>
/// <param name="Authority">The tenant's v2.0 authority; its OpenID metadata names the authorize and token endpoints.</param>
/// <param name="ClientId">The admin API's app registration, which the console signs in as (a SPA redirect URI).</param>
/// <param name="Scope">The delegated scope to ask for.</param>
public sealed record SignInReport(bool Enabled, string? Authority = null, string? ClientId = null, string? Scope = null);
