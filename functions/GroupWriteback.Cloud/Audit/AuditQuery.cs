namespace GroupWriteback.Cloud.Audit;

/// <summary>What <see cref="IAuditStore.QueryAsync"/> returns: newest first, at most <see cref="Limit"/>, filtered by what is set.</summary>
/// <param name="GroupId">Only entries of this group.</param>
/// <param name="Outcome">Only entries with this outcome (case-insensitive).</param>
/// <param name="Since">Only entries at or after this time.</param>
/// <param name="Limit">How many at most (1 to <see cref="MaxLimit"/>).</param>
public sealed record AuditQuery(string? GroupId = null, string? Outcome = null, DateTimeOffset? Since = null, int Limit = AuditQuery.DefaultLimit)
{
    /// <summary>Entries returned when the caller names no limit.</summary>
    public const int DefaultLimit = 100;

    /// <summary>Most entries one query returns.</summary>
    public const int MaxLimit = 1000;
}
