namespace GroupWriteback.GraphEmulator.Model;

/// <summary>User mutations. Deleting a user removes it from every group first, as Entra does.</summary>
public sealed partial class EmulatedTenant
{
    public string AddUser(UserDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var user = new EmulatedUser
        {
            Id = draft.Id ?? Guid.NewGuid().ToString(),
            DisplayName = draft.DisplayName,
            UserPrincipalName = draft.UserPrincipalName,
            Mail = draft.Mail,
            OnPremisesSecurityIdentifier = draft.OnPremisesSecurityIdentifier,
            OnPremisesImmutableId = draft.OnPremisesImmutableId,
            OnPremisesSyncEnabled = draft.OnPremisesSyncEnabled,
        };
        Mutate(committed =>
        {
            EnsureIdIsFree(user.Id);
            _users.Add(user.Id, user);
            committed.Add(Commit(Draft(TenantChangeKind.UserAdded, user.Id)));
        });
        return user.Id;
    }

    public void UpdateUser(string userId, UserUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        Mutate(committed =>
        {
            var current = _users.TryGetValue(userId, out var found) ? found : throw DirectoryObjectNotFoundException.ForId(userId);
            var next = current with
            {
                DisplayName = update.DisplayName ?? current.DisplayName,
                UserPrincipalName = update.UserPrincipalName ?? current.UserPrincipalName,
                Mail = update.Mail ?? current.Mail,
                OnPremisesSecurityIdentifier = update.OnPremisesSecurityIdentifier ?? current.OnPremisesSecurityIdentifier,
                OnPremisesImmutableId = update.OnPremisesImmutableId ?? current.OnPremisesImmutableId,
                OnPremisesSyncEnabled = update.OnPremisesSyncEnabled ?? current.OnPremisesSyncEnabled,
            };
            if (next != current)
            {
                _users[current.Id] = next;
                committed.Add(Commit(Draft(TenantChangeKind.UserUpdated, current.Id)));
            }
        });
    }

    public void DeleteUser(string userId)
    {
        Mutate(committed =>
        {
            var user = _users.TryGetValue(userId, out var found) ? found : throw DirectoryObjectNotFoundException.ForId(userId);
            foreach (var group in _groups.Values.Where(g => g.RemoveMember(user.Id)))
            {
                committed.Add(AppendMembership(
                    TenantChangeKind.MemberRemoved, group.Properties.Id, new DirectoryObjectRef(user.Id, DirectoryObjectKind.User)));
            }

            _users.Remove(user.Id);
            committed.Add(Commit(Draft(TenantChangeKind.UserDeleted, user.Id)));
        });
    }
}
