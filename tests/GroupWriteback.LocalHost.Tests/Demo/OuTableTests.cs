using GroupWriteback.LocalHost.Demo;

namespace GroupWriteback.LocalHost.Tests.Demo;

public sealed class OuTableTests
{
    [Fact]
    public void Write_WideScriptAndEmoji_PaddedByTerminalColumns()
    {
        using var output = new StringWriter();

        OuTable.Write(output, [new DirectoryGroup("CN=x,OU=G,DC=corp,DC=test", "営業チーム 🚀", "security", 5, "Group_1")]);

        // Five wide characters, a space and a wide emoji take 13 of the 32 columns.
        Assert.Contains("    営業チーム 🚀" + new string(' ', 19) + " security", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_LongName_CutWithAnEllipsisAtTheColumn()
    {
        using var output = new StringWriter();

        OuTable.Write(output, [new DirectoryGroup("CN=x,OU=G,DC=corp,DC=test", new string('a', 40), "distribution", 2, "Group_1")]);

        Assert.Contains("    " + new string('a', 31) + "… distribution", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("1 groups, 2 member links.", output.ToString(), StringComparison.Ordinal);
    }
}
