using GroupWriteback.Agent.Directory;

namespace GroupWriteback.Agent.Tests.Directory;

public sealed class CurrentMemberTests
{
    private static readonly Guid UserGuid = Guid.Parse("0c5d6b8e-54a1-4f0e-9a51-2b7de1f4c8a3");

    [Fact]
    public void Parse_ExtendedDnWithGuidAndSid_ReadsBothAndTheDn()
    {
        var member = CurrentMember.Parse($"<GUID={UserGuid}>;<SID=S-1-5-21-1-2-3-1104>;CN=Ada Lovelace,OU=Users,DC=corp,DC=test");

        Assert.Equal(new CurrentMember("CN=Ada Lovelace,OU=Users,DC=corp,DC=test", UserGuid, "S-1-5-21-1-2-3-1104"), member);
    }

    [Fact]
    public void Parse_ExtendedDnWithoutSid_IsAMemberWithNoSid()
    {
        var member = CurrentMember.Parse($"<GUID={UserGuid}>;CN=Contact,OU=Users,DC=corp,DC=test");

        Assert.Equal(new CurrentMember("CN=Contact,OU=Users,DC=corp,DC=test", UserGuid, null), member);
    }

    [Fact]
    public void Parse_PlainDn_HasNoIdentities()
    {
        var member = CurrentMember.Parse("CN=Plain,OU=Users,DC=corp,DC=test");

        Assert.Equal(new CurrentMember("CN=Plain,OU=Users,DC=corp,DC=test", Guid.Empty, null), member);
    }

    [Fact]
    public void Parse_DnWhoseNameLooksLikeTheControl_KeepsTheEscapedNameWhole()
    {
        // A CN that begins with '<' is escaped by the DC, so only the control's own parts are read as identities.
        var member = CurrentMember.Parse($"<GUID={UserGuid}>;CN=\\<SID=S-1-5-21-9-9-9-500>;x,OU=Users,DC=corp,DC=test");

        Assert.Equal(new CurrentMember("CN=\\<SID=S-1-5-21-9-9-9-500>;x,OU=Users,DC=corp,DC=test", UserGuid, null), member);
    }

    [Fact]
    public void Parse_MalformedParts_AreIgnoredNotThrown()
    {
        var member = CurrentMember.Parse("<GUID=not-a-guid>;<SID=X-1>;CN=Odd,DC=corp,DC=test");

        Assert.Equal(new CurrentMember("CN=Odd,DC=corp,DC=test", Guid.Empty, null), member);
    }
}
