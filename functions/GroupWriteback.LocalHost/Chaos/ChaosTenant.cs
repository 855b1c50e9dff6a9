using System.Globalization;
using System.Net;
using GroupWriteback.GraphEmulator.Model;
using GroupWriteback.LocalHost.Bridge;
using GroupWriteback.LocalDomain;

namespace GroupWriteback.LocalHost.Chaos;

/// <summary>
/// The chaos run's tenant: synced users standing for DC users, and security groups with random members; and the
/// membership changes made through Graph while faults are injected.
/// </summary>
internal sealed class ChaosTenant
{
    private const string GroupPrefix = "c4a05000";
    private readonly Random _random;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, HashSet<string>> _members;

    public ChaosTenant(IReadOnlyList<TestUser> users, int groups, int membersPerGroup, Random random)
    {
        this._random = random;
        Users = [.. users.Select((user, i) => (user, Id("c4a0a000", i)))];
        Document = new TenantFileDocument
        {
            Users = [.. Users.Select((u, i) => new UserDraft
            {
                Id = u.CloudId,
                DisplayName = string.Create(CultureInfo.InvariantCulture, $"Chaos User {i}"),
                UserPrincipalName = string.Create(CultureInfo.InvariantCulture, $"chaos.user{i}@corp.test"),
                OnPremisesSecurityIdentifier = u.User.Sid,
                OnPremisesImmutableId = Convert.ToBase64String(u.User.ObjectGuid.ToByteArray()),
                OnPremisesSyncEnabled = true,
            })],
            Groups = [.. Enumerable.Range(0, groups).Select(i => GroupDraft.Security(string.Create(CultureInfo.InvariantCulture, $"Chaos {i:D5}")) with
            {
                Id = Id(GroupPrefix, i),
                Members = [.. Sample(membersPerGroup).Select(u => u.CloudId)],
            })],
        };
        _members = Document.Groups.ToDictionary(g => g.Id!, g => new HashSet<string>(g.Members, StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The DC users and the ids of the cloud users standing for them.</summary>
    public IReadOnlyList<(TestUser User, string CloudId)> Users { get; }

    /// <summary>The tenant file the bridge starts from.</summary>
    public TenantFileDocument Document { get; }

    /// <summary>Whether an anchor value names one of this run's groups.</summary>
    public static bool IsChaosAnchor(string anchor) => anchor.StartsWith("Group_" + GroupPrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Takes the memberships from <paramref name="tenant"/> (after a restarted host read its tenant file again).</summary>
    public void Reset(TenantFileDocument tenant)
    {
        lock (_gate)
        {
            foreach (var group in tenant.Groups.Where(g => _members.ContainsKey(g.Id!)))
            {
                _members[group.Id!] = new HashSet<string>(group.Members, StringComparer.OrdinalIgnoreCase);
            }
        }
    }

    /// <summary>Adds a user to, or removes a member from, a random group through Graph; returns what it did.</summary>
    public async Task<string> ChangeOneAsync(EmulatorClient graph, CancellationToken cancellationToken)
    {
        string groupId, userId;
        bool add;
        lock (_gate)
        {
            groupId = Document.Groups[_random.Next(Document.Groups.Count)].Id!;
            var current = _members[groupId];
            add = current.Count == 0 || _random.Next(2) == 0;
            var candidates = add ? Users.Select(u => u.CloudId).Where(id => !current.Contains(id)).ToList() : [.. current];
            if (candidates.Count == 0)
            {
                return "no change possible";
            }

            userId = candidates[_random.Next(candidates.Count)];
            _ = add ? current.Add(userId) : current.Remove(userId);
        }

        try
        {
            if (add)
            {
                await graph.AddMemberAsync(groupId, userId, cancellationToken);
            }
            else
            {
                await graph.RemoveMemberAsync(groupId, userId, cancellationToken);
            }
        }
        catch (HttpRequestException ex) when (ex.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest)
        {
            // Two changes to one group raced, or the tenant was read again meanwhile: Graph already has what the
            // model now says (the member present, or absent), and the tenant, not the model, is the desired state.
            return $"{groupId}: {userId} already {(add ? "a member" : "gone")}";
        }

        return $"{(add ? "added" : "removed")} {userId} {(add ? "to" : "from")} {groupId}";
    }

    private List<(TestUser User, string CloudId)> Sample(int count)
    {
        lock (_gate)
        {
            return Users.OrderBy(_ => _random.Next()).Take(count).ToList();
        }
    }

    private static string Id(string prefix, int index) => string.Create(CultureInfo.InvariantCulture, $"{prefix}-0000-4000-8000-{index:D12}");
}
