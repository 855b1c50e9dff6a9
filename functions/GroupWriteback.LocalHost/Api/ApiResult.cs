using GroupWriteback.Cloud.Api;
using Microsoft.AspNetCore.Http;

namespace GroupWriteback.LocalHost.Api;

/// <summary>Writes an <see cref="ApiResponse"/> as it is: status, content type, body.</summary>
internal sealed class ApiResult(ApiResponse response) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = response.StatusCode;
        if (response.Body.Length > 0)
        {
            httpContext.Response.ContentType = response.ContentType;
            await httpContext.Response.Body.WriteAsync(response.Body, httpContext.RequestAborted);
        }
    }
}
