using System.Text.Json.Nodes;
using GroupWriteback.GraphEmulator.Model;
using GroupWriteback.GraphEmulator.Querying;
using GroupWriteback.GraphEmulator.Serialization;

namespace GroupWriteback.GraphEmulator.Delta;

/// <summary>
/// Turns a <see cref="DeltaSource"/> into <c>groups/delta</c> entries as Graph writes them: a group with the
/// selected properties and a <c>members@delta</c> array of <c>{"@odata.type","id"}</c> (removed members carry
/// <c>"@removed":{"reason":"deleted"}</c>); a deleted group as <c>{"id","@removed":{"reason"}}</c> where the
/// reason is <c>changed</c> for a restorable (Microsoft 365) group and <c>deleted</c> otherwise. A long member
/// list is split over several entries of the same group, so clients must merge a group's entries. Asked for
/// <c>Prefer: return=minimal</c>, a tracking round's updated group carries only its id and the properties that
/// changed (a membership change alone: id and <c>members@delta</c>); a created group is always complete.
/// </summary>
internal static class DeltaEntryBuilder
{
    public const string MembersProperty = "members";

    /// <summary>The initial round: every group with all its members.</summary>
    public static List<JsonObject> Initial(DeltaSource source, PropertySelection select, int membersPerEntry)
    {
        var entries = new List<JsonObject>();
        foreach (var (group, members) in source.Groups.Values)
        {
            var added = members.Select(m => new MemberChange(m, Removed: false)).ToList();
            AddGroup(entries, group, select, TracksMembers(select) ? added : [], membersPerEntry);
        }

        return entries;
    }

    /// <summary>A tracking round: the groups whose tracked properties or members changed after the token.</summary>
    public static List<JsonObject> Changes(DeltaSource source, PropertySelection select, int membersPerEntry, bool minimal = false)
    {
        var entries = new List<JsonObject>();
        foreach (var byGroup in source.Changes.Where(c => c.IsGroupChange).GroupBy(c => c.ObjectId, StringComparer.OrdinalIgnoreCase))
        {
            var changes = byGroup.ToList();
            if (!source.Groups.TryGetValue(byGroup.Key, out var current))
            {
                if (changes.LastOrDefault(c => c.Kind == TenantChangeKind.GroupDeleted) is { } deleted)
                {
                    entries.Add(Removed(deleted.ObjectId, deleted.SoftDeleted ? "changed" : "deleted"));
                }

                continue;
            }

            var propertiesChanged = changes.Any(c =>
                c.Kind == TenantChangeKind.GroupCreated
                || (c.Kind == TenantChangeKind.GroupUpdated && select.TracksAny(c.ChangedProperties)));
            var members = TracksMembers(select) ? NetMemberChanges(changes) : [];
            if (propertiesChanged || members.Count > 0)
            {
                var only = minimal && !changes.Any(c => c.Kind == TenantChangeKind.GroupCreated)
                    ? changes.Where(c => c.Kind == TenantChangeKind.GroupUpdated).SelectMany(c => c.ChangedProperties).ToHashSet(StringComparer.OrdinalIgnoreCase)
                    : null;
                AddGroup(entries, current.Group, select, members, membersPerEntry, only);
            }
        }

        return entries;
    }

    private static bool TracksMembers(PropertySelection select) => select.TracksAny([MembersProperty]);

    /// <summary>Per member, the difference between its state before the first change and after the last one.</summary>
    private static List<MemberChange> NetMemberChanges(List<TenantChange> changes)
    {
        var result = new List<MemberChange>();
        var membership = changes
            .Where(c => c.Kind is TenantChangeKind.MemberAdded or TenantChangeKind.MemberRemoved && c.MemberId is not null)
            .GroupBy(c => c.MemberId!, StringComparer.OrdinalIgnoreCase);
        foreach (var member in membership)
        {
            var wasMember = member.First().Kind == TenantChangeKind.MemberRemoved;
            var isMember = member.Last().Kind == TenantChangeKind.MemberAdded;
            if (wasMember != isMember)
            {
                var reference = new DirectoryObjectRef(member.Key, member.Last().MemberKind ?? DirectoryObjectKind.User);
                result.Add(new MemberChange(reference, Removed: !isMember));
            }
        }

        return result;
    }

    private static void AddGroup(
        List<JsonObject> entries, EmulatedGroup group, PropertySelection select, List<MemberChange> members, int membersPerEntry, HashSet<string>? only = null)
    {
        if (members.Count == 0)
        {
            entries.Add(Shaped(GraphJson.Group(group, select), only));
            return;
        }

        foreach (var chunk in members.Chunk(Math.Max(1, membersPerEntry)))
        {
            var entry = Shaped(GraphJson.Group(group, select), only);
            entry["members@delta"] = new JsonArray([.. chunk.Select(MemberEntry)]);
            entries.Add(entry);
        }
    }

    /// <summary>The entry with only its id and the properties in <paramref name="only"/>; all of it when null.</summary>
    private static JsonObject Shaped(JsonObject entry, HashSet<string>? only)
    {
        if (only is null)
        {
            return entry;
        }

        foreach (var name in entry.Select(p => p.Key).Where(k => k != "id" && !only.Contains(k)).ToList())
        {
            entry.Remove(name);
        }

        return entry;
    }

    private static JsonNode MemberEntry(MemberChange change)
    {
        var entry = new JsonObject
        {
            ["@odata.type"] = GraphJson.TypeName(change.Member.Kind),
            ["id"] = change.Member.Id,
        };
        if (change.Removed)
        {
            entry["@removed"] = new JsonObject { ["reason"] = "deleted" };
        }

        return entry;
    }

    private static JsonObject Removed(string groupId, string reason) =>
        new() { ["id"] = groupId, ["@removed"] = new JsonObject { ["reason"] = reason } };

    private sealed record MemberChange(DirectoryObjectRef Member, bool Removed);
}
