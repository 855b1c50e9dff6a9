namespace GroupWriteback.GraphEmulator.Model;

/// <summary>A partial update of a user's properties; a null member leaves that property unchanged.</summary>
public sealed record UserUpdate
{
    public string? DisplayName { get; init; }

    public string? UserPrincipalName { get; init; }

    public string? Mail { get; init; }

    public string? OnPremisesSecurityIdentifier { get; init; }

    public string? OnPremisesImmutableId { get; init; }

    public bool? OnPremisesSyncEnabled { get; init; }
}
