using GroupWriteback.LocalHost.Bridge;
using GroupWriteback.LocalHost.Demo;

namespace GroupWriteback.LocalHost.Tests.Demo;

public sealed class OuTableTests
{
    [Fact]
    public void Write_WideScriptAndEmoji_PaddedByTerminalColumns()
    {
        using var output = new StringWriter();

        OuTable.Write(output, [Group("営業チーム 🚀", "security", 5)]);

        // Five wide characters, a space and a wide emoji take 13 of the 32 columns.
        Assert.Contains("    営業チーム 🚀" + new string(' ', 19) + " security", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_LongName_CutWithAnEllipsisAtTheColumn()
    {
        using var output = new StringWriter();

        OuTable.Write(output, [Group(new string('a', 40), "distribution", 2)]);

        Assert.Contains("    " + new string('a', 31) + "… distribution", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("1 groups, 2 member links.", output.ToString(), StringComparison.Ordinal);
    }

    private static DirectoryGroup Group(string name, string type, int members) =>
        new("CN=x,OU=G,DC=corp,DC=test", name, name, null, null, type, Guid.Empty, Enumerable.Range(0, members).Select(i => $"CN=u{i}").ToHashSet(), "Group_1");
}
