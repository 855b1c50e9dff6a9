using GroupWriteback.Cloud.Planning;

namespace GroupWriteback.Cloud.Tests.Planning;

public sealed class CommandIdsTests
{
    [Fact]
    public void For_SameInstancePassAndStep_GivesTheSameId()
    {
        // Arrange / Act
        var first = CommandIds.For("group-g1", 3, "upsert");
        var again = CommandIds.For("group-g1", 3, "upsert");

        // Assert
        Assert.Equal(first, again);
        Assert.Matches("^[0-9a-f]{32}$", first);
    }

    [Theory]
    [InlineData("group-g2", 3, "upsert")]
    [InlineData("group-g1", 4, "upsert")]
    [InlineData("group-g1", 3, "delete")]
    public void For_AnyPartDifferent_GivesAnotherId(string instanceId, int pass, string step)
    {
        // Arrange / Act
        var id = CommandIds.For(instanceId, pass, step);

        // Assert
        Assert.NotEqual(CommandIds.For("group-g1", 3, "upsert"), id);
    }

    [Fact]
    public void MembershipStep_ChunkIndexes_AreDistinctSteps()
    {
        // Arrange / Act
        var steps = Enumerable.Range(0, 3).Select(i => CommandIds.MembershipStep("membershipSnapshot", i)).ToList();

        // Assert
        Assert.Equal(["membershipSnapshot#0", "membershipSnapshot#1", "membershipSnapshot#2"], steps);
    }

    [Fact]
    public void For_EmptyInstanceId_Throws()
    {
        // Arrange / Act / Assert
        Assert.Throws<ArgumentException>(() => CommandIds.For(string.Empty, 1, "upsert"));
    }
}
