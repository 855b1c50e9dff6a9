using GroupWriteback.LocalDomain;
using GroupWriteback.LocalHost.Demo;

namespace GroupWriteback.LocalHost.Tests.Demo;

public sealed class DemoTenantTests
{
    private static readonly IReadOnlyList<TestUser> Users =
        [.. Enumerable.Range(0, DemoTenant.OnPremisesUsers).Select(i => new TestUser($"CN=u{i},OU=Users,DC=corp,DC=test", $"S-1-5-21-1-2-3-{2000 + i}", Guid.NewGuid(), $"gwdemo{i:D6}"))];

    [Fact]
    public void Build_DemoUsers_FiftyOneGroupsOfBothKinds()
    {
        var tenant = DemoTenant.Build(Users);

        Assert.Equal(51, tenant.Groups.Count);
        Assert.Equal(21, tenant.Groups.Count(g => g.GroupTypes.Contains("Unified")));
        Assert.Equal(30, tenant.Groups.Count(g => g.SecurityEnabled && !g.MailEnabled));
        Assert.Equal(tenant.Groups.Count, tenant.Groups.Select(g => g.Id).Distinct().Count());
    }

    [Fact]
    public void Build_DemoUsers_LargeNestedHostileAndCloudOnlyMembers()
    {
        var tenant = DemoTenant.Build(Users);
        var byId = tenant.Groups.ToDictionary(g => g.Id!);
        var cloudOnly = tenant.Users.Where(u => u.OnPremisesSecurityIdentifier is null).Select(u => u.Id).ToHashSet();

        Assert.Equal(DemoTenant.LargeGroupSize, byId[DemoTenant.LargeGroupId].Members.Count);
        Assert.Contains(DemoTenant.NestedInnerId, byId[DemoTenant.NestedOuterId].Members);
        Assert.All(DemoTenant.HostileNames, name => Assert.Contains(tenant.Groups, g => g.DisplayName == name));
        Assert.Equal(DemoTenant.CloudOnlyUsers, cloudOnly.Count);
        Assert.Contains(tenant.Groups, g => g.Members.Any(cloudOnly.Contains));
    }

    [Fact]
    public void Build_TwoRuns_SameIds()
    {
        var first = DemoTenant.Build(Users);
        var second = DemoTenant.Build(Users);

        Assert.Equal(first.Groups.Select(g => g.Id), second.Groups.Select(g => g.Id));
        Assert.Equal(first.Users.Select(u => u.Id), second.Users.Select(u => u.Id));
    }

    [Fact]
    public void Build_TooFewUsers_FailsNamingTheNeed()
    {
        var error = Assert.Throws<ArgumentException>(() => DemoTenant.Build([.. Users.Take(10)]));

        Assert.Contains($"{DemoTenant.OnPremisesUsers}", error.Message, StringComparison.Ordinal);
    }
}
