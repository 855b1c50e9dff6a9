namespace GroupWriteback.GraphEmulator.Model;

/// <summary>What one entry of the tenant's change log records.</summary>
public enum TenantChangeKind
{
    GroupCreated,
    GroupUpdated,
    GroupDeleted,
    MemberAdded,
    MemberRemoved,
    UserAdded,
    UserUpdated,
    UserDeleted,
}
