namespace GroupWriteback.GraphEmulator.Model;

/// <summary>
/// An in-memory Entra tenant: users, groups and direct memberships. Every change is appended to a
/// change log with a monotonic sequence number, from which delta rounds and change notifications
/// are derived. Thread-safe; <see cref="Changed"/> is raised after the lock is released.
/// </summary>
public sealed partial class EmulatedTenant
{
    private readonly Lock _gate = new();
    private readonly OrderedDictionary<string, EmulatedUser> _users = new(StringComparer.OrdinalIgnoreCase);
    private readonly OrderedDictionary<string, GroupState> _groups = new(StringComparer.OrdinalIgnoreCase);
    private readonly OrderedDictionary<string, EmulatedDevice> _devices = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<TenantChange> _changes = [];
    private long _sequence;
    private int _deltaTokenGeneration;

    public EmulatedTenant(string? tenantId = null, TimeProvider? timeProvider = null)
    {
        TenantId = tenantId ?? Guid.NewGuid().ToString();
        Time = timeProvider ?? TimeProvider.System;
    }

    public event EventHandler<TenantChangedEventArgs>? Changed;

    public string TenantId { get; private set; }

    public TimeProvider Time { get; }

    public long CurrentSequence
    {
        get
        {
            lock (_gate)
            {
                return _sequence;
            }
        }
    }

    /// <summary>Bumped by <see cref="ExpireDeltaTokens"/>; state tokens issued under an older generation are gone.</summary>
    public int DeltaTokenGeneration => Volatile.Read(ref _deltaTokenGeneration);

    /// <summary>Invalidates every issued deltaLink and nextLink: the next use answers 410 Gone.</summary>
    public void ExpireDeltaTokens() => Interlocked.Increment(ref _deltaTokenGeneration);

    public string CreateGroup(GroupDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var group = new EmulatedGroup
        {
            Id = draft.Id ?? Guid.NewGuid().ToString(),
            DisplayName = draft.DisplayName,
            Description = draft.Description,
            Mail = draft.Mail,
            MailNickname = draft.MailNickname ?? MailNicknameFrom(draft.DisplayName),
            MailEnabled = draft.MailEnabled,
            SecurityEnabled = draft.SecurityEnabled,
            GroupTypes = [.. draft.GroupTypes],
            ProxyAddresses = [.. draft.ProxyAddresses],
            Visibility = draft.Visibility,
            CreatedDateTime = draft.CreatedDateTime ?? Time.GetUtcNow(),
            OnPremisesSecurityIdentifier = draft.OnPremisesSecurityIdentifier,
            OnPremisesSyncEnabled = draft.OnPremisesSyncEnabled,
            WritebackConfiguration = draft.WritebackConfiguration,
        };
        Mutate(committed =>
        {
            EnsureIdIsFree(group.Id);
            var members = draft.Members.Select(ResolveMember).ToList();
            var state = new GroupState(group);
            _groups.Add(group.Id, state);
            committed.Add(Commit(Draft(TenantChangeKind.GroupCreated, group.Id)));
            foreach (var member in members.Where(state.AddMember))
            {
                committed.Add(AppendMembership(TenantChangeKind.MemberAdded, group.Id, member));
            }
        });
        return group.Id;
    }

    public void UpdateGroup(string groupId, GroupUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        Mutate(committed =>
        {
            var state = GetGroupState(groupId);
            List<string> changedProperties = [];
            state.Properties = GroupUpdateApplier.Apply(state.Properties, update, changedProperties);
            if (changedProperties.Count > 0)
            {
                committed.Add(Commit(Draft(TenantChangeKind.GroupUpdated, state.Properties.Id) with { ChangedProperties = changedProperties }));
            }
        });
    }

