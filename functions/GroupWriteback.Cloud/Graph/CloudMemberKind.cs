namespace GroupWriteback.Cloud.Graph;

/// <summary>What kind of directory object a group member is.</summary>
public enum CloudMemberKind
{
    /// <summary>A user (<c>#microsoft.graph.user</c>).</summary>
    User,

    /// <summary>A nested group (<c>#microsoft.graph.group</c>).</summary>
    Group,

    /// <summary>Anything else: devices, org contacts, service principals.</summary>
    Other,
}
