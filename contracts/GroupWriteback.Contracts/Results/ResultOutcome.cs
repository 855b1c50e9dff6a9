namespace GroupWriteback.Contracts.Results;

/// <summary>What applying a command did.</summary>
public enum ResultOutcome
{
    /// <summary>The directory was changed.</summary>
    Applied,

    /// <summary>The directory already matched; nothing was written.</summary>
    NoOp,

    /// <summary>A snapshot chunk was stored; the reconcile runs when the last chunk arrives.</summary>
    Pending,

    /// <summary>Nothing (more) was written; see <see cref="WritebackResult.Reason"/>.</summary>
    Failed,
}
