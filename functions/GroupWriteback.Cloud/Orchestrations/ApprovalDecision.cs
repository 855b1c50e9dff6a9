namespace GroupWriteback.Cloud.Orchestrations;

/// <summary>Who approved or rejected pending deletes, for the record.</summary>
public sealed record ApprovalDecision(string? By = null, string? Comment = null);