    /// <summary>Deletes a group; it leaves every group it was a member of first, as in Entra.</summary>
    public void DeleteGroup(string groupId)
    {
        Mutate(committed =>
        {
            var state = GetGroupState(groupId);
            var id = state.Properties.Id;
            foreach (var parent in _groups.Values.Where(g => g.RemoveMember(id)))
            {
                committed.Add(AppendMembership(
                    TenantChangeKind.MemberRemoved, parent.Properties.Id, new DirectoryObjectRef(id, DirectoryObjectKind.Group)));
            }

            _groups.Remove(id);
            committed.Add(Commit(Draft(TenantChangeKind.GroupDeleted, id) with { SoftDeleted = state.Properties.IsMicrosoft365Group }));
        });
    }

    public void AddMember(string groupId, string memberId)
    {
        Mutate(committed =>
        {
            var state = GetGroupState(groupId);
            var member = ResolveMember(memberId);
            if (string.Equals(member.Id, state.Properties.Id, StringComparison.OrdinalIgnoreCase))
            {
                throw new DirectoryConflictException($"Group '{groupId}' cannot be a member of itself.");
            }

            if (!state.AddMember(member))
            {
                throw new DirectoryConflictException(
                    $"One or more added object references already exist for the following modified properties: 'members'. Group '{groupId}', member '{memberId}'.");
            }

            committed.Add(AppendMembership(TenantChangeKind.MemberAdded, state.Properties.Id, member));
        });
    }

    public void RemoveMember(string groupId, string memberId)
    {
        Mutate(committed =>
        {
            var state = GetGroupState(groupId);
            var member = ResolveMember(memberId);
            if (!state.RemoveMember(member.Id))
            {
                throw DirectoryObjectNotFoundException.ForId(memberId);
            }

            committed.Add(AppendMembership(TenantChangeKind.MemberRemoved, state.Properties.Id, member));
        });
    }

    private GroupState GetGroupState(string groupId) =>
        _groups.TryGetValue(groupId, out var state) ? state : throw DirectoryObjectNotFoundException.ForId(groupId);

    private DirectoryObjectRef ResolveMember(string memberId)
    {
        if (_users.TryGetValue(memberId, out var user))
        {
            return new DirectoryObjectRef(user.Id, DirectoryObjectKind.User);
        }

        if (_devices.TryGetValue(memberId, out var device))
        {
            return new DirectoryObjectRef(device.Id, DirectoryObjectKind.Device);
        }

        return _groups.TryGetValue(memberId, out var group)
            ? new DirectoryObjectRef(group.Properties.Id, DirectoryObjectKind.Group)
            : throw DirectoryObjectNotFoundException.ForId(memberId);
    }

    private void EnsureIdIsFree(string id)
    {
        if (_users.ContainsKey(id) || _groups.ContainsKey(id) || _devices.ContainsKey(id))
        {
            throw new DirectoryConflictException($"Another object with the same value for property id already exists: '{id}'.");
        }
    }

    private static TenantChange Draft(TenantChangeKind kind, string objectId) => new(0, kind, objectId, default);

    private TenantChange Commit(TenantChange draft)
    {
        var change = draft with { Sequence = ++_sequence, At = Time.GetUtcNow() };
        _changes.Add(change);
        return change;
    }

    private TenantChange AppendMembership(TenantChangeKind kind, string groupId, DirectoryObjectRef member) =>
        Commit(Draft(kind, groupId) with { MemberId = member.Id, MemberKind = member.Kind, ChangedProperties = ["members"] });

    /// <summary>Runs a change under the lock; what it commits is published once the lock is released.</summary>
    private void Mutate(Action<List<TenantChange>> change)
    {
        List<TenantChange> committed = [];
        lock (_gate)
        {
            change(committed);
        }

        Publish(committed);
    }

    private void Publish(List<TenantChange> committed)
    {
        foreach (var change in committed)
        {
            Changed?.Invoke(this, new TenantChangedEventArgs(change));
        }
    }

    private static string MailNicknameFrom(string displayName)
    {
        var letters = displayName.Where(char.IsAsciiLetterOrDigit).ToArray();
        return letters.Length > 0 ? new string(letters) : "group";
    }
}
