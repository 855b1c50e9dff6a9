using GroupWriteback.Cloud.Api.Access;

namespace GroupWriteback.Functions.Auth;

/// <summary>
/// The caller of one HTTP invocation, filled by <see cref="AdminPrincipalMiddleware"/> and read by the admin API
/// functions. Left empty (the middleware did not run), the admin routes answer 401.
/// </summary>
internal sealed class InvocationPrincipal
{
    /// <summary>The authenticated caller, or null.</summary>
    public AdminPrincipal? Principal { get; set; }

    /// <summary>Why the caller's credentials were refused, or null.</summary>
    public string? Refusal { get; set; }
}
