namespace GroupWriteback.GraphEmulator.Model;

/// <summary>
/// Bulk membership changes in one mutation, as an administrator's script (or a dynamic membership rule) makes
/// them: each member added or removed is its own change, as in Graph, but they are committed together.
/// </summary>
public sealed partial class EmulatedTenant
{
    /// <summary>Adds <paramref name="add"/> and removes <paramref name="remove"/>; members already in (or not in) the group are left alone.</summary>
    public (int Added, int Removed) ChangeMembers(string groupId, IReadOnlyCollection<string> add, IReadOnlyCollection<string> remove)
    {
        ArgumentNullException.ThrowIfNull(add);
        ArgumentNullException.ThrowIfNull(remove);
        var (added, removed) = (0, 0);
        Mutate(committed =>
        {
            var state = GetGroupState(groupId);
            foreach (var member in remove.Select(ResolveMember))
            {
                if (state.RemoveMember(member.Id))
                {
                    committed.Add(AppendMembership(TenantChangeKind.MemberRemoved, state.Properties.Id, member));
                    removed++;
                }
            }

            foreach (var member in add.Select(ResolveMember))
            {
                if (!string.Equals(member.Id, state.Properties.Id, StringComparison.OrdinalIgnoreCase) && state.AddMember(member))
                {
                    committed.Add(AppendMembership(TenantChangeKind.MemberAdded, state.Properties.Id, member));
                    added++;
                }
            }
        });
        return (added, removed);
    }
}
