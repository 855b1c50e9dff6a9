namespace GroupWriteback.GraphEmulator.Model;

/// <summary>A device of the tenant: only its id and name, enough to be a group member.</summary>
public sealed record EmulatedDevice
{
    public required string Id { get; init; }

    public required string DisplayName { get; init; }
}
