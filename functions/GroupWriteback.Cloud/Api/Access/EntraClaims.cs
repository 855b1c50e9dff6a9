using System.Security.Claims;

namespace GroupWriteback.Cloud.Api.Access;

/// <summary>
/// The principal of a validated Entra access token: the object id (<c>oid</c>) as the id, the sign-in name
/// (<c>preferred_username</c>, <c>upn</c>, then <c>name</c>; an application's token has none, so "application
/// &lt;azp&gt;") as the name, and the <c>roles</c> claim's admin API roles.
/// </summary>
public static class EntraClaims
{
    /// <summary>The claim app roles arrive in.</summary>
    public const string Roles = "roles";

    /// <summary>Maps <paramref name="identity"/>; null when it has no object id (not an Entra token).</summary>
    public static AdminPrincipal? ToPrincipal(ClaimsIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var id = First(identity, "oid") ?? First(identity, "http://schemas.microsoft.com/identity/claims/objectidentifier");
        if (id is null)
        {
            return null;
        }

        var client = First(identity, "azp") ?? First(identity, "appid");
        var name = First(identity, "preferred_username") ?? First(identity, "upn") ?? First(identity, "name")
            ?? (client is null ? id : $"application {client}");
        var roles = identity.FindAll(Roles).Select(c => c.Value);
        return new AdminPrincipal(id, name, roles, AdminAuthentication.Entra);
    }

    private static string? First(ClaimsIdentity identity, string type) =>
        identity.FindFirst(type)?.Value is { Length: > 0 } value ? value : null;
}
