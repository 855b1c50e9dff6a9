namespace GroupWriteback.Cloud.Planning;

/// <summary>Why a written-back group is deleted: the reason codes a pass, a plan and the status carry.</summary>
internal static class DeleteReasons
{
    /// <summary>The group no longer exists in Entra ID.</summary>
    public const string DeletedInCloud = "deletedInCloud";

    /// <summary>The group left the writeback scope.</summary>
    public const string OutOfScope = "outOfScope";

    /// <summary>A tenant plan's code for a written-back group it no longer finds in scope.</summary>
    public const string NotInScope = "notInScope";

    /// <summary>Writeback is being disabled: every written-back group is removed.</summary>
    public const string WritebackDisabled = "writebackDisabled";
}
