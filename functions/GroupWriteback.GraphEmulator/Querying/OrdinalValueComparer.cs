namespace GroupWriteback.GraphEmulator.Querying;

/// <summary>Compares filter values as Graph does for directory strings: case-insensitively.</summary>
internal sealed class OrdinalValueComparer : IEqualityComparer<object?>
{
    public static OrdinalValueComparer Instance { get; } = new();

    public new bool Equals(object? x, object? y) =>
        x is string a && y is string b ? string.Equals(a, b, StringComparison.OrdinalIgnoreCase) : object.Equals(x, y);

    public int GetHashCode(object? obj) =>
        obj is string s ? StringComparer.OrdinalIgnoreCase.GetHashCode(s) : obj?.GetHashCode() ?? 0;
}
