using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace GroupWriteback.Cloud.Api.Access;

/// <summary>
/// Who an admin API request comes from: the gate of both hosts (in Azure the admin triggers are anonymous for the
/// Functions host, so it is the only one). With an <c>Authorization</c> header the caller is its Entra ID token's
/// principal (<see cref="BearerCredentials"/>), and an invalid token is refused, never downgraded to a key. Without one,
/// the caller must present one of the host's keys (<see cref="AdminKeys"/>: <c>AdminAuth:Keys</c> in Azure,
/// <c>LocalHost:ApiKey</c> locally) in <c>x-functions-key</c> or <c>?code=</c>, where scripts pass a function key, and
/// is then the key principal of <see cref="KeyCallerOptions"/>. Nothing else is read: in particular
/// <c>X-MS-CLIENT-PRINCIPAL</c>, which App Service Authentication would set, is never trusted (Flex Consumption does
/// not run it, so a caller could write it).
/// </summary>
public sealed class AdminCredentials(BearerCredentials bearer, AdminKeys keys, IOptions<KeyCallerOptions> keyCallers)
{
    /// <summary>The header a key is passed in, as the Functions host reads function keys.</summary>
    public const string KeyHeader = "x-functions-key";

    /// <summary>The query parameter a key is passed in.</summary>
    public const string KeyQuery = "code";

    /// <summary>The principal of a request with <paramref name="authorization"/> and the key it presented (null: none).</summary>
    public async Task<TokenCheck> ResolveAsync(StringValues authorization, string? presentedKey)
    {
        if (!StringValues.IsNullOrEmpty(authorization))
        {
            return await bearer.ResolveAsync(authorization);
        }

        if (string.IsNullOrEmpty(presentedKey))
        {
            return TokenCheck.Refused(
                $"The admin API needs an Entra ID access token (Authorization: Bearer) or an automation key ({keys.Setting}) " +
                $"in the {KeyHeader} header or the {KeyQuery} query parameter.");
        }

        return keys.Matches(presentedKey)
            ? TokenCheck.Accepted(keyCallers.Value.KeyPrincipal())
            : TokenCheck.Refused($"The key presented in {KeyHeader} (or {KeyQuery}) is not one of the automation keys ({keys.Setting}).");
    }
}
