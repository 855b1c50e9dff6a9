using System.Reflection;

namespace GroupWriteback.Cloud.Api;

/// <summary><c>GET /api/health</c>: answers while the process runs; <c>GET /api/status</c> checks the dependencies.</summary>
internal sealed class HealthHandler(TimeProvider time)
{
    private static readonly string Version =
        typeof(HealthHandler).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>200 with the build's version and the server time.</summary>
    public ApiResponse Get() => ApiResponse.Json(200, new HealthReport("healthy", Version, time.GetUtcNow()), ApiJsonContext.Default.HealthReport);
}
