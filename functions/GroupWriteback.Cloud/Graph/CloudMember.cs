namespace GroupWriteback.Cloud.Graph;

/// <summary>A group member with the identity it has on premises, if any.</summary>
public sealed record CloudMember
{
    /// <summary>Entra object id of the member.</summary>
    public required string Id { get; init; }

    /// <summary>User, group or other.</summary>
    public required CloudMemberKind Kind { get; init; }

    /// <summary><c>onPremisesSecurityIdentifier</c> (S-1-5-21-…) when the member is synced from AD.</summary>
    public string? OnPremisesSecurityIdentifier { get; init; }

    /// <summary>objectGUID decoded from <c>onPremisesImmutableId</c> (base64 of the GUID bytes) when present.</summary>
    public Guid? OnPremisesObjectGuid { get; init; }
}
