namespace GroupWriteback.Contracts;

/// <summary>
/// What the group becomes in Active Directory; the same values as Graph's
/// <c>writebackConfiguration.onPremisesGroupType</c>.
/// </summary>
public enum OnPremisesGroupType
{
    /// <summary>Universal distribution group (groupType 8); the default for Microsoft 365 groups.</summary>
    UniversalDistributionGroup,

    /// <summary>Universal security group (groupType 0x80000008); the default for security groups.</summary>
    UniversalSecurityGroup,

    /// <summary>Universal security group that also carries mail attributes.</summary>
    UniversalMailEnabledSecurityGroup,
}
