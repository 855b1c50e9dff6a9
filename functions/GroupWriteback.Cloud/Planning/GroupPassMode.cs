namespace GroupWriteback.Cloud.Planning;

/// <summary>How a per-group pass writes membership.</summary>
public enum GroupPassMode
{
    /// <summary>Apply the added and removed members the delta reported.</summary>
    Delta,

    /// <summary>Send the complete membership so the agent repairs drift (reconcile, full sync).</summary>
    Snapshot,

    /// <summary>Delete the written-back group (out of scope, writeback disabled).</summary>
    Delete,
}
