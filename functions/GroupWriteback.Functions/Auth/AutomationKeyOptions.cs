namespace GroupWriteback.Functions.Auth;

/// <summary>
/// The automation keys of the admin API (setting <c>AdminAuth:Keys</c>): secrets a script presents in the
/// <c>x-functions-key</c> header or the <c>code</c> query parameter, where it would pass a function key. The triggers
/// are anonymous (the worker is the gate), so these are what a caller without an Entra ID token proves itself with.
/// Comma-separated, so a new key can be added before the old one is removed.
/// </summary>
internal sealed class AutomationKeyOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "AdminAuth";

    /// <summary>The full name of the setting, for errors.</summary>
    public const string SettingName = SectionName + ":" + nameof(Keys);

    /// <summary>Shortest accepted key.</summary>
    public const int MinKeyLength = 16;

    /// <summary>One or more keys, comma-separated.</summary>
    public string? Keys { get; set; }

    /// <summary>The keys of <see cref="Keys"/>, split and trimmed.</summary>
    public IReadOnlyList<string> EffectiveKeys =>
        string.IsNullOrWhiteSpace(Keys) ? [] : [.. Keys.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];
}
