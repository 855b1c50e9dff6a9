namespace GroupWriteback.GraphEmulator.Model;

/// <summary>The mutable record of one group inside the tenant; only touched under the tenant's lock.</summary>
internal sealed class GroupState(EmulatedGroup properties)
{
    private readonly OrderedDictionary<string, DirectoryObjectKind> members = new(StringComparer.OrdinalIgnoreCase);

    public EmulatedGroup Properties { get; set; } = properties;

    public int MemberCount => members.Count;

    public bool HasMember(string id) => members.ContainsKey(id);

    public bool AddMember(DirectoryObjectRef member) => members.TryAdd(member.Id, member.Kind);

    public bool RemoveMember(string id) => members.Remove(id);

    public GroupWithMembers Capture() =>
        new(Properties, [.. members.Select(m => new DirectoryObjectRef(m.Key, m.Value))]);
}
