namespace GroupWriteback.Contracts;

/// <summary>What the group is in Microsoft Entra ID.</summary>
public enum CloudGroupKind
{
    /// <summary>A Microsoft 365 (unified) group.</summary>
    Microsoft365,

    /// <summary>A security group (not mail-enabled).</summary>
    Security,
}
