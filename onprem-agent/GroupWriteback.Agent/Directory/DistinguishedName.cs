using System.Globalization;
using System.Text;

namespace GroupWriteback.Agent.Directory;

/// <summary>
/// A parsed DN (RFC 4514). Values are held unescaped, so comparisons cannot be fooled by a
/// name such as <c>x,OU=Domain Controllers</c>: escaped, that is one RDN value, not two RDNs.
/// </summary>
internal sealed class DistinguishedName : IEquatable<DistinguishedName>
{
    private DistinguishedName(IReadOnlyList<RelativeDistinguishedName> rdns) => Rdns = rdns;

    /// <summary>RDNs from the leaf (index 0) to the root.</summary>
    public IReadOnlyList<RelativeDistinguishedName> Rdns { get; }

    /// <summary>The parent DN, or null for a single-RDN DN.</summary>
    public DistinguishedName? Parent => Rdns.Count > 1 ? new DistinguishedName(Rdns.Skip(1).ToArray()) : null;

    /// <summary>Parses a DN; throws <see cref="FormatException"/> naming the DN when malformed.</summary>
    public static DistinguishedName Parse(string dn)
    {
        ArgumentNullException.ThrowIfNull(dn);
        if (!TryParse(dn, out var parsed, out var error))
        {
            throw new FormatException($"'{dn}' is not a valid distinguished name: {error}");
        }

        return parsed;
    }

    /// <summary>Parses a DN without throwing.</summary>
    public static bool TryParse(string dn, out DistinguishedName parsed, out string error)
    {
        parsed = new DistinguishedName([]);
        var rdns = new List<RelativeDistinguishedName>();
        var position = 0;
        while (position < dn.Length)
        {
            if (!TryReadRdn(dn, ref position, out var rdn, out error))
            {
                return false;
            }

            rdns.Add(rdn);
            if (position < dn.Length)
            {
                position++; // the separating comma
                if (position == dn.Length)
                {
                    error = "it ends with a separator";
                    return false;
                }
            }
        }

        if (rdns.Count == 0)
        {
            error = "it is empty";
            return false;
        }

        parsed = new DistinguishedName(rdns);
        error = string.Empty;
        return true;
    }

    /// <summary>True when this DN equals <paramref name="ancestor"/> or lies below it.</summary>
    public bool IsWithin(DistinguishedName ancestor)
    {
        ArgumentNullException.ThrowIfNull(ancestor);
        var offset = Rdns.Count - ancestor.Rdns.Count;
        if (offset < 0)
        {
            return false;
        }

        for (var i = 0; i < ancestor.Rdns.Count; i++)
        {
            if (!Rdns[offset + i].Equals(ancestor.Rdns[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Builds <c>CN=&lt;escaped value&gt;,&lt;parent&gt;</c>.</summary>
    public static string Child(string attributeType, string value, string parentDn) =>
        string.Create(CultureInfo.InvariantCulture, $"{attributeType}={EscapeValue(value)},{parentDn}");

    /// <summary>Escapes an attribute value for use in a DN (RFC 4514 section 2.4).</summary>
    public static string EscapeValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length + 8);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var leading = i == 0 && (c == ' ' || c == '#');
            var trailing = i == value.Length - 1 && c == ' ';
            if (c is ',' or '+' or '"' or '\\' or '<' or '>' or ';' or '=' || leading || trailing)
            {
                builder.Append('\\').Append(c);
            }
            else if (c < 0x20 || c == 0x7F)
            {
                builder.Append('\\').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <inheritdoc />
    public bool Equals(DistinguishedName? other) =>
        other is not null && other.Rdns.Count == Rdns.Count && IsWithin(other);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as DistinguishedName);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var rdn in Rdns)
        {
            hash.Add(rdn);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() => string.Join(",", Rdns.Select(r => r.ToString()));

    private static bool TryReadRdn(string dn, ref int position, out RelativeDistinguishedName rdn, out string error)
    {
        var attributes = new List<KeyValuePair<string, string>>();
        while (true)
        {
            var equals = dn.IndexOf('=', position);
            if (equals <= position)
            {
                rdn = RelativeDistinguishedName.Empty;
                error = $"no attribute type at offset {position}";
                return false;
            }

            var type = dn[position..equals].Trim();
            if (type.Length == 0 || !type.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '.'))
            {
                rdn = RelativeDistinguishedName.Empty;
                error = $"invalid attribute type '{type}'";
                return false;
            }

            position = equals + 1;
            if (!RdnValueReader.TryRead(dn, ref position, out var value, out error))
            {
                rdn = RelativeDistinguishedName.Empty;
                return false;
            }

            attributes.Add(new(type, value));
            if (position < dn.Length && dn[position] == '+')
            {
                position++;
                continue;
            }

            rdn = new RelativeDistinguishedName(attributes);
            return true;
        }
    }
}
