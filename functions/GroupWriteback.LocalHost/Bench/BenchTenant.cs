using System.Globalization;
using GroupWriteback.GraphEmulator.Model;
using GroupWriteback.Testing;

namespace GroupWriteback.LocalHost.Bench;

/// <summary>A tenant of <c>groups</c> security groups, each with every one of the synced users as members.</summary>
internal static class BenchTenant
{
    public static TenantFileDocument Build(int groups, IReadOnlyList<TestUser> users)
    {
        var synced = users.Select((user, i) => new UserDraft
        {
            Id = UserId(i),
            DisplayName = $"Bench User {i}",
            UserPrincipalName = $"bench.user{i}@corp.test",
            OnPremisesSecurityIdentifier = user.Sid,
            OnPremisesImmutableId = Convert.ToBase64String(user.ObjectGuid.ToByteArray()),
            OnPremisesSyncEnabled = true,
        }).ToList();
        var memberIds = synced.Select(u => u.Id!).ToList();
        var drafts = Enumerable.Range(0, groups)
            .Select(i => GroupDraft.Security(string.Create(CultureInfo.InvariantCulture, $"Bench {i:D5}")) with { Id = Id("bc", i), Members = memberIds })
            .ToList();
        return new TenantFileDocument { Users = synced, Groups = drafts };
    }

    /// <summary>The emulated tenant's id of the <paramref name="index"/>th synced user.</summary>
    public static string UserId(int index) => Id("ab", index);

    private static string Id(string prefix, int index) => string.Create(CultureInfo.InvariantCulture, $"{prefix}000000-0000-4000-8000-{index:D12}");
}
