using System.DirectoryServices.Protocols;
using GroupWriteback.Agent.Directory;
using GroupWriteback.Contracts.Results;
using GroupWriteback.Contracts;
using GroupWriteback.Testing;

namespace GroupWriteback.Agent.Tests.Processing;

[Trait(TestCategory.Name, TestCategory.DomainController)]
public sealed class UpsertGroupHandlerTests : IDisposable
{
    private readonly WriterScope _scope = new("upsert");

    [Fact]
    public void Upsert_Microsoft365Group_CreatesUniversalDistributionGroupWithMailAndExchangeAttributes()
    {
        var id = Guid.NewGuid().ToString();

        var result = Assert.Single(_scope.Apply(_scope.Upsert(id, "Sales Team", description: "All of sales")));

        Assert.Equal(ResultOutcome.Applied, result.Outcome);
        var entry = WriterScope.ReadGroup(id, "groupType", "displayName", "description", "mail", "proxyAddresses", "mailNickname", "msExchRecipientTypeDetails", "msExchRecipientDisplayType", "msExchHideFromAddressLists", "msExchRequireAuthToSendTo", "objectGUID", "sAMAccountName");
        Assert.Equal(result.DistinguishedName, entry.DistinguishedName);
        Assert.Equal(result.ObjectGuid, WriterScope.ObjectGuid(entry));
        Assert.Equal(["8"], WriterScope.Values(entry, "groupType"));
        Assert.Equal(["Sales Team"], WriterScope.Values(entry, "displayName"));
        Assert.Equal(["All of sales"], WriterScope.Values(entry, "description"));
        Assert.Equal([$"g{id[..8]}@corp.test"], WriterScope.Values(entry, "mail"));
        Assert.Equal(2, WriterScope.Values(entry, "proxyAddresses").Length);
        Assert.Equal([$"g{id[..8]}"], WriterScope.Values(entry, "mailNickname"));
        Assert.Equal(["2199023255552"], WriterScope.Values(entry, "msExchRecipientTypeDetails"));
        Assert.Equal(["TRUE"], WriterScope.Values(entry, "msExchHideFromAddressLists"));
        Assert.Equal(["TRUE"], WriterScope.Values(entry, "msExchRequireAuthToSendTo"));
        Assert.StartsWith($"CN=Sales Team_{id[^12..]},", entry.DistinguishedName, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CloudGroupKind.Microsoft365)]
    [InlineData(CloudGroupKind.Security)]
    public void Upsert_CreateUpdateRenameMoveDelete_RoundTripsKeepingObjectGuid(CloudGroupKind kind)
    {
        var id = Guid.NewGuid().ToString();

        var created = Assert.Single(_scope.Apply(_scope.Upsert(id, "Round trip", kind)));
        var afterCreate = WriterScope.ReadGroup(id, "objectGUID", "groupType", "description");
        var updated = Assert.Single(_scope.Apply(_scope.Upsert(id, "Round trip", kind, description: "described")));
        var afterUpdate = WriterScope.ReadGroup(id, "objectGUID", "description");
        var renamed = Assert.Single(_scope.Apply(_scope.Upsert(id, "Round trip renamed", kind, description: "described")));
        var afterRename = WriterScope.ReadGroup(id, "objectGUID", "displayName");
        var moved = Assert.Single(_scope.Apply(_scope.Upsert(id, "Round trip renamed", kind, ou: _scope.OtherOu, description: "described")));
        var afterMove = WriterScope.ReadGroup(id, "objectGUID", "groupType", "description", "displayName");
        var deleted = Assert.Single(_scope.Apply(WriterScope.Delete(id)));

        Assert.All(new[] { created, updated, renamed, moved, deleted }, r => Assert.True(r.Outcome == ResultOutcome.Applied, r.Message));
        var guid = WriterScope.ObjectGuid(afterCreate);
        Assert.Equal(created.ObjectGuid, guid);
        Assert.Equal(kind == CloudGroupKind.Security ? ["-2147483640"] : ["8"], WriterScope.Values(afterCreate, "groupType"));
        Assert.Empty(WriterScope.Values(afterCreate, "description"));
        Assert.Equal(["described"], WriterScope.Values(afterUpdate, "description"));
        Assert.StartsWith($"CN=Round trip renamed_{id[^12..]},{_scope.Ou}", afterRename.DistinguishedName, StringComparison.OrdinalIgnoreCase);
        Assert.Equal($"CN=Round trip renamed_{id[^12..]},{_scope.OtherOu}", afterMove.DistinguishedName, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(["described"], WriterScope.Values(afterMove, "description"));
        Assert.All(new[] { afterUpdate, afterRename, afterMove }, e => Assert.Equal(guid, WriterScope.ObjectGuid(e)));
        Assert.Empty(WriterScope.FindByAnchor(id));
    }

    [Fact]
    public void Upsert_DerivedSamAccountNameTakenElsewhere_CreatesWithTheNextSuffixAndKeepsIt()
    {
        var id = Guid.NewGuid().ToString();
        Assert.True(WritebackAnchor.TryCreate(id, out var anchor));
        var commonName = GroupNaming.CommonName(anchor, NamingScheme.DisplayNameAndObjectId, "Collides");
        var taken = GroupNaming.SamAccountName(anchor, commonName, 0);
        var squatter = $"CN=squatter-{id[..8]},{_scope.OutsideOu}";
        WriterScope.AddEntry(squatter, ("objectClass", new[] { "top", "group" }), ("sAMAccountName", new[] { taken }));

        var results = _scope.Apply(_scope.Upsert(id, "Collides", CloudGroupKind.Security), _scope.Upsert(id, "Collides", CloudGroupKind.Security));

        Assert.Equal((ResultOutcome.Applied, ResultOutcome.NoOp), (results[0].Outcome, results[1].Outcome));
        var sam = Assert.Single(WriterScope.Values(WriterScope.ReadGroup(id, "sAMAccountName"), "sAMAccountName"));
        Assert.Equal(GroupNaming.SamAccountName(anchor, commonName, 1), sam);
        Assert.NotEqual(taken, sam, StringComparer.OrdinalIgnoreCase);
        Assert.Equal([taken], WriterScope.Values(Assert.Single(WriterScope.Domain.Search(squatter, "(objectCategory=group)", SearchScope.Base, "sAMAccountName")), "sAMAccountName"));
    }

    [Fact]
    public void Upsert_SamAccountNameLimit20_ThousandCharacterNamesGetDistinct20CharacterNames()
    {
        _scope.Options.SamAccountNameMaxLength = GroupNaming.MinSamAccountName;
        var ids = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid().ToString()).ToList();
        var name = ids[0][..8] + new string('W', 992);

        var results = _scope.Apply([.. ids.Select(id => _scope.Upsert(id, name, CloudGroupKind.Security))]);

        Assert.All(results, r => Assert.True(r.Outcome == ResultOutcome.Applied, r.Message));
        var names = ids.Select(id => Assert.Single(WriterScope.Values(WriterScope.ReadGroup(id, "sAMAccountName"), "sAMAccountName"))).ToList();
        Assert.All(names, sam => Assert.Equal(20, sam.Length));
        Assert.Equal(name[..20], names[0]);
        Assert.Equal(3, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(names.Skip(1), sam => Assert.StartsWith(name[..11] + "_", sam, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(CloudGroupKind.Security, OnPremisesGroupType.UniversalDistributionGroup, "8", true)]
    [InlineData(CloudGroupKind.Security, OnPremisesGroupType.UniversalMailEnabledSecurityGroup, "-2147483640", true)]
    [InlineData(CloudGroupKind.Microsoft365, OnPremisesGroupType.UniversalSecurityGroup, "-2147483640", false)]
    [InlineData(CloudGroupKind.Microsoft365, OnPremisesGroupType.UniversalMailEnabledSecurityGroup, "-2147483640", true)]
    public void Upsert_TypeOverride_LandsAsThatGroupType(CloudGroupKind kind, OnPremisesGroupType type, string groupType, bool mailEnabled)
    {
        var id = Guid.NewGuid().ToString();
        var command = _scope.Upsert(id, "Override", kind, type) with
        {
            Attributes = new GroupAttributes { DisplayName = "Override", Mail = $"o{id[..8]}@corp.test", MailNickname = $"o{id[..8]}" },
        };

        _scope.Apply(command);

        var entry = WriterScope.ReadGroup(id, "groupType", "mail", "mailNickname");
        Assert.Equal([groupType], WriterScope.Values(entry, "groupType"));
        Assert.Equal(mailEnabled ? [$"o{id[..8]}@corp.test"] : [], WriterScope.Values(entry, "mail"));
        Assert.Equal(mailEnabled ? [$"o{id[..8]}"] : [], WriterScope.Values(entry, "mailNickname"));
    }

    [Fact]
    public void Upsert_SecurityGroup_CreatesUniversalSecurityGroupWithoutMail()
    {
        var id = Guid.NewGuid().ToString();

        var result = Assert.Single(_scope.Apply(_scope.Upsert(id, "Admins", CloudGroupKind.Security, naming: NamingScheme.ObjectId)));

        Assert.Equal(ResultOutcome.Applied, result.Outcome);
        var entry = WriterScope.ReadGroup(id, "groupType", "mail", "msExchRecipientTypeDetails", "adminDescription", "msDS-ExternalDirectoryObjectId");
        Assert.Equal(["-2147483640"], WriterScope.Values(entry, "groupType"));
        Assert.Equal([$"Group_{id}"], WriterScope.Values(entry, "adminDescription"));
        Assert.Equal([$"Group_{id}"], WriterScope.Values(entry, "msDS-ExternalDirectoryObjectId"));
        Assert.Empty(WriterScope.Values(entry, "mail"));
        Assert.Empty(WriterScope.Values(entry, "msExchRecipientTypeDetails"));
        Assert.StartsWith($"CN=Group_{id},", entry.DistinguishedName, StringComparison.Ordinal);
    }

    [Fact]
    public void Upsert_TypeOverrideMailEnabledSecurity_WritesSecurityGroupTypeAndMail()
    {
        var id = Guid.NewGuid().ToString();

        _scope.Apply(_scope.Upsert(id, "Mail sec", CloudGroupKind.Microsoft365, OnPremisesGroupType.UniversalMailEnabledSecurityGroup));

        var entry = WriterScope.ReadGroup(id, "groupType", "mail", "msExchRecipientTypeDetails");
        Assert.Equal(["-2147483640"], WriterScope.Values(entry, "groupType"));
        Assert.Single(WriterScope.Values(entry, "mail"));
        Assert.Equal(["1024"], WriterScope.Values(entry, "msExchRecipientTypeDetails"));
    }

    [Theory]
    [InlineData("Twice")]
    [InlineData("Team, \"quoted\" #1")]
    [InlineData("#lead, trail ")]
    [InlineData("a+b=c;<d>\\")]
    public void Upsert_SameCommandTwice_SecondIsNoOp(string displayName)
    {
        var id = Guid.NewGuid().ToString();
        var command = _scope.Upsert(id, displayName);

        var results = _scope.Apply(command, command);

        Assert.Equal(ResultOutcome.Applied, results[0].Outcome);
        Assert.True(results[1].Outcome == ResultOutcome.NoOp, results[1].Message);
        Assert.Single(WriterScope.FindByAnchor(id));
    }

    [Fact]
    public void Upsert_DescriptionAndTypeChange_UpdatesInPlace()
    {
        var id = Guid.NewGuid().ToString();
        _scope.Apply(_scope.Upsert(id, "Changing", CloudGroupKind.Security, description: "before"));
        var guid = WriterScope.ObjectGuid(WriterScope.ReadGroup(id, "objectGUID"));

        var result = Assert.Single(_scope.Apply(_scope.Upsert(id, "Changing", CloudGroupKind.Security, OnPremisesGroupType.UniversalDistributionGroup, description: "after")));

        Assert.Equal(ResultOutcome.Applied, result.Outcome);
        var entry = WriterScope.ReadGroup(id, "description", "groupType", "objectGUID");
        Assert.Equal(["after"], WriterScope.Values(entry, "description"));
        Assert.Equal(["8"], WriterScope.Values(entry, "groupType"));
        Assert.Equal(guid, WriterScope.ObjectGuid(entry));
    }

    [Fact]
    public void Upsert_DisplayNameChange_RenamesKeepingObjectGuid()
    {
        var id = Guid.NewGuid().ToString();
        _scope.Apply(_scope.Upsert(id, "Old name"));
        var before = WriterScope.ReadGroup(id, "objectGUID");

        _scope.Apply(_scope.Upsert(id, "New name"));

        var after = WriterScope.ReadGroup(id, "objectGUID", "displayName");
        Assert.StartsWith($"CN=New name_{id[^12..]},", after.DistinguishedName, StringComparison.Ordinal);
        Assert.Equal(WriterScope.ObjectGuid(before), WriterScope.ObjectGuid(after));
        Assert.Equal(["New name"], WriterScope.Values(after, "displayName"));
    }

    [Fact]
    public void Upsert_CaseOnlyRename_RenamesTheCn()
    {
        var id = Guid.NewGuid().ToString();
        _scope.Apply(_scope.Upsert(id, "marketing"));

        var result = Assert.Single(_scope.Apply(_scope.Upsert(id, "Marketing")));

        Assert.Equal(ResultOutcome.Applied, result.Outcome);
        Assert.StartsWith("CN=Marketing_", WriterScope.ReadGroup(id).DistinguishedName, StringComparison.Ordinal);
    }

    [Fact]
    public void Upsert_TargetOuChange_MovesKeepingObjectGuid()
    {
        var id = Guid.NewGuid().ToString();
        _scope.Apply(_scope.Upsert(id, "Mover"));
        var before = WriterScope.ObjectGuid(WriterScope.ReadGroup(id, "objectGUID"));

        var result = Assert.Single(_scope.Apply(_scope.Upsert(id, "Mover", ou: _scope.OtherOu)));

        var after = WriterScope.ReadGroup(id, "objectGUID");
        Assert.Equal(ResultOutcome.Applied, result.Outcome);
        Assert.EndsWith(_scope.OtherOu, after.DistinguishedName, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, WriterScope.ObjectGuid(after));
    }

    [Fact]
    public void Upsert_SchemaWithoutExchangeAttributes_SkipsThem()
    {
        var id = Guid.NewGuid().ToString();

        var result = Assert.Single(_scope.Apply(SchemaCapabilities.None, _scope.Upsert(id, "No Exchange")));

        Assert.Equal(ResultOutcome.Applied, result.Outcome);
        var entry = WriterScope.ReadGroup(id, "mail", "mailNickname", "msExchRecipientTypeDetails", "msExchHideFromAddressLists", "msExchRequireAuthToSendTo", "msExchRecipientDisplayType");
        Assert.Single(WriterScope.Values(entry, "mail"));
        foreach (var attribute in SchemaCapabilities.ExchangeAttributes)
        {
            Assert.Empty(WriterScope.Values(entry, attribute));
        }
    }

    [Fact]
    public void Delete_OurGroup_RemovesItAndSecondDeleteIsNoOp()
    {
        var id = Guid.NewGuid().ToString();
        _scope.Apply(_scope.Upsert(id, "Doomed", CloudGroupKind.Security));

        var results = _scope.Apply(WriterScope.Delete(id), WriterScope.Delete(id));

        Assert.Equal(ResultOutcome.Applied, results[0].Outcome);
        Assert.Equal(ResultOutcome.NoOp, results[1].Outcome);
        Assert.Empty(WriterScope.FindByAnchor(id));
    }

    public void Dispose() => _scope.Dispose();
}
