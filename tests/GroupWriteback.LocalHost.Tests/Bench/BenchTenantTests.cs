using GroupWriteback.LocalDomain;
using GroupWriteback.LocalHost.Bench;

namespace GroupWriteback.LocalHost.Tests.Bench;

public sealed class BenchTenantTests
{
    [Theory]
    [InlineData(2000, 20, 400)]
    [InlineData(300, 50, 150)]
    [InlineData(200, 50, 100)]
    [InlineData(1, 50, 50)]
    public void PoolSize_IssueSizes_NoUserInMoreThanAHundredGroups(int groups, int members, int expectedPool)
    {
        Assert.Equal(expectedPool, BenchMembership.PoolSize(groups, members));
    }

    [Fact]
    public void FullSync_2000x20_EveryGroupHasTwentyDistinctSyncedUsersAndNoUserIsInMoreThanAHundred()
    {
        var pool = Users(BenchMembership.PoolSize(2000, 20));

        var tenant = BenchTenant.FullSync(2000, 20, pool, "c0");

        var synced = tenant.Users.Select(u => u.Id).ToHashSet();
        Assert.Equal(pool.Count, synced.Count);
        Assert.All(tenant.Groups, g => Assert.Equal(20, g.Members.Distinct().Count()));
        Assert.All(tenant.Groups.SelectMany(g => g.Members), id => Assert.Contains(id, synced));
        var groupsPerUser = tenant.Groups.SelectMany(g => g.Members).GroupBy(id => id).Select(ids => ids.Count()).ToList();
        Assert.Equal(pool.Count, groupsPerUser.Count);
        Assert.Equal(BenchMembership.GroupsPerUser, groupsPerUser.Max());
        Assert.Equal(2000, tenant.Groups.Select(g => g.Id).Distinct().Count());
        Assert.All(tenant.Groups, g => Assert.StartsWith("c0", g.Id, StringComparison.Ordinal));
    }

    [Fact]
    public void FullSync_TwoPrefixes_NoSharedGroupId()
    {
        var pool = Users(150);

        var first = BenchTenant.FullSync(300, 50, pool, "c0").Groups.Select(g => g.Id);
        var second = BenchTenant.FullSync(300, 50, pool, "c1").Groups.Select(g => g.Id);

        Assert.Empty(first.Intersect(second));
    }

    private static List<TestUser> Users(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new TestUser($"CN=gwbench{i:D6},OU=Bench Users,DC=corp,DC=test", $"S-1-5-21-1-2-3-{3000 + i}", Guid.NewGuid(), $"gwbench{i:D6}"))];
}
