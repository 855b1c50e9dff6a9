namespace GroupWriteback.Agent.Telemetry;

/// <summary>Tag (attribute) names on the agent's spans and instruments.</summary>
internal static class TagNames
{
    /// <summary>The command's kind (<c>upsertGroup</c>, …).</summary>
    public const string CommandKind = "command.kind";

    /// <summary>The command id (spans only).</summary>
    public const string CommandId = "command.id";

    /// <summary>The group's Entra object id (spans only).</summary>
    public const string GroupId = "group.id";

    /// <summary>The result's outcome (<c>Applied</c>, <c>NoOp</c>, <c>Pending</c>, <c>Failed</c>).</summary>
    public const string Outcome = "outcome";

    /// <summary>A failure reason (<c>FailureReason</c> name) or why a command was deferred.</summary>
    public const string Reason = "reason";

    /// <summary>Whether member links were <c>added</c> or <c>removed</c>.</summary>
    public const string Direction = "direction";

    /// <summary>The LDAP request: <c>search</c>, <c>add</c>, <c>modify</c>, <c>modify_dn</c>, <c>delete</c>, <c>other</c>.</summary>
    public const string LdapOperation = "ldap.operation";

    /// <summary>The LDAP result code's name (<c>Success</c>, <c>NoSuchObject</c>, …) or <c>ConnectionError</c>.</summary>
    public const string LdapResult = "ldap.result";

    /// <summary>The DN an LDAP request names (spans only).</summary>
    public const string LdapDn = "ldap.dn";
}
