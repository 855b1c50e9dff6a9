namespace GroupWriteback.Cloud.Planning;

/// <summary>What a pass does to the on-premises group.</summary>
public enum PlanAction
{
    /// <summary>Nothing: out of scope and never written back, or synced from AD.</summary>
    Skip,

    /// <summary>Create or update the group and write membership.</summary>
    Upsert,

    /// <summary>Delete the written-back group.</summary>
    Delete,
}
