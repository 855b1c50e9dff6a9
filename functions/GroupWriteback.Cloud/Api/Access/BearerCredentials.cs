using Microsoft.Extensions.Primitives;

namespace GroupWriteback.Cloud.Api.Access;

/// <summary>
/// The Entra principal of a request's <c>Authorization</c> header: exactly one <c>Bearer &lt;token&gt;</c>, validated by
/// <see cref="EntraTokenValidator"/>. Anything else in the header is refused.
/// </summary>
public sealed class BearerCredentials(EntraTokenValidator tokens)
{
    private const string Scheme = "Bearer ";

    /// <summary>The principal of the non-empty <c>Authorization</c> header <paramref name="authorization"/>, or why it is refused.</summary>
    public async Task<TokenCheck> ResolveAsync(StringValues authorization)
    {
        if (StringValues.IsNullOrEmpty(authorization))
        {
            return TokenCheck.Refused("The request carries no Authorization header.");
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
