namespace GroupWriteback.GraphEmulator.Model;

/// <summary>
/// One entry of the tenant's change log. Delta rounds are computed from the entries after a token's
/// sequence number; <see cref="ChangedProperties"/> holds Graph property names so that a delta round
/// with <c>$select</c> can skip changes to properties it does not track.
/// </summary>
public sealed record TenantChange(
    long Sequence,
    TenantChangeKind Kind,
    string ObjectId,
    DateTimeOffset At)
{
    /// <summary>The member for <see cref="TenantChangeKind.MemberAdded"/> and <see cref="TenantChangeKind.MemberRemoved"/>.</summary>
    public string? MemberId { get; init; }

    public DirectoryObjectKind? MemberKind { get; init; }

    public IReadOnlyCollection<string> ChangedProperties { get; init; } = [];

    /// <summary>For deletions: Microsoft 365 groups are soft-deleted (restorable), security groups are not.</summary>
    public bool SoftDeleted { get; init; }

    /// <summary>The change concerns a group (its properties or its members) rather than a user.</summary>
    public bool IsGroupChange => Kind is not (TenantChangeKind.UserAdded or TenantChangeKind.UserUpdated or TenantChangeKind.UserDeleted);
}
