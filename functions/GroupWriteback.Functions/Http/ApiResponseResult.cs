using GroupWriteback.Cloud.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace GroupWriteback.Functions.Http;

/// <summary>Writes an <see cref="ApiResponse"/> to the ASP.NET Core response of an HTTP trigger.</summary>
internal sealed class ApiResponseResult(ApiResponse response) : IActionResult
{
    /// <summary>The response that is written.</summary>
    public ApiResponse Response { get; } = response;

    /// <inheritdoc />
    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext.Response;
        http.StatusCode = Response.StatusCode;
        if (Response.Body.Length > 0)
        {
            http.ContentType = Response.ContentType;
            http.ContentLength = Response.Body.Length;
            await http.Body.WriteAsync(Response.Body, context.HttpContext.RequestAborted);
        }
    }
}
