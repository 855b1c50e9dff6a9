namespace GroupWriteback.LocalHost.Demo;

/// <summary>What is in the target OU, as a table: name, type, members, DN.</summary>
internal static class OuTable
{
    public static void Write(TextWriter output, IReadOnlyList<DirectoryGroup> groups)
    {
        const int NameWidth = 32;
        output.WriteLine($"    {"name",-NameWidth} {"type",-21} {"members",7}  distinguished name");
        output.WriteLine($"    {new string('-', NameWidth)} {new string('-', 21)} {new string('-', 7)}  {new string('-', 40)}");
        foreach (var group in groups)
        {
            var name = group.Name.Length > NameWidth ? group.Name[..(NameWidth - 1)] + "…" : group.Name;
            output.WriteLine($"    {name,-NameWidth} {group.Type,-21} {group.Members,7}  {group.Dn}");
        }

        output.WriteLine($"    {groups.Count} groups, {groups.Sum(g => g.Members)} member links.");
    }
}
