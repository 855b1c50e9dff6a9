namespace GroupWriteback.LocalHost.Bench;

/// <summary>
/// One measured figure beside the baseline measured in the same run, and the target it is held to (null: none).
/// <see cref="HigherIsBetter"/> says which way the target points.
/// </summary>
internal sealed record BenchFigure(string Scenario, string Name, string Unit, double Value, double? Baseline, double? Target, bool HigherIsBetter)
{
    /// <summary>Value / baseline.</summary>
    public double? Ratio => Baseline is > 0 ? Value / Baseline.Value : null;

    /// <summary>
    /// Whether the target is met: a ratio target (higher is better) is compared with <see cref="Ratio"/>, an absolute
    /// one (lower is better) with the value. Null when there is no target.
    /// </summary>
    public bool? Met => Target is not { } target ? null : HigherIsBetter ? Ratio >= target : Value <= target;
}
