namespace GroupWriteback.GraphEmulator.Querying;

/// <summary>
/// A parsed <c>$select</c>. Without one, Graph returns each type's default property set, which for
/// users leaves out the on-premises identity: a client that needs it must select it.
/// </summary>
internal sealed class PropertySelection
{
    private readonly HashSet<string>? _names;

    private PropertySelection(HashSet<string>? names) => this._names = names;

    public static PropertySelection Default { get; } = new(null);

    public bool IsDefault => _names is null;

    /// <summary>The selected names in a stable order, for links and logs; empty for the default set.</summary>
    public IReadOnlyList<string> Names => _names is null ? [] : [.. _names.Order(StringComparer.Ordinal)];

    public static PropertySelection Parse(string? select)
    {
        if (string.IsNullOrWhiteSpace(select))
        {
            return Default;
        }

        var parsed = select.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new PropertySelection(new HashSet<string>(parsed, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>Whether a property is returned; <c>id</c> always is.</summary>
    public bool Includes(string name, bool inDefaultSet) =>
        string.Equals(name, "id", StringComparison.Ordinal) || (_names is null ? inDefaultSet : _names.Contains(name));

    /// <summary>Whether a change to any of the properties would be tracked by a delta round with this selection.</summary>
    public bool TracksAny(IEnumerable<string> changedProperties) =>
        _names is null || changedProperties.Any(_names.Contains);

    public string ToQueryValue() => string.Join(',', Names);
}
