using System.Globalization;
using System.Text;

namespace GroupWriteback.Agent.Directory;

/// <summary>Reads one escaped RDN value (RFC 4514), stopping at an unescaped ',' or '+'.</summary>
internal static class RdnValueReader
{
    public static bool TryRead(string dn, ref int position, out string value, out string error)
    {
        var bytes = new List<byte>();
        var pendingSpaces = 0;
        var started = false;
        while (position < dn.Length)
        {
            var c = dn[position];
            if (c is ',' or '+')
            {
                break;
            }

            if (c == '\\')
            {
                // Spaces seen before an escape are inside the value: they precede the escaped character.
                FlushSpaces(bytes, ref pendingSpaces);
                if (!TryReadEscape(dn, ref position, bytes, out error))
                {
                    value = string.Empty;
                    return false;
                }

                started = true;
                continue;
            }

            // '=' may appear unescaped inside a value (RFC 4514 escapes it only optionally).
            if (c is '"' or ';' or '<' or '>')
            {
                value = string.Empty;
                error = $"unescaped '{c}' at offset {position}";
                return false;
            }

            if (c == ' ')
            {
                // Unescaped spaces around a value are not part of it; inside it they are kept.
                if (started)
                {
                    pendingSpaces++;
                }

                position++;
                continue;
            }

            FlushSpaces(bytes, ref pendingSpaces);
            started = true;
            if (!TryAppendRune(dn, position, bytes, out var length))
            {
                value = string.Empty;
                error = $"half a surrogate pair at offset {position} is not Unicode";
                return false;
            }

            position += length;
        }

        try
        {
            value = new UTF8Encoding(false, true).GetString(bytes.ToArray());
        }
        catch (DecoderFallbackException)
        {
            value = string.Empty;
            error = "a hex escape is not valid UTF-8";
            return false;
        }

        error = string.Empty;
        return true;
    }

    private static bool TryAppendRune(string dn, int index, List<byte> bytes, out int length)
    {
        if (!Rune.TryGetRuneAt(dn, index, out var rune))
        {
            length = 0;
            return false;
        }

        Span<byte> buffer = stackalloc byte[4];
        var written = rune.EncodeToUtf8(buffer);
        bytes.AddRange(buffer[..written]);
        length = rune.Utf16SequenceLength;
        return true;
    }

    private static void FlushSpaces(List<byte> bytes, ref int pendingSpaces)
    {
        for (; pendingSpaces > 0; pendingSpaces--)
        {
            bytes.Add((byte)' ');
        }
    }

    private static bool TryReadEscape(string dn, ref int position, List<byte> bytes, out string error)
    {
        if (position + 1 >= dn.Length)
        {
            error = "it ends with a lone backslash";
            return false;
        }

        var next = dn[position + 1];
        if (char.IsAsciiHexDigit(next))
        {
            if (position + 2 >= dn.Length || !char.IsAsciiHexDigit(dn[position + 2]))
            {
                error = $"incomplete hex escape at offset {position}";
                return false;
            }

            bytes.Add(byte.Parse(dn.AsSpan(position + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            position += 3;
            error = string.Empty;
            return true;
        }

        if (!TryAppendRune(dn, position + 1, bytes, out var length))
        {
            error = $"half a surrogate pair at offset {position + 1} is not Unicode";
            return false;
        }

        position += 1 + length;
        error = string.Empty;
        return true;
    }
}
