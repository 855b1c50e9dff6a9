using System.Security.Cryptography;
using System.Text;
using GroupWriteback.Cloud.Api;
using GroupWriteback.Cloud.Api.Access;
using GroupWriteback.LocalHost.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace GroupWriteback.LocalHost.Api;

/// <summary>
/// Function-level authorization as the Functions host does it: the key in the <c>x-functions-key</c> header or
/// the <c>code</c> query parameter, compared in constant time. A missing or wrong key gets 401 in the API's error shape;
/// the right key makes the caller the key principal (<see cref="KeyCallerOptions"/>: all three roles unless narrowed).
/// </summary>
internal sealed class ApiKeyFilter(IOptions<LocalHostOptions> options, IOptions<KeyCallerOptions> keyCallers) : IEndpointFilter
{
    public const string HeaderName = "x-functions-key";

    /// <summary>Where the filter leaves the principal for <see cref="AdminApiEndpoints"/>.</summary>
    public static readonly object PrincipalKey = typeof(AdminPrincipal);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.HttpContext.Request;
        var presented = request.Headers[HeaderName].FirstOrDefault() ?? request.Query["code"].FirstOrDefault();
        if (presented is null || !Matches(presented, options.Value.ApiKey!))
        {
            return new ApiResult(ApiResponse.Error(
                StatusCodes.Status401Unauthorized,
                ErrorCodes.Unauthorized,
                $"The admin API needs the key of {LocalHostOptions.SectionName}:{nameof(LocalHostOptions.ApiKey)} in the {HeaderName} header or the code query parameter."));
        }

        context.HttpContext.Items[PrincipalKey] = keyCallers.Value.KeyPrincipal();
        return await next(context);
    }

    private static bool Matches(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
