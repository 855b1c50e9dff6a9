using CsCheck;

namespace GroupWriteback.Agent.Tests;

/// <summary>String generators biased towards what breaks directory code: DN and filter specials, controls, surrogates.</summary>
internal static class HostileText
{
    private const string Specials = ",+\"\\<>;=#*()/ \0\r\n\t.@[]:|?";

    private static readonly Gen<string> UnicodePiece = Gen.Frequency(
        (4, Gen.Char[Specials].Select(c => c.ToString())),
        (2, Gen.Char['\u0000', '\u001F'].Select(c => c.ToString())),
        (1, Gen.Char['\u007F', '\u009F'].Select(c => c.ToString())),
        (1, Gen.Char["\u200B\u200D\u202E\u2066\uFEFF\u00A0\u0301"].Select(c => c.ToString())),
        (1, Gen.Int[0x10000, 0x10FFFF].Select(char.ConvertFromUtf32)),
        (4, Gen.Char['a', 'z'].Select(c => c.ToString())),
        (2, Gen.Char.Where(c => !char.IsSurrogate(c)).Select(c => c.ToString())));

    private static readonly Gen<string> AnyPiece = Gen.Frequency(
        (12, UnicodePiece),
        (1, Gen.Char['\uD800', '\uDFFF'].Select(c => c.ToString())));

    /// <summary>Up to 80 pieces of well-formed UTF-16: specials, controls, invisible and astral-plane characters.</summary>
    public static Gen<string> Unicode { get; } = UnicodePiece.Array[0, 80].Select(string.Concat);

    /// <summary>As <see cref="Unicode"/>, with the odd half of a surrogate pair.</summary>
    public static Gen<string> Any { get; } = AnyPiece.Array[0, 80].Select(string.Concat);

    /// <summary>Up to 300 pieces, to cross the CN and sAMAccountName limits.</summary>
    public static Gen<string> Long { get; } = AnyPiece.Array[0, 300].Select(string.Concat);

    /// <summary>Whether the string is well-formed UTF-16 (no half surrogate pair), so it can go over LDAP as UTF-8.</summary>
    public static bool IsUnicode(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (!System.Text.Rune.TryGetRuneAt(value, i, out var rune))
            {
                return false;
            }

            i += rune.Utf16SequenceLength - 1;
        }

        return true;
    }
}
