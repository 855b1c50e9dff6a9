using System.Globalization;
using GroupWriteback.Cloud.Graph;

namespace GroupWriteback.Cloud.Tests.Orchestrations;

/// <summary>
/// A tenant and its Graph reader in memory: groups, users, membership and a change log that
/// <c>groups/delta</c> rounds are read from. Links expire on <see cref="ExpireDeltaLinks"/> (410 Gone).
/// It stands in for the Graph emulator behind <see cref="ITestTenant"/> until the reader over the
/// emulator is available.
/// </summary>
internal sealed class InMemoryGraph : IGraphGroupReader, ITestTenant
{
    private readonly Lock sync = new();
    private readonly Dictionary<string, CloudGroup> groups = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<string>> members = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, CloudMember> objects = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Change> log = [];
    private int generation;
    private int deltaReads;
    private int nextId;

    public IGraphGroupReader Reader => this;

    public int PageSize { get; init; } = 100;

    public int DeltaReads => Volatile.Read(ref deltaReads);

    public string AddUser(string? sid = null, Guid? objectGuid = null)
    {
        var id = NewId("u");
        lock (sync)
        {
            objects[id] = new CloudMember { Id = id, Kind = CloudMemberKind.User, OnPremisesSecurityIdentifier = sid, OnPremisesObjectGuid = objectGuid };
        }

        return id;
    }

    public IReadOnlyList<string> AddUsers(int count) =>
        Enumerable.Range(0, count).Select(i => AddUser(string.Create(CultureInfo.InvariantCulture, $"S-1-5-21-1-2-3-{10000 + Interlocked.Increment(ref nextId)}"))).ToList();

    public string CreateGroup(CloudGroup group, IEnumerable<string>? memberIds = null)
    {
        ArgumentNullException.ThrowIfNull(group);
        var id = string.IsNullOrEmpty(group.Id) ? NewId("g") : group.Id;
        lock (sync)
        {
            groups[id] = group with { Id = id };
            members[id] = [.. memberIds ?? []];
            objects[id] = new CloudMember { Id = id, Kind = CloudMemberKind.Group };
            log.Add(new Change(id, Deleted: false, Properties: true, [.. members[id]], []));
        }

        return id;
    }

    public void UpdateGroup(string groupId, Func<CloudGroup, CloudGroup> update)
    {
        ArgumentNullException.ThrowIfNull(update);
        lock (sync)
        {
            groups[groupId] = update(groups[groupId]) with { Id = groupId };
            log.Add(new Change(groupId, Deleted: false, Properties: true, [], []));
        }
    }

    public void AddMembers(string groupId, params string[] memberIds)
    {
        lock (sync)
        {
            members[groupId].AddRange(memberIds.Except(members[groupId], StringComparer.OrdinalIgnoreCase));
            log.Add(new Change(groupId, Deleted: false, Properties: false, memberIds, []));
        }
    }

    public void RemoveMembers(string groupId, params string[] memberIds)
    {
        lock (sync)
        {
            members[groupId].RemoveAll(m => memberIds.Contains(m, StringComparer.OrdinalIgnoreCase));
            log.Add(new Change(groupId, Deleted: false, Properties: false, [], memberIds));
        }
    }

    public void DeleteGroup(string groupId)
    {
        lock (sync)
        {
            groups.Remove(groupId);
            members.Remove(groupId);
            log.Add(new Change(groupId, Deleted: true, Properties: false, [], []));
        }
    }

    public void ExpireDeltaLinks() => Interlocked.Increment(ref generation);

    public Task<DeltaPage> ReadDeltaPageAsync(string? link, CancellationToken ct)
    {
        Interlocked.Increment(ref deltaReads);
        lock (sync)
        {
            // Links: "delta|<generation>|<from>" starts a round, "next|<generation>|<from>|<to>|<offset>" continues it.
            var parts = (link ?? $"delta|{generation}|0").Split('|');
            if (int.Parse(parts[1], CultureInfo.InvariantCulture) != generation)
            {
                throw new DeltaTokenExpiredException($"The delta link {link} has expired.");
            }

            var from = int.Parse(parts[2], CultureInfo.InvariantCulture);
            var to = parts[0] == "next" ? int.Parse(parts[3], CultureInfo.InvariantCulture) : log.Count;
            var offset = parts[0] == "next" ? int.Parse(parts[4], CultureInfo.InvariantCulture) : 0;
            var changes = Merge(log.Skip(from).Take(to - from));
            var page = changes.Skip(offset).Take(PageSize).ToList();
            var more = offset + page.Count < changes.Count;
            return Task.FromResult(new DeltaPage
            {
                Changes = page,
                NextLink = more ? string.Create(CultureInfo.InvariantCulture, $"next|{generation}|{from}|{to}|{offset + page.Count}") : null,
                DeltaLink = more ? null : string.Create(CultureInfo.InvariantCulture, $"delta|{generation}|{to}"),
            });
        }
    }

