using GroupWriteback.Agent.Directory;

namespace GroupWriteback.Agent.Tests.Directory;

public sealed class ScopeGuardTests
{
    private readonly ScopeGuard _guard = new(["OU=Writeback,DC=corp,DC=test", "OU=Other,OU=Corp,DC=corp,DC=test"]);

    [Theory]
    [InlineData("CN=g,OU=Writeback,DC=corp,DC=test", true)]
    [InlineData("CN=g,OU=Sub,OU=Writeback,DC=corp,DC=test", true)]
    [InlineData("CN=g,OU=Other,OU=Corp,DC=corp,DC=test", true)]
    [InlineData(@"CN=x\,OU=Domain Controllers,OU=Writeback,DC=corp,DC=test", true)]
    [InlineData("CN=g,OU=Domain Controllers,DC=corp,DC=test", false)]
    [InlineData("OU=Writeback,DC=corp,DC=test", false)]
    [InlineData("CN=g,OU=Corp,DC=corp,DC=test", false)]
    [InlineData("CN=g,OU=Writeback,DC=evil,DC=test", false)]
    [InlineData("not a dn", false)]
    public void ContainsBelow_Dn_MatchesOnlyObjectsUnderTargetOus(string dn, bool expected)
    {
        Assert.Equal(expected, _guard.ContainsBelow(dn));
    }

    [Fact]
    public void Contains_TargetOuItself_IsTrue()
    {
        Assert.True(_guard.Contains("ou=writeback,dc=corp,dc=test"));
    }
}
