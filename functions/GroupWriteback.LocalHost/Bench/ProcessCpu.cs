using System.Globalization;

namespace GroupWriteback.LocalHost.Bench;

/// <summary>CPU seconds (user + system) a process and its descendants have used so far, from <c>/proc</c>.</summary>
internal static class ProcessCpu
{
    private static readonly double TicksPerSecond = 100;

    public static double Seconds(int pid)
    {
        var children = ChildrenByParent();
        var total = 0.0;
        var pending = new Stack<int>([pid]);
        while (pending.TryPop(out var current))
        {
            total += Own(current);
            foreach (var child in children.GetValueOrDefault(current, []))
            {
                pending.Push(child);
            }
        }

        return total;
    }

    private static double Own(int pid)
    {
        var stat = Read(pid);
        if (stat is null)
        {
            return 0;
        }

        // Fields after the command name (which may hold spaces) in parentheses: utime is the 14th field, stime the 15th.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }

    private static Dictionary<int, List<int>> ChildrenByParent()
    {
        var children = new Dictionary<int, List<int>>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), CultureInfo.InvariantCulture, out var pid) || Read(pid) is not { } stat)
            {
                continue;
            }

            var parent = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
            if (!children.TryGetValue(parent, out var list))
            {
                children[parent] = list = [];
            }

            list.Add(pid);
        }

        return children;
    }

    private static string? Read(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            // The process ended meanwhile.
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
