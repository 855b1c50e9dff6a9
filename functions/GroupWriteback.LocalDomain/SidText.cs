using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace GroupWriteback.LocalDomain;

/// <summary>The S-1-… text of a binary objectSid ([MS-DTYP] 2.4.2.2), for test assertions.</summary>
internal static class SidText
{
    public static string Format(ReadOnlySpan<byte> sid)
    {
        long authority = 0;
        for (var i = 2; i < 8; i++)
        {
            authority = (authority << 8) | sid[i];
        }

        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"S-{sid[0]}-{authority}"));
        for (var i = 0; i < sid[1]; i++)
        {
            text.Append('-').Append(BinaryPrimitives.ReadUInt32LittleEndian(sid[(8 + (4 * i))..]).ToString(CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }
}
