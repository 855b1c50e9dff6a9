namespace GroupWriteback.Cloud.Configuration;

/// <summary>Which cloud groups are written back.</summary>
public enum ScopeMode
{
    /// <summary>Every Microsoft 365 group.</summary>
    AllMicrosoft365,

    /// <summary>Every security group that is not mail-enabled.</summary>
    AllSecurity,

    /// <summary>Every Microsoft 365 group and every security group.</summary>
    All,

    /// <summary>Only groups named by id, matched by a Graph filter, or members of a scoping group.</summary>
    Selected,
}
