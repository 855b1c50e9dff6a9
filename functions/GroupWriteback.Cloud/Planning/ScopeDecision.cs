namespace GroupWriteback.Cloud.Planning;

/// <summary>Whether a group is written back, and why not.</summary>
public sealed record ScopeDecision(bool InScope, string Reason)
{
    /// <summary>In scope.</summary>
    public static ScopeDecision In(string reason) => new(true, reason);

    /// <summary>Out of scope.</summary>
    public static ScopeDecision Out(string reason) => new(false, reason);
}
