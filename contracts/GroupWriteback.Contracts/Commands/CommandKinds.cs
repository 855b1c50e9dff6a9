namespace GroupWriteback.Contracts.Commands;

/// <summary>The <c>kind</c> discriminator values on the wire.</summary>
public static class CommandKinds
{
    /// <summary>Create or update a group (also renames and moves it).</summary>
    public const string UpsertGroup = "upsertGroup";

    /// <summary>Add and remove members.</summary>
    public const string ChangeMembership = "changeMembership";

    /// <summary>One chunk of a full-membership snapshot, for reconcile.</summary>
    public const string MembershipSnapshot = "membershipSnapshot";

    /// <summary>Delete a written-back group.</summary>
    public const string DeleteGroup = "deleteGroup";

    /// <summary>Grant the writeback account its permissions.</summary>
    public const string GrantPermissions = "grantPermissions";

    /// <summary>Session id used for grant commands, which belong to no group.</summary>
    public const string GrantSessionId = "grant-permissions";
}
