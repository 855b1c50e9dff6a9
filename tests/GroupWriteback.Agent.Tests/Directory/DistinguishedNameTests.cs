using GroupWriteback.Agent.Directory;

namespace GroupWriteback.Agent.Tests.Directory;

public sealed class DistinguishedNameTests
{
    [Theory]
    [InlineData("a,b", @"a\,b")]
    [InlineData("a+b", @"a\+b")]
    [InlineData("say \"hi\"", @"say \""hi\""")]
    [InlineData(@"back\slash", @"back\\slash")]
    [InlineData("<x>", @"\<x\>")]
    [InlineData("a;b", @"a\;b")]
    [InlineData("a=b", @"a\=b")]
    [InlineData("#hash", @"\#hash")]
    [InlineData(" lead", @"\ lead")]
    [InlineData("trail ", @"trail\ ")]
    [InlineData("nul\0", @"nul\00")]
    [InlineData("in#side", "in#side")]
    public void EscapeValue_SpecialCharacters_AreEscapedPerRfc4514(string value, string expected)
    {
        Assert.Equal(expected, DistinguishedName.EscapeValue(value));
    }

    [Theory]
    [InlineData("x,OU=Domain Controllers")]
    [InlineData(" #lead and trail ")]
    [InlineData("multi+valued=looking")]
    [InlineData("日本語のグループ")]
    [InlineData("emoji 🎉 group")]
    [InlineData("\\,\"+<>;=")]
    public void Parse_EscapedChild_RoundTripsValueAndStaysUnderParent(string value)
    {
        var dn = DistinguishedName.Child("CN", value, "OU=Groups,DC=corp,DC=test");

        var parsed = DistinguishedName.Parse(dn);

        Assert.Equal(4, parsed.Rdns.Count);
        Assert.Equal(value, parsed.Rdns[0].Value);
        Assert.True(parsed.IsWithin(DistinguishedName.Parse("OU=Groups,DC=corp,DC=test")));
        Assert.False(parsed.IsWithin(DistinguishedName.Parse("OU=Domain Controllers,DC=corp,DC=test")));
    }

    [Theory]
    [InlineData(@"CN=Team\, \""quoted\"" \#1_x,OU=a", "Team, \"quoted\" #1_x")]
    [InlineData(@"CN=a \, b,OU=a", "a , b")]
    [InlineData(@"CN=\ x \ ,OU=a", " x  ")]
    [InlineData(@"CN=  x  ,OU=a", "x")]
    public void Parse_SpacesNextToEscapes_KeepTheirPlace(string dn, string expected)
    {
        Assert.Equal(expected, DistinguishedName.Parse(dn).Rdns[0].Value);
    }

    [Fact]
    public void Parse_HexEscapes_DecodeUtf8()
    {
        var parsed = DistinguishedName.Parse(@"CN=caf\C3\A9,DC=corp,DC=test");

        Assert.Equal("café", parsed.Rdns[0].Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("CN=a,")]
    [InlineData("noequals")]
    [InlineData("CN=a\\")]
    [InlineData("CN=a\\4")]
    [InlineData("CN=a;b,DC=x")]
    [InlineData("C N=a")]
    public void TryParse_Malformed_ReturnsFalse(string dn)
    {
        Assert.False(DistinguishedName.TryParse(dn, out _, out var error));
        Assert.NotEmpty(error);
    }

    [Fact]
    public void Equals_DiffersOnlyInCaseAndSpacing_IsEqual()
    {
        var a = DistinguishedName.Parse("CN=Sales,OU=Groups,DC=corp,DC=test");
        var b = DistinguishedName.Parse("cn=sales, ou=GROUPS, dc=CORP, dc=test");

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void IsWithin_SiblingWithSharedSuffixText_IsNotWithin()
    {
        var sibling = DistinguishedName.Parse("CN=g,OU=XGroups,DC=corp,DC=test");

        Assert.False(sibling.IsWithin(DistinguishedName.Parse("OU=Groups,DC=corp,DC=test")));
    }
}
