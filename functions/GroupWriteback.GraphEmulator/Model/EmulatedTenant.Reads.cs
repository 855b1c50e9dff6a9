namespace GroupWriteback.GraphEmulator.Model;

/// <summary>Read side of the tenant: every read returns an immutable copy taken under the lock.</summary>
public sealed partial class EmulatedTenant
{
    public EmulatedUser? FindUser(string userId)
    {
        lock (_gate)
        {
            return _users.GetValueOrDefault(userId);
        }
    }

    public EmulatedDevice? FindDevice(string deviceId)
    {
        lock (_gate)
        {
            return _devices.GetValueOrDefault(deviceId);
        }
    }

    public EmulatedGroup? FindGroup(string groupId)
    {
        lock (_gate)
        {
            return _groups.GetValueOrDefault(groupId)?.Properties;
        }
    }

    public DirectoryObjectKind? KindOf(string objectId)
    {
        lock (_gate)
        {
            return _users.ContainsKey(objectId) ? DirectoryObjectKind.User
                : _groups.ContainsKey(objectId) ? DirectoryObjectKind.Group
                : _devices.ContainsKey(objectId) ? DirectoryObjectKind.Device
                : null;
        }
    }

    public IReadOnlyList<EmulatedUser> ListUsers()
    {
        lock (_gate)
        {
            return [.. _users.Values];
        }
    }

    public IReadOnlyList<EmulatedGroup> ListGroups()
    {
        lock (_gate)
        {
            return [.. _groups.Values.Select(g => g.Properties)];
        }
    }

    /// <summary>Direct members in the order they were added.</summary>
    public IReadOnlyList<DirectoryObjectRef> ListMembers(string groupId)
    {
        lock (_gate)
        {
            return GetGroupState(groupId).Capture().Members;
        }
    }

    /// <summary>Members of the group and, recursively, of its member groups; each object once.</summary>
    public IReadOnlyList<DirectoryObjectRef> ListTransitiveMembers(string groupId)
    {
        lock (_gate)
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { groupId };
            var result = new List<DirectoryObjectRef>();
            var pending = new Queue<GroupState>([GetGroupState(groupId)]);
            while (pending.TryDequeue(out var state))
            {
                foreach (var member in state.Capture().Members.Where(m => seen.Add(m.Id)))
                {
                    result.Add(member);
                    if (member.Kind == DirectoryObjectKind.Group)
                    {
                        pending.Enqueue(_groups[member.Id]);
                    }
                }
            }

            return result;
        }
    }

    /// <summary>Groups that hold the object as a direct member.</summary>
    public IReadOnlyList<EmulatedGroup> ListMemberOf(string objectId)
    {
        lock (_gate)
        {
            if (!_users.ContainsKey(objectId) && !_groups.ContainsKey(objectId))
            {
                throw DirectoryObjectNotFoundException.ForId(objectId);
            }

            return [.. _groups.Values.Where(g => g.HasMember(objectId)).Select(g => g.Properties)];
        }
    }

    /// <summary>The change log after <paramref name="afterSequence"/>.</summary>
    public IReadOnlyList<TenantChange> ChangesSince(long afterSequence)
    {
        lock (_gate)
        {
            return ChangesAfter(afterSequence);
        }
    }

    /// <summary>
    /// Captures what a delta round needs in one step: for an initial round (no sequence) every group with
    /// all members; otherwise the changes after <paramref name="afterSequence"/> and the groups they touch.
    /// </summary>
    public DeltaSource CaptureDeltaSource(long? afterSequence)
    {
        lock (_gate)
        {
            if (afterSequence is null)
            {
                return new DeltaSource(_sequence, [], _groups.ToDictionary(g => g.Key, g => g.Value.Capture(), StringComparer.OrdinalIgnoreCase));
            }

            var after = ChangesAfter(afterSequence.Value);
            var touched = after
                .Where(c => c.IsGroupChange)
                .Select(c => c.ObjectId)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Where(_groups.ContainsKey)
                .ToDictionary(id => id, id => _groups[id].Capture(), StringComparer.OrdinalIgnoreCase);
            return new DeltaSource(_sequence, after, touched);
        }
    }

    private List<TenantChange> ChangesAfter(long afterSequence)
    {
        // Sequence numbers are dense and start at 1, so the position is known without a search.
        var start = (int)Math.Clamp(afterSequence, 0, _changes.Count);
        return _changes.GetRange(start, _changes.Count - start);
    }
}
