namespace GroupWriteback.Agent.Security;

/// <summary>
/// The ACEs a grant writes: what Set-ADSyncUnifiedGroupWritebackPermissions grants (Generic Read,
/// Generic Write, Create Child, Delete Child, Delete, Delete Tree, inherited to group objects),
/// laid out so that they also let the account create groups and nothing else.
/// </summary>
/// <remarks>
/// The cmdlet writes one ACE per right with the inherited object type "group" and, on an OU,
/// "this object and sub-objects". An access check ignores the inherited object type on the object
/// that holds the ACE (Windows does, and Samba was checked to do the same), so on the OU itself
/// that ACE means Create Child of every class and Generic Write on the OU: the account could
/// create OUs, users and computers there. It also does not let the account create groups in a
/// sub-OU, which never inherits an ACE limited to groups. So the grant is two ACEs per target:
/// <list type="number">
/// <item>all six rights, inherit-only, inherited by group objects: full control of the
/// account's groups below the target, nothing on the containers;</item>
/// <item>Create Child and Delete Child with the object type "group", on the target and inherited
/// by every container below it: the account may create and delete groups there, and no other
/// class.</item>
/// </list>
/// On AdminSDHolder the first ACE is written as "this object and sub-objects", because SDProp
/// copies that object's DACL onto the protected groups, where it must apply to the group itself.
/// </remarks>
internal static class WritebackAces
{
    /// <summary>schemaIDGUID of the group class.</summary>
    public static readonly Guid GroupClass = new("bf967a9c-0de6-11d0-a285-00aa003049e2");

    /// <summary>The six rights of the cmdlet.</summary>
    public const DirectoryRights GroupRights =
        DirectoryRights.GenericRead | DirectoryRights.GenericWrite | DirectoryRights.CreateChild |
        DirectoryRights.DeleteChild | DirectoryRights.Delete | DirectoryRights.DeleteTree;

    /// <summary>Rights on a container to create and delete groups in it.</summary>
    public const DirectoryRights ContainerRights = DirectoryRights.CreateChild | DirectoryRights.DeleteChild;

    /// <summary>For the writeback OU: this object and sub-objects.</summary>
    public static IReadOnlyList<AccessAllowedObjectAce> ForOrganizationalUnit(Sid account) =>
    [
        OnGroups(account, AceFlags.ContainerInherit | AceFlags.InheritOnly),
        GroupsInContainers(account, AceFlags.ContainerInherit),
    ];

    /// <summary>For a domain root: sub-objects only.</summary>
    public static IReadOnlyList<AccessAllowedObjectAce> ForDomainRoot(Sid account) =>
    [
        OnGroups(account, AceFlags.ContainerInherit | AceFlags.InheritOnly),
        GroupsInContainers(account, AceFlags.ContainerInherit | AceFlags.InheritOnly),
    ];

    /// <summary>For CN=AdminSDHolder: copied by SDProp onto protected groups.</summary>
    public static IReadOnlyList<AccessAllowedObjectAce> ForAdminSdHolder(Sid account) =>
    [
        OnGroups(account, AceFlags.ContainerInherit),
    ];

    /// <summary>
    /// True when <paramref name="existing"/>, an explicit ACE, already grants everything
    /// <paramref name="wanted"/> does to the same account, with the same scope and inheritance.
    /// </summary>
    public static bool Covers(Ace existing, AccessAllowedObjectAce wanted)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(wanted);
        return existing is AccessAllowedObjectAce ace &&
            !ace.IsInherited &&
            ace.Sid.Equals(wanted.Sid) &&
            ace.ObjectType == wanted.ObjectType &&
            ace.InheritedObjectType == wanted.InheritedObjectType &&
            InheritanceOf(ace.Flags) == InheritanceOf(wanted.Flags) &&
            (ace.Mask & wanted.Mask) == wanted.Mask;
    }

    private static AceFlags InheritanceOf(AceFlags flags) =>
        flags & (AceFlags.ObjectInherit | AceFlags.ContainerInherit | AceFlags.NoPropagateInherit | AceFlags.InheritOnly);

    private static AccessAllowedObjectAce OnGroups(Sid account, AceFlags flags) =>
        new(flags, GroupRights, account, objectType: null, inheritedObjectType: GroupClass);

    private static AccessAllowedObjectAce GroupsInContainers(Sid account, AceFlags flags) =>
        new(flags, ContainerRights, account, objectType: GroupClass, inheritedObjectType: null);
}
