namespace GroupWriteback.Cloud.Audit;

/// <summary>The <see cref="AuditEntry.Kind"/> values.</summary>
public static class AuditKinds
{
    /// <summary>A command's result, as the agent reported it.</summary>
    public const string Command = "command";

    /// <summary>An operator approved or rejected deletes.</summary>
    public const string Approval = "approval";

    /// <summary>An operator resubmitted or discarded a dead letter.</summary>
    public const string DeadLetter = "deadLetter";
}
