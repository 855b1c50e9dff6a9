using GroupWriteback.Cloud.Api;
using Microsoft.AspNetCore.Http;

namespace GroupWriteback.Functions.Http;

/// <summary>Reads a request body, stopping one byte past the API's limit so the handler can refuse it.</summary>
internal static class RequestBody
{
    public static async Task<ReadOnlyMemory<byte>> ReadAsync(HttpRequest request)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while (buffer.Length <= ApiInput.MaxBodyBytes
            && (read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }
}
