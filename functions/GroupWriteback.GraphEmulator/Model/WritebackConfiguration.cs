namespace GroupWriteback.GraphEmulator.Model;

/// <summary>
/// Graph's group writeback settings (<c>writebackConfiguration</c>). <see cref="OnPremisesGroupType"/>
/// uses Graph's names: universalDistributionGroup, universalSecurityGroup, universalMailEnabledSecurityGroup.
/// </summary>
public sealed record WritebackConfiguration(bool IsEnabled, string? OnPremisesGroupType);
