using Microsoft.Extensions.Options;

namespace GroupWriteback.Cloud.Api.Access;

/// <summary><c>GET /api/sign-in</c> (anonymous): the console's sign-in configuration, from <see cref="EntraSignInOptions"/>.</summary>
public sealed class SignInHandler(IOptions<EntraSignInOptions> options)
{
    /// <summary>200 with the authority, client id and scope, or <c>enabled: false</c>.</summary>
    public ApiResponse Get()
    {
        var entra = options.Value;
        var report = entra.Enabled ? new SignInReport(true, entra.Authority, entra.ClientId, entra.Scope) : new SignInReport(false);
        return ApiResponse.Json(200, report, ApiJsonContext.Default.SignInReport);
    }
}
