namespace GroupWriteback.Contracts;

/// <summary>
/// A member by its on-premises identity: the SID (users and groups synced from AD carry
/// <c>onPremisesSecurityIdentifier</c>) or the objectGUID (<c>onPremisesObjectIdentifier</c>, or a
/// written-back group's own objectGUID). <see cref="CloudId"/> is kept for reporting.
/// </summary>
public sealed record MemberReference
{
    /// <summary>Entra object id of the member, reported back when it cannot be resolved.</summary>
    public required string CloudId { get; init; }

    /// <summary>On-premises SID in SDDL form (S-1-5-21-…), when known.</summary>
    public string? Sid { get; init; }

    /// <summary>On-premises objectGUID, when known.</summary>
    public Guid? ObjectGuid { get; init; }

    /// <summary>
    /// For a nested written-back group: its Entra object id, found on-prem by our anchor.
    /// </summary>
    public string? WrittenBackGroupId { get; init; }

    /// <summary>True when at least one on-premises key is present.</summary>
    public bool HasOnPremisesKey => Sid is not null || ObjectGuid is not null || WrittenBackGroupId is not null;
}
