namespace GroupWriteback.Cloud.Api.Access;

/// <summary><c>GET /api/me</c>: the caller's principal, so a console can show who is signed in and hide what it may not do.</summary>
public static class MeHandler
{
    /// <summary>200 with <paramref name="principal"/>.</summary>
    public static ApiResponse Get(AdminPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return ApiResponse.Json(200, new MeReport(principal.Id, principal.Name, principal.Roles, principal.Authentication), ApiJsonContext.Default.MeReport);
    }
}
