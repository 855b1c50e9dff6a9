using GroupWriteback.Cloud.Api;
using GroupWriteback.Cloud.Api.Access;
using Microsoft.AspNetCore.Http;

namespace GroupWriteback.LocalHost.Api;

/// <summary>
/// The local host's gate, the same as the Functions app's (<see cref="AdminCredentials"/>): an Entra ID access token
/// in <c>Authorization: Bearer</c> when <c>AdminAuth:Entra:*</c> is set (an invalid one is refused, never downgraded),
/// or else the admin key (<c>LocalHost:ApiKey</c>) in the <c>x-functions-key</c> header or the <c>code</c> query
/// parameter, compared in constant time. No credential, a wrong key or a refused token gets 401 in the API's error
/// shape; otherwise the principal is left for <see cref="AdminApiEndpoints"/>.
/// </summary>
internal sealed class ApiKeyFilter(AdminCredentials credentials) : IEndpointFilter
{
    public const string HeaderName = AdminCredentials.KeyHeader;

    /// <summary>Where the filter leaves the principal for <see cref="AdminApiEndpoints"/>.</summary>
    public static readonly object PrincipalKey = typeof(AdminPrincipal);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.HttpContext.Request;
        var presented = request.Headers[HeaderName].FirstOrDefault() is { Length: > 0 } header ? header : request.Query[AdminCredentials.KeyQuery].FirstOrDefault();
        var check = await credentials.ResolveAsync(request.Headers.Authorization, presented);
        if (check.Principal is not { } principal)
        {
            return new ApiResult(ApiResponse.Error(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthorized, check.Refusal ?? "The caller is not signed in."));
        }

        context.HttpContext.Items[PrincipalKey] = principal;
        return await next(context);
    }
}
