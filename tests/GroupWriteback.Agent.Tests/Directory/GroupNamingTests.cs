using GroupWriteback.Agent.Directory;
using GroupWriteback.Contracts;

namespace GroupWriteback.Agent.Tests.Directory;

public sealed class GroupNamingTests
{
    private static readonly WritebackAnchor Anchor = CreateAnchor("6f1c2b3a-1111-2222-3333-abcdef123456");

    [Fact]
    public void CommonName_ObjectIdScheme_IsAnchor()
    {
        Assert.Equal("Group_6f1c2b3a-1111-2222-3333-abcdef123456", GroupNaming.CommonName(Anchor, NamingScheme.ObjectId, "Sales"));
    }

    [Fact]
    public void CommonName_DisplayNameScheme_TrimsTo51AndAppendsLast12()
    {
        var name = GroupNaming.CommonName(Anchor, NamingScheme.DisplayNameAndObjectId, "  " + new string('x', 300) + "  ");

        Assert.Equal(new string('x', 51) + "_abcdef123456", name);
        Assert.Equal(64, name.Length);
    }

    [Fact]
    public void CommonName_EmojiAtCutPoint_DoesNotSplitSurrogatePair()
    {
        var name = GroupNaming.CommonName(Anchor, NamingScheme.DisplayNameAndObjectId, new string('a', 50) + "🎉🎉");

        Assert.Equal(new string('a', 50) + "_abcdef123456", name);
    }

    [Fact]
    public void CommonName_BlankDisplayName_FallsBackToAnchor()
    {
        Assert.Equal(Anchor.Value, GroupNaming.CommonName(Anchor, NamingScheme.DisplayNameAndObjectId, " \t "));
    }

    [Fact]
    public void SamAccountName_ForbiddenCharacters_AreStripped()
    {
        var sam = GroupNaming.SamAccountName(Anchor, "a\"/\\[]:;|=,+*?<>@b.", 0);

        Assert.Equal("ab", sam);
    }

    [Fact]
    public void SamAccountName_Collision_AddsDeterministicSuffix()
    {
        var first = GroupNaming.SamAccountName(Anchor, "Sales", 1);
        var again = GroupNaming.SamAccountName(Anchor, "Sales", 1);
        var second = GroupNaming.SamAccountName(Anchor, "Sales", 2);

        Assert.Equal("Sales_6f1c2b3a", first);
        Assert.Equal(first, again);
        Assert.Equal("Sales_" + Anchor.ObjectId.ToString("N")[8..16], second);
    }

    [Fact]
    public void SamAccountName_LongName_FitsLimit()
    {
        var sam = GroupNaming.SamAccountName(Anchor, new string('n', 200), 5);

        Assert.Equal(GroupNaming.DefaultMaxSamAccountName, sam.Length);
        Assert.EndsWith("_" + Anchor.ObjectId.ToString("N")[24..] + "5", sam, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("*)(objectClass=*")]
    [InlineData(null)]
    public void TryCreate_NotAnObjectId_IsRefused(string? groupId)
    {
        Assert.False(WritebackAnchor.TryCreate(groupId, out _));
    }

    private static WritebackAnchor CreateAnchor(string id)
    {
        Assert.True(WritebackAnchor.TryCreate(id, out var anchor));
        return anchor;
    }
}
