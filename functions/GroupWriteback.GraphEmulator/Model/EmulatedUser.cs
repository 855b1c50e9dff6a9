namespace GroupWriteback.GraphEmulator.Model;

/// <summary>A user in the emulated tenant; synced users carry their on-premises identity.</summary>
public sealed record EmulatedUser
{
    public required string Id { get; init; }

    public required string DisplayName { get; init; }

    public required string UserPrincipalName { get; init; }

    public string? Mail { get; init; }

    public string? OnPremisesSecurityIdentifier { get; init; }

    public string? OnPremisesImmutableId { get; init; }

    public bool? OnPremisesSyncEnabled { get; init; }
}
