using GroupWriteback.Cloud.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace GroupWriteback.Functions.Http;

/// <summary>Runs a handler under <see cref="ApiExecution"/> and wraps its answer for the Functions host.</summary>
internal static class Endpoint
{
    public static async Task<IActionResult> RunAsync(string operation, ILogger logger, Func<Task<ApiResponse>> handler) =>
        new ApiResponseResult(await ApiExecution.RunAsync(operation, logger, handler));
}
