namespace GroupWriteback.GraphEmulator.Model;

/// <summary>What <see cref="EmulatedTenant.AddUser"/> needs; the id is generated when not given.</summary>
public sealed record UserDraft
{
    public string? Id { get; init; }

    public required string DisplayName { get; init; }

    public required string UserPrincipalName { get; init; }

    public string? Mail { get; init; }

    public string? OnPremisesSecurityIdentifier { get; init; }

    public string? OnPremisesImmutableId { get; init; }

    public bool? OnPremisesSyncEnabled { get; init; }
}
