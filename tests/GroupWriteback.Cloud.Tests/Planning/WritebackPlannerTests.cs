using GroupWriteback.Cloud.Configuration;
using GroupWriteback.Cloud.Graph;
using GroupWriteback.Cloud.Planning;
using GroupWriteback.Contracts;
using Microsoft.Extensions.Options;

namespace GroupWriteback.Cloud.Tests.Planning;

public sealed class WritebackPlannerTests
{
    private const string DefaultOu = "OU=Groups,DC=corp,DC=test";
    private static readonly DateTimeOffset IssuedAt = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Theory]
    [InlineData(CloudGroupKind.Microsoft365, null, null, OnPremisesGroupType.UniversalDistributionGroup)]
    [InlineData(CloudGroupKind.Security, null, null, OnPremisesGroupType.UniversalSecurityGroup)]
    [InlineData(CloudGroupKind.Microsoft365, OnPremisesGroupType.UniversalSecurityGroup, null, OnPremisesGroupType.UniversalSecurityGroup)]
    [InlineData(CloudGroupKind.Microsoft365, OnPremisesGroupType.UniversalSecurityGroup, OnPremisesGroupType.UniversalMailEnabledSecurityGroup, OnPremisesGroupType.UniversalMailEnabledSecurityGroup)]
    public void DesiredType_OverrideThenCloudSettingThenKind_DecidesTheType(
        CloudGroupKind kind, OnPremisesGroupType? fromCloud, OnPremisesGroupType? configured, OnPremisesGroupType expected)
    {
        // Arrange
        var options = Options();
        if (configured is { } type)
        {
            options.GroupTypeOverrides["g1"] = type;
        }

        var group = Group() with { WritebackGroupType = fromCloud };

        // Act
        var actual = new WritebackPlanner(Microsoft.Extensions.Options.Options.Create(options)).DesiredType(group, kind);

        // Assert
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void TargetOu_MappedGroup_UsesItsOuAndOthersTheDefault()
    {
        // Arrange
        var options = Options();
        options.TargetOuByGroup["G1"] = "OU=Sales,DC=corp,DC=test";
        var planner = new WritebackPlanner(Microsoft.Extensions.Options.Options.Create(options));

        // Act / Assert
        Assert.Equal(("OU=Sales,DC=corp,DC=test", DefaultOu), (planner.TargetOu("g1"), planner.TargetOu("g2")));
    }

    [Fact]
    public void DesiredGroup_SecurityGroup_CarriesNoMailAttributes()
    {
        // Arrange
        var planner = Planner(NamingScheme.DisplayNameAndObjectId);
        var group = Group() with { Mail = "x@corp.test", MailNickname = "x", ProxyAddresses = ["SMTP:x@corp.test"] };

        // Act
        var upsert = planner.DesiredGroup(group, CloudGroupKind.Security, "c1", "group-g1", IssuedAt);

        // Assert
        Assert.Equal((null, null, null), (upsert.Attributes.Mail, upsert.Attributes.MailNickname, upsert.Attributes.ProxyAddresses));
        Assert.Equal(("c1", "g1", "group-g1", IssuedAt, NamingScheme.DisplayNameAndObjectId, DefaultOu), (upsert.CommandId, upsert.GroupId, upsert.ReplyTo, upsert.IssuedAt, upsert.Naming, upsert.TargetOu));
        Assert.Equal((string.Empty, "Sales"), (upsert.Attributes.Description, upsert.Attributes.DisplayName));
    }

    [Fact]
    public void DesiredGroup_Microsoft365Group_CarriesMailAttributes()
    {
        // Arrange
        var group = Group() with { Description = "All sales", Mail = "sales@corp.test", MailNickname = "sales", ProxyAddresses = ["SMTP:sales@corp.test", "smtp:s@corp.test"] };

        // Act
        var upsert = Planner().DesiredGroup(group, CloudGroupKind.Microsoft365, "c1", "group-g1", IssuedAt);

        // Assert
        Assert.Equal(("sales@corp.test", "sales", "All sales"), (upsert.Attributes.Mail, upsert.Attributes.MailNickname, upsert.Attributes.Description));
        Assert.Equal(["SMTP:sales@corp.test", "smtp:s@corp.test"], upsert.Attributes.ProxyAddresses!);
    }

    [Fact]
    public void IntentHash_SameGroupOtherIdsAndTime_IsUnchanged()
    {
        // Arrange
        var planner = Planner();
        var first = planner.DesiredGroup(Group(), CloudGroupKind.Security, "c1", "group-g1", IssuedAt);
        var later = planner.DesiredGroup(Group(), CloudGroupKind.Security, "c2", "group-g1", IssuedAt.AddDays(1));

        // Act / Assert
        Assert.Equal(WritebackPlanner.IntentHash(first), WritebackPlanner.IntentHash(later));
    }

    [Fact]
    public void IntentHash_Renamed_Changes()
    {
        // Arrange
        var planner = Planner();
        var first = planner.DesiredGroup(Group(), CloudGroupKind.Security, "c1", "group-g1", IssuedAt);
        var renamed = planner.DesiredGroup(Group() with { DisplayName = "Sales EMEA" }, CloudGroupKind.Security, "c1", "group-g1", IssuedAt);

        // Act / Assert
        Assert.NotEqual(WritebackPlanner.IntentHash(first), WritebackPlanner.IntentHash(renamed));
    }

    private static CloudGroup Group() => new() { Id = "g1", DisplayName = "Sales", SecurityEnabled = true };

    private static WritebackScopeOptions Options(NamingScheme naming = NamingScheme.ObjectId) =>
        new() { DefaultTargetOu = DefaultOu, Naming = naming };

    private static WritebackPlanner Planner(NamingScheme naming = NamingScheme.ObjectId) =>
        new(Microsoft.Extensions.Options.Options.Create(Options(naming)));
}
