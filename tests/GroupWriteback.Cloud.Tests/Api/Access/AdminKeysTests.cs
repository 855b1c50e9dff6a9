using GroupWriteback.Cloud.Api.Access;

namespace GroupWriteback.Cloud.Tests.Api.Access;

public sealed class AdminKeysTests
{
    [Fact]
    public void Matches_OnlyAnExactKey()
    {
        var keys = new AdminKeys(["first-key-0123456789", "second-key-0123456789"], "AdminAuth:Keys");

        Assert.True(keys.Matches("second-key-0123456789"));
        Assert.False(keys.Matches("second-key-012345678"));
        Assert.False(keys.Matches(string.Empty));
    }

    [Fact]
    public void Matches_NoKeys_NothingMatches()
    {
        Assert.False(new AdminKeys([], "AdminAuth:Keys").Matches("first-key-0123456789"));
    }
}
