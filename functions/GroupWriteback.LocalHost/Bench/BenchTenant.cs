using System.Globalization;
using GroupWriteback.GraphEmulator.Model;
using GroupWriteback.LocalDomain;

namespace GroupWriteback.LocalHost.Bench;

/// <summary>The bench's emulated tenants: security groups over synced users that exist in the test DC.</summary>
internal static class BenchTenant
{
    /// <summary>
    /// <paramref name="groups"/> groups of <paramref name="members"/> each, drawn from <paramref name="pool"/> as
    /// <see cref="BenchMembership"/> says (the raw baseline writes the same sets).
    /// </summary>
    public static TenantFileDocument FullSync(int groups, int members, IReadOnlyList<TestUser> pool, string groupPrefix)
    {
        var tenant = Build(0, [], pool, groupPrefix);
        var drafts = Enumerable.Range(0, groups)
            .Select(i => GroupDraft.Security(string.Create(CultureInfo.InvariantCulture, $"Bench {i:D5}")) with
            {
                Id = Id(groupPrefix, i),
                Members = [.. BenchMembership.Of(i, members, pool.Count).Select(UserId)],
            })
            .ToList();
        return tenant with { Groups = drafts };
    }

    /// <summary>
    /// <paramref name="synced"/> as synced users (the <c>i</c>th has id <see cref="UserId"/>(i)); every group has the
    /// first <paramref name="members"/>.Count of them as members. Group ids start with <paramref name="groupPrefix"/> (two hex
    /// digits): bridges of one run need ids of their own, since the groups of an earlier bridge stay in its scratch OU
    /// until the run ends and the agent refuses an anchor it finds outside its OU.
    /// </summary>
    public static TenantFileDocument Build(int groups, IReadOnlyList<TestUser> members, IReadOnlyList<TestUser> synced, string groupPrefix = "bc")
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(synced);
        var users = synced.Select((user, i) => new UserDraft
        {
            Id = UserId(i),
            DisplayName = $"Bench User {i}",
            UserPrincipalName = $"bench.user{i}@corp.test",
            OnPremisesSecurityIdentifier = user.Sid,
            OnPremisesImmutableId = Convert.ToBase64String(user.ObjectGuid.ToByteArray()),
            OnPremisesSyncEnabled = true,
        }).ToList();
        var memberIds = users.Take(members.Count).Select(u => u.Id!).ToList();
        var drafts = Enumerable.Range(0, groups)
            .Select(i => GroupDraft.Security(string.Create(CultureInfo.InvariantCulture, $"Bench {i:D5}")) with { Id = Id(groupPrefix, i), Members = memberIds })
            .ToList();
        return new TenantFileDocument { Users = users, Groups = drafts };
    }

    /// <summary><paramref name="tenant"/> with <paramref name="count"/> more groups, Microsoft 365 groups without members.</summary>
    public static TenantFileDocument WithOutOfScopeGroups(TenantFileDocument tenant, int count, string groupPrefix = "bd")
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var extra = Enumerable.Range(0, Math.Max(0, count))
            .Select(i => GroupDraft.Microsoft365(string.Create(CultureInfo.InvariantCulture, $"Bench Team {i:D5}"), string.Create(CultureInfo.InvariantCulture, $"benchteam{i:D5}")) with { Id = Id(groupPrefix, i) });
        return tenant with { Groups = [.. tenant.Groups, .. extra] };
    }

    /// <summary>The emulated tenant's id of the <paramref name="index"/>th synced user.</summary>
    public static string UserId(int index) => Id("ab", index);

    private static string Id(string prefix, int index) => string.Create(CultureInfo.InvariantCulture, $"{prefix}000000-0000-4000-8000-{index:D12}");
}
