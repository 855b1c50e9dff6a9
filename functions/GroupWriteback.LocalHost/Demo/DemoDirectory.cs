using GroupWriteback.LocalDomain;

namespace GroupWriteback.LocalHost.Demo;

/// <summary>
/// The demo's corner of the DC: <c>OU=GroupWriteback Demo</c> with the groups OU the agent writes to, the users the
/// tenant's synced users stand for, and the agent's own account. Everything is kept between runs and only what is
/// missing is created, so a re-run takes seconds.
/// </summary>
internal sealed record DemoDirectory(string RootOu, string GroupsOu, TestUser AgentAccount, IReadOnlyList<TestUser> Users)
{
    public const string AgentAccountName = "gw-demo-agent";

    public static DemoDirectory Prepare(TestDomain domain, string agentPassword)
    {
        ArgumentNullException.ThrowIfNull(domain);
        var root = $"OU=GroupWriteback Demo,{domain.DomainDn}";
        var groups = $"OU=Groups,{root}";
        var users = $"OU=Users,{root}";
        domain.EnsureOu(root);
        domain.EnsureOu(groups);
        domain.EnsureOu(users);
        var account = domain.EnsureAccount(root, AgentAccountName, agentPassword);
        var people = domain.EnsureNumberedUsers(users, "gwdemo", DemoTenant.OnPremisesUsers);
        return new DemoDirectory(root, groups, account, people);
    }
}
