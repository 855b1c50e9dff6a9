using GroupWriteback.Cloud.Api;
using Microsoft.AspNetCore.Http;

namespace GroupWriteback.Functions.Http;

/// <summary>Reads a request body within the API's limit (<see cref="ApiBody"/>).</summary>
internal static class RequestBody
{
    public static Task<ReadOnlyMemory<byte>> ReadAsync(HttpRequest request) =>
        ApiBody.ReadAsync(request.Body, request.HttpContext.RequestAborted);
}
