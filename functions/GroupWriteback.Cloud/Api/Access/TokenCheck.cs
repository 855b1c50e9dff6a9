
namespace GroupWriteback.Cloud.Api.Access;

/// <summary>Who a request's credentials name: a principal, or why they were refused (answered 401).</summary>
public sealed record TokenCheck(AdminPrincipal? Principal, string? Refusal)
{
    /// <summary>Accepted as <paramref name="principal"/>.</summary>
    public static TokenCheck Accepted(AdminPrincipal principal) => new(principal, null);

    /// <summary>Refused, for <paramref name="reason"/>.</summary>
    public static TokenCheck Refused(string reason) => new(null, reason);
}
