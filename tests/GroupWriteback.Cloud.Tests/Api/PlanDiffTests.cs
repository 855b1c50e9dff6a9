using GroupWriteback.Cloud.Api;
using GroupWriteback.Cloud.Workflows.Group;

namespace GroupWriteback.Cloud.Tests.Api;

/// <summary>A written-back group's plan beside what its last pass recorded: the console's diff.</summary>
public sealed class PlanDiffTests
{
    private static readonly GroupPlanReport Plan = new("g1", "Sales EMEA", "update", "inScope", "OU=Moved,DC=corp,DC=test", null, 4, 1, 5);

    [Fact]
    public void WithCurrent_NewNameAndOu_RenamedAndMoved()
    {
        var status = new GroupStatus { GroupId = "g1", DisplayName = "Sales", DistinguishedName = "CN=Sales\\, old,OU=Groups,DC=corp,DC=test", MembersWritten = 3 };

        var diff = PlanHandler.WithCurrent(Plan, status);

        Assert.Equal(("Sales", "CN=Sales\\, old,OU=Groups,DC=corp,DC=test", 3, true, true), (diff.CurrentDisplayName, diff.CurrentDistinguishedName, diff.MembersWritten, diff.Renamed, diff.Moved));
    }

    [Fact]
    public void WithCurrent_SameNameAndOu_NeitherRenamedNorMoved()
    {
        var status = new GroupStatus { GroupId = "g1", DisplayName = "Sales EMEA", DistinguishedName = "CN=Sales EMEA,ou=moved,DC=corp,DC=test" };

        var diff = PlanHandler.WithCurrent(Plan, status);

        Assert.Equal((false, false), (diff.Renamed, diff.Moved));
    }

    [Theory]
    [InlineData("CN=a,OU=x,DC=y", "OU=x,DC=y")]
    [InlineData("CN=a\\,b,OU=x", "OU=x")]
    [InlineData("CN=a", null)]
    [InlineData(null, null)]
    public void ParentOf_Dn_WithoutFirstRdn(string? dn, string? parent) => Assert.Equal(parent, PlanHandler.ParentOf(dn));
}
