namespace GroupWriteback.Cloud.Api.Access;

/// <summary>
/// The app roles of the admin API, as the app registration defines them (their <c>value</c>) and as Entra puts them
/// in a token's <c>roles</c> claim. Every route but Graph's webhook needs one (<see cref="ApiRoute.Role"/>).
/// </summary>
public static class AdminRoles
{
    /// <summary>See: status, groups, plans, pending approvals, health.</summary>
    public const string Read = "Writeback.Read";

    /// <summary>Act: full sync, one group now, disable and enable writeback, grant permissions.</summary>
    public const string Operate = "Writeback.Operate";

    /// <summary>Decide: approve or reject the deletes a paused run waits on.</summary>
    public const string Approve = "Writeback.Approve";

    /// <summary>Every role, in the order above.</summary>
    public static IReadOnlyList<string> All { get; } = [Read, Operate, Approve];

    /// <summary>True for one of <see cref="All"/> (exact case, as Entra issues them).</summary>
    public static bool IsKnown(string? role) => role is not null && All.Contains(role, StringComparer.Ordinal);
}
