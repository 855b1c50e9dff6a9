using System.Globalization;

namespace GroupWriteback.LocalHost.Bench;

/// <summary>A process's peak resident memory (Linux <c>VmHWM</c>), read while it still runs.</summary>
internal static class ProcessMemory
{
    public static double? PeakMegabytes(int pid)
    {
        var status = $"/proc/{pid}/status";
        if (!File.Exists(status))
        {
            return null;
        }

        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        var kilobytes = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        return kilobytes is null ? null : double.Parse(kilobytes, CultureInfo.InvariantCulture) / 1024;
    }
}
