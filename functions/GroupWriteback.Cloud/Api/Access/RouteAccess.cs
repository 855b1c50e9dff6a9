namespace GroupWriteback.Cloud.Api.Access;

/// <summary>
/// Whether a principal may call a route: no principal is 401, a principal without the route's role is 403 naming
/// the role and the principal. A route that declares no role refuses everyone, so a route added without one fails
/// closed (and the route table test names it).
/// </summary>
public static class RouteAccess
{
    /// <summary>The error to answer instead of running <paramref name="route"/>, or null when the call may go ahead.</summary>
    public static ApiResponse? Refusal(ApiRoute route, AdminPrincipal? principal)
    {
        ArgumentNullException.ThrowIfNull(route);
        if (route.Anonymous)
        {
            return null;
        }

        if (principal is null)
        {
            return ApiResponse.Error(
                401,
                ErrorCodes.Unauthorized,
                $"{route.Operation} needs a signed-in caller: an Entra ID access token (Authorization: Bearer) for the admin API, or the host's key.");
        }

        if (route.Role is null)
        {
            return ApiResponse.Error(403, ErrorCodes.Forbidden, $"{route.Operation} declares no app role, so nobody may call it.");
        }

        if (route.Role == ApiRoute.AnyRole || principal.Holds(route.Role))
        {
            return null;
        }

        var held = principal.Roles.Count == 0 ? "no admin API role" : string.Join(", ", principal.Roles);
        return ApiResponse.Error(
            403,
            ErrorCodes.Forbidden,
            $"{route.Operation} needs the app role {route.Role}; {principal.Describe()}, signed in with {Describe(principal.Authentication)}, holds {held}.",
            route.Role);
    }

    private static string Describe(AdminAuthentication authentication) =>
        authentication == AdminAuthentication.Entra ? "Entra ID" : "the key";
}
