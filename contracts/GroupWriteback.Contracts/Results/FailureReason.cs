namespace GroupWriteback.Contracts.Results;

/// <summary>Why a command failed. Each is permanent unless marked transient.</summary>
public enum FailureReason
{
    /// <summary>No failure.</summary>
    None,

    /// <summary>The command is malformed (missing field, bad DN, bad SID).</summary>
    InvalidCommand,

    /// <summary>The command's version is newer than this agent understands.</summary>
    UnsupportedVersion,

    /// <summary>The target DN is outside the agent's configured OU scope.</summary>
    OutsideScope,

    /// <summary>The object at the target does not carry this group's anchor.</summary>
    NotOurObject,

    /// <summary>Another object already holds the name and it is not ours.</summary>
    NameCollision,

    /// <summary>The target OU does not exist.</summary>
    TargetOuMissing,

    /// <summary>The agent's account lacks the right (LDAP insufficientAccessRights).</summary>
    AccessDenied,

    /// <summary>The directory refused the write for another permanent reason.</summary>
    DirectoryRejected,

    /// <summary>A membership command arrived for a group that has no written-back object.</summary>
    GroupNotWrittenBack,

    /// <summary>The directory was unreachable or busy; retried, then given up.</summary>
    Transient,
}
