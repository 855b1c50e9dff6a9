using System.ComponentModel.DataAnnotations;

namespace GroupWriteback.GraphEmulator.Hosting;

/// <summary>Settings of the Graph emulator (section "GraphEmulator").</summary>
public sealed class GraphEmulatorOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "GraphEmulator";

    /// <summary>Page size of collection reads when the request gives no <c>$top</c>.</summary>
    [Range(1, 999)]
    public int ListPageSize { get; set; } = 100;
}
