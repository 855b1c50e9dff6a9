namespace GroupWriteback.Contracts;

/// <summary>How the agent names the group's CN (the sAMAccountName follows from it).</summary>
public enum NamingScheme
{
    /// <summary><c>Group_&lt;objectId&gt;</c>: stable, never renamed.</summary>
    ObjectId,

    /// <summary><c>&lt;displayName trimmed to 51&gt;_&lt;last 12 of objectId&gt;</c>: renamed when the display name changes.</summary>
    DisplayNameAndObjectId,
}