    public Task<string> GetLatestDeltaLinkAsync(CancellationToken ct)
    {
        lock (sync)
        {
            return Task.FromResult(string.Create(CultureInfo.InvariantCulture, $"delta|{generation}|{log.Count}"));
        }
    }

    public Task<CloudGroup?> GetGroupAsync(string groupId, CancellationToken ct)
    {
        lock (sync)
        {
            return Task.FromResult(groups.GetValueOrDefault(groupId));
        }
    }

    public Task<MemberPage> GetMembersPageAsync(string groupId, string? nextLink, CancellationToken ct)
    {
        lock (sync)
        {
            var all = members.GetValueOrDefault(groupId) ?? [];
            var offset = nextLink is null ? 0 : int.Parse(nextLink, CultureInfo.InvariantCulture);
            var page = all.Skip(offset).Take(PageSize).Select(id => objects[id]).ToList();
            var next = offset + page.Count < all.Count ? (offset + page.Count).ToString(CultureInfo.InvariantCulture) : null;
            return Task.FromResult(new MemberPage { Members = page, NextLink = next });
        }
    }

    public Task<IReadOnlyList<CloudMember>> GetMembersByIdsAsync(IReadOnlyList<string> ids, CancellationToken ct)
    {
        lock (sync)
        {
            IReadOnlyList<CloudMember> found = [.. ids.Where(objects.ContainsKey).Select(id => objects[id])];
            return Task.FromResult(found);
        }
    }

    public Task<GroupPage> ListGroupsPageAsync(GroupQuery query, string? nextLink, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Filter is not null)
        {
            throw new NotSupportedException($"The in-memory Graph does not evaluate $filter ({query.Filter}).");
        }

        lock (sync)
        {
            var matching = groups.Values.Where(g => query.Ids is null || query.Ids.Contains(g.Id, StringComparer.OrdinalIgnoreCase))
                .OrderBy(g => g.Id, StringComparer.Ordinal).ToList();
            var offset = nextLink is null ? 0 : int.Parse(nextLink, CultureInfo.InvariantCulture);
            var page = matching.Skip(offset).Take(PageSize).ToList();
            var next = offset + page.Count < matching.Count ? (offset + page.Count).ToString(CultureInfo.InvariantCulture) : null;
            return Task.FromResult(new GroupPage { Groups = page, NextLink = next });
        }
    }

    public Task<bool> IsTransitiveMemberAsync(string groupId, string scopingGroupId, CancellationToken ct)
    {
        lock (sync)
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var pending = new Stack<string>([scopingGroupId]);
            while (pending.TryPop(out var current))
            {
                foreach (var member in members.GetValueOrDefault(current) ?? [])
                {
                    if (string.Equals(member, groupId, StringComparison.OrdinalIgnoreCase))
                    {
                        return Task.FromResult(true);
                    }

                    if (groups.ContainsKey(member) && seen.Add(member))
                    {
                        pending.Push(member);
                    }
                }
            }

            return Task.FromResult(false);
        }
    }

    /// <summary>One group's entries of a round merged, as Graph merges a page: later entries win.</summary>
    private List<GroupChange> Merge(IEnumerable<Change> changes)
    {
        var merged = new List<GroupChange>();
        foreach (var byGroup in changes.GroupBy(c => c.GroupId, StringComparer.OrdinalIgnoreCase))
        {
            var deleted = byGroup.Last().Deleted;
            var added = new List<string>();
            var removed = new List<string>();
            foreach (var change in byGroup)
            {
                added.RemoveAll(change.Removed.Contains);
                removed.RemoveAll(change.Added.Contains);
                added.AddRange(change.Added.Except(added));
                removed.AddRange(change.Removed.Except(removed));
            }

            merged.Add(new GroupChange
            {
                GroupId = byGroup.Key,
                Deleted = deleted,
                Group = deleted ? null : groups.GetValueOrDefault(byGroup.Key),
                AddedMemberIds = deleted ? [] : added,
                RemovedMemberIds = deleted ? [] : removed,
            });
        }

        return merged;
    }

    private string NewId(string prefix) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}{Interlocked.Increment(ref nextId):D6}-0000-4000-8000-000000000000");

    private sealed record Change(string GroupId, bool Deleted, bool Properties, IReadOnlyList<string> Added, IReadOnlyList<string> Removed);
}
