namespace GroupWriteback.GraphEmulator.Model;

/// <summary>The mutable record of one group inside the tenant; only touched under the tenant's lock.</summary>
internal sealed class GroupState(EmulatedGroup properties)
{
    private readonly OrderedDictionary<string, DirectoryObjectKind> _members = new(StringComparer.OrdinalIgnoreCase);

    public EmulatedGroup Properties { get; set; } = properties;

    public int MemberCount => _members.Count;

    public bool HasMember(string id) => _members.ContainsKey(id);

    public bool AddMember(DirectoryObjectRef member) => _members.TryAdd(member.Id, member.Kind);

    public bool RemoveMember(string id) => _members.Remove(id);

    public GroupWithMembers Capture() =>
        new(Properties, [.. _members.Select(m => new DirectoryObjectRef(m.Key, m.Value))]);
}
