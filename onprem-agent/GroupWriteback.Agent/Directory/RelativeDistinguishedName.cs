namespace GroupWriteback.Agent.Directory;

/// <summary>One RDN: one or more type=value pairs, values unescaped; compared case-insensitively.</summary>
internal sealed class RelativeDistinguishedName : IEquatable<RelativeDistinguishedName>
{
    /// <summary>An RDN with no attributes, used only as a parse failure placeholder.</summary>
    public static readonly RelativeDistinguishedName Empty = new([]);

    /// <summary>Creates an RDN.</summary>
    public RelativeDistinguishedName(IReadOnlyList<KeyValuePair<string, string>> attributes) => Attributes = attributes;

    /// <summary>The type=value pairs, unescaped.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Attributes { get; }

    /// <summary>The first attribute's type, e.g. CN or OU.</summary>
    public string Type => Attributes[0].Key;

    /// <summary>The first attribute's unescaped value.</summary>
    public string Value => Attributes[0].Value;

    /// <inheritdoc />
    public bool Equals(RelativeDistinguishedName? other)
    {
        if (other is null || other.Attributes.Count != Attributes.Count)
        {
            return false;
        }

        return Attributes.All(a => other.Attributes.Any(b =>
            string.Equals(a.Key, b.Key, StringComparison.OrdinalIgnoreCase) &&
            string.Equals(a.Value, b.Value, StringComparison.OrdinalIgnoreCase)));
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as RelativeDistinguishedName);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = 0;
        foreach (var attribute in Attributes)
        {
            hash ^= HashCode.Combine(
                StringComparer.OrdinalIgnoreCase.GetHashCode(attribute.Key),
                StringComparer.OrdinalIgnoreCase.GetHashCode(attribute.Value));
        }

        return hash;
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Join("+", Attributes.Select(a => $"{a.Key}={DistinguishedName.EscapeValue(a.Value)}"));
}
