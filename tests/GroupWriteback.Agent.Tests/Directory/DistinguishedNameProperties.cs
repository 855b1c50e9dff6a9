using CsCheck;
using GroupWriteback.Agent.Directory;

namespace GroupWriteback.Agent.Tests.Directory;

/// <summary>RFC 4514: whatever a value holds, escaping it and parsing the DN back gives the value, and one RDN.</summary>
public sealed class DistinguishedNameProperties
{
    private const string Parent = "OU=Groups,OU=Writeback,DC=corp,DC=test";

    [Fact]
    public void EscapeValue_AnyString_ParsesBackToTheSameValueUnderTheSameParent()
    {
        var parent = DistinguishedName.Parse(Parent);

        HostileText.Unicode.Sample(value =>
        {
            var parsed = DistinguishedName.Parse(DistinguishedName.Child("CN", value, Parent));

            Assert.Equal(value, parsed.Rdns[0].Value);
            Assert.Single(parsed.Rdns[0].Attributes);
            Assert.Equal(parent.Rdns.Count + 1, parsed.Rdns.Count);
            Assert.Equal(parent, parsed.Parent);
        }, iter: 5000);
    }

    [Fact]
    public void EscapeValue_ValueLookingLikeADn_StaysInsideItsParent()
    {
        var scope = DistinguishedName.Parse(Parent);
        var dnLike = Gen.Select(HostileText.Unicode, HostileText.Unicode, (a, b) => $"{a},OU={b},DC=corp,DC=test");

        dnLike.Sample(value =>
        {
            var parsed = DistinguishedName.Parse(DistinguishedName.Child("CN", value, Parent));

            Assert.True(parsed.IsWithin(scope));
            Assert.Equal(value, parsed.Rdns[0].Value);
        }, iter: 2000);
    }

    [Fact]
    public void TryParse_HalfASurrogatePair_IsRefusedWithAReasonNotAnException()
    {
        HostileText.Any.Where(v => !HostileText.IsUnicode(v)).Sample(value =>
        {
            var ok = DistinguishedName.TryParse(DistinguishedName.Child("CN", value, Parent), out _, out var error);

            Assert.False(ok);
            Assert.Contains("surrogate", error, StringComparison.Ordinal);
        }, iter: 1000);
    }
}
