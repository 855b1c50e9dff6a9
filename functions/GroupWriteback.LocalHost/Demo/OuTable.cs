using System.Globalization;
using System.Text;

using GroupWriteback.LocalHost.Bridge;

namespace GroupWriteback.LocalHost.Demo;

/// <summary>What is in the target OU, as a table: name, type, members, DN.</summary>
internal static class OuTable
{
    private const int NameWidth = 32;

    public static void Write(TextWriter output, IReadOnlyList<DirectoryGroup> groups)
    {
        output.WriteLine($"    {"name",-NameWidth} {"type",-21} {"members",7}  distinguished name");
        output.WriteLine($"    {new string('-', NameWidth)} {new string('-', 21)} {new string('-', 7)}  {new string('-', 40)}");
        foreach (var group in groups)
        {
            output.WriteLine($"    {Fit(group.Name)} {group.Type,-21} {group.Members.Count,7}  {group.Dn}");
        }

        output.WriteLine($"    {groups.Count} groups, {groups.Sum(g => g.Members.Count)} member links.");
    }

    /// <summary>The name cut and padded to <see cref="NameWidth"/> terminal columns (wide scripts and emoji take two).</summary>
    private static string Fit(string name)
    {
        var text = new StringBuilder();
        var columns = 0;
        var elements = StringInfo.GetTextElementEnumerator(name);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            var width = Width(element);
            if (columns + width > NameWidth - 1 && elements.ElementIndex + element.Length < name.Length)
            {
                text.Append('…');
                columns++;
                break;
            }

            text.Append(element);
            columns += width;
        }

        return text.Append(' ', Math.Max(0, NameWidth - columns)).ToString();
    }

    private static int Width(string element)
    {
        var rune = Rune.GetRuneAt(element, 0).Value;
        var wide = rune >= 0x1F000
            || (rune >= 0x1100 && rune <= 0x115F) || (rune >= 0x2E80 && rune <= 0xA4CF) || (rune >= 0xAC00 && rune <= 0xD7A3)
            || (rune >= 0xF900 && rune <= 0xFAFF) || (rune >= 0xFE30 && rune <= 0xFE4F) || (rune >= 0xFF00 && rune <= 0xFF60) || (rune >= 0xFFE0 && rune <= 0xFFE6);
        return wide ? 2 : 1;
    }
}
