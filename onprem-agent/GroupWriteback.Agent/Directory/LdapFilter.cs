using System.Globalization;
using System.Text;

namespace GroupWriteback.Agent.Directory;

/// <summary>Escaping for LDAP search filter values (RFC 4515).</summary>
internal static class LdapFilter
{
    /// <summary>Escapes a string value.</summary>
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '*' or '(' or ')' or '\\' or '\0')
            {
                builder.Append('\\').Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Escapes binary data (every byte as \xx), e.g. an objectGUID.</summary>
    public static string EscapeBytes(ReadOnlySpan<byte> value)
    {
        var builder = new StringBuilder(value.Length * 3);
        foreach (var b in value)
        {
            builder.Append('\\').Append(b.ToString("x2", CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }
}
