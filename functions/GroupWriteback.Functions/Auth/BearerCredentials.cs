using GroupWriteback.Cloud.Api.Access;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace GroupWriteback.Functions.Auth;

/// <summary>
/// Who an admin API request comes from. The triggers have function-level authorization, so the host has already
/// refused every request without a valid function key: a request that reaches the worker holds one. With an
/// <c>Authorization: Bearer</c> token the caller is the token's Entra principal (an invalid token is refused, never
/// downgraded to the key); without one it is the key principal of <see cref="KeyCallerOptions"/>. No other header
/// is read: in particular <c>X-MS-CLIENT-PRINCIPAL</c>, which App Service Authentication would set, is never trusted
/// (Flex Consumption does not run it, so a caller could write it).
/// </summary>
public sealed class BearerCredentials(EntraTokenValidator tokens, IOptions<KeyCallerOptions> keyCallers)
{
    private const string Scheme = "Bearer ";

    /// <summary>The principal of a request whose <c>Authorization</c> header is <paramref name="authorization"/>.</summary>
    public async Task<TokenCheck> ResolveAsync(StringValues authorization)
    {
        if (StringValues.IsNullOrEmpty(authorization))
        {
            return TokenCheck.Accepted(keyCallers.Value.KeyPrincipal());
        }

        if (authorization.Count > 1)
        {
            return TokenCheck.Refused("The request carries more than one Authorization header.");
        }

        var value = authorization.ToString();
        if (!value.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) || value.Length == Scheme.Length)
        {
            return TokenCheck.Refused("The Authorization header must be \"Bearer <access token>\" (an Entra ID access token for the admin API).");
        }

        return await tokens.ValidateAsync(value[Scheme.Length..].Trim());
    }
}
