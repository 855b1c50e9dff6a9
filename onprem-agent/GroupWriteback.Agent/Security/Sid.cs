using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace GroupWriteback.Agent.Security;

/// <summary>
/// A security identifier in the [MS-DTYP] 2.4.2 binary form (revision 1, sub-authority count,
/// 48-bit big-endian identifier authority, little-endian 32-bit sub-authorities). Managed
/// because <c>SecurityIdentifier</c> is not supported off Windows.
/// </summary>
internal sealed record Sid
{
    /// <summary>The only SID revision there is.</summary>
    public const byte Revision = 1;

    /// <summary>Most sub-authorities a SID may carry.</summary>
    public const int MaxSubAuthorities = 15;

    private const long MaxIdentifierAuthority = (1L << 48) - 1;
    private const int HeaderLength = 8;
    private readonly uint[] _subAuthorities;

    /// <summary>Creates a SID from its authority and sub-authorities.</summary>
    public Sid(long identifierAuthority, params uint[] subAuthorities)
    {
        ArgumentNullException.ThrowIfNull(subAuthorities);
        ArgumentOutOfRangeException.ThrowIfNegative(identifierAuthority);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(identifierAuthority, MaxIdentifierAuthority);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(subAuthorities.Length, MaxSubAuthorities, nameof(subAuthorities));
        IdentifierAuthority = identifierAuthority;
        _subAuthorities = (uint[])subAuthorities.Clone();
    }

    /// <summary>Everyone (S-1-1-0).</summary>
    public static Sid Everyone { get; } = new(1, 0);

    /// <summary>SELF / PRINCIPAL_SELF (S-1-5-10).</summary>
    public static Sid Self { get; } = new(5, 10);

    /// <summary>Authenticated Users (S-1-5-11).</summary>
    public static Sid AuthenticatedUsers { get; } = new(5, 11);

    /// <summary>Enterprise Domain Controllers (S-1-5-9).</summary>
    public static Sid EnterpriseDomainControllers { get; } = new(5, 9);

    /// <summary>Local System (S-1-5-18).</summary>
    public static Sid LocalSystem { get; } = new(5, 18);

    /// <summary>BUILTIN\Administrators (S-1-5-32-544).</summary>
    public static Sid BuiltinAdministrators { get; } = new(5, 32, 544);

    /// <summary>The 48-bit identifier authority (5 = NT Authority).</summary>
    public long IdentifierAuthority { get; }

    /// <summary>The sub-authorities, the last of which is the RID for account SIDs.</summary>
    public IReadOnlyList<uint> SubAuthorities => _subAuthorities;

    /// <summary>The relative identifier: the last sub-authority.</summary>
    public uint Rid => _subAuthorities.Length > 0
        ? _subAuthorities[^1]
        : throw new InvalidOperationException($"{this} has no sub-authority, so no RID.");

    /// <summary>Bytes the binary form takes.</summary>
    public int BinaryLength => HeaderLength + (4 * _subAuthorities.Length);

    /// <summary>This SID with one more sub-authority, e.g. a domain SID plus a RID.</summary>
    public Sid Append(uint rid) => new(IdentifierAuthority, [.. _subAuthorities, rid]);

    /// <summary>Parses the string form S-1-&lt;authority&gt;-&lt;sub&gt;…; the authority may be decimal or 0x hex.</summary>
    public static Sid Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var parts = value.Split('-');
        if (parts.Length < 3 || !string.Equals(parts[0], "S", StringComparison.OrdinalIgnoreCase) || parts[1] != "1")
        {
            throw new FormatException($"'{value}' is not a SID: expected S-1-<authority>[-<sub-authority>…].");
        }

        if (parts.Length - 3 > MaxSubAuthorities)
        {
            throw new FormatException($"'{value}' has {parts.Length - 3} sub-authorities; a SID has at most {MaxSubAuthorities}.");
        }

        var authority = ParseAuthority(parts[2], value);
        var subAuthorities = new uint[parts.Length - 3];
        for (var i = 0; i < subAuthorities.Length; i++)
        {
            if (!IsDigits(parts[i + 3]) || !uint.TryParse(parts[i + 3], NumberStyles.None, CultureInfo.InvariantCulture, out subAuthorities[i]))
            {
                throw new FormatException($"'{value}' is not a SID: sub-authority '{parts[i + 3]}' is not a 32-bit unsigned number.");
            }
        }

        return new Sid(authority, subAuthorities);
    }

    /// <summary>Parses the string form, or returns false.</summary>
    public static bool TryParse(string? value, out Sid? sid)
    {
        sid = null;
        if (value is null)
        {
            return false;
        }

        try
        {
            sid = Parse(value);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Reads a SID that fills <paramref name="source"/> exactly (e.g. an objectSid value).</summary>
    public static Sid FromBinary(ReadOnlySpan<byte> source)
    {
        var sid = Read(source, out var length);
        if (length != source.Length)
        {
            throw new FormatException($"SID of {length} bytes is followed by {source.Length - length} unexpected bytes.");
        }

        return sid;
    }

    /// <summary>Reads a SID at the start of <paramref name="source"/>; <paramref name="length"/> is the bytes it took.</summary>
    public static Sid Read(ReadOnlySpan<byte> source, out int length)
    {
        if (source.Length < HeaderLength)
        {
            throw new FormatException($"A SID needs at least {HeaderLength} bytes; got {source.Length}.");
        }

        if (source[0] != Revision)
        {
            throw new FormatException($"SID revision {source[0]} is not supported; only revision {Revision} exists.");
        }

        int count = source[1];
        if (count > MaxSubAuthorities)
        {
            throw new FormatException($"SID claims {count} sub-authorities; at most {MaxSubAuthorities} are allowed.");
        }

        length = HeaderLength + (4 * count);
        if (source.Length < length)
        {
            throw new FormatException($"SID with {count} sub-authorities needs {length} bytes; got {source.Length}.");
        }

        long authority = 0;
        for (var i = 2; i < HeaderLength; i++)
        {
            authority = (authority << 8) | source[i];
        }

        var subAuthorities = new uint[count];
        for (var i = 0; i < count; i++)
        {
            subAuthorities[i] = BinaryPrimitives.ReadUInt32LittleEndian(source[(HeaderLength + (4 * i))..]);
        }

        return new Sid(authority, subAuthorities);
    }

    /// <summary>The binary form.</summary>
    public byte[] ToBinary()
    {
        var bytes = new byte[BinaryLength];
        WriteTo(bytes);
        return bytes;
    }

    /// <summary>Writes the binary form at the start of <paramref name="destination"/>.</summary>
    public void WriteTo(Span<byte> destination)
    {
        destination[0] = Revision;
        destination[1] = (byte)_subAuthorities.Length;
        for (var i = 0; i < 6; i++)
        {
            destination[2 + i] = (byte)(IdentifierAuthority >> (8 * (5 - i)));
        }

        for (var i = 0; i < _subAuthorities.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(destination[(HeaderLength + (4 * i))..], _subAuthorities[i]);
        }
    }

    /// <summary>The string form; an authority of 2^32 or more is written in hex as [MS-DTYP] requires.</summary>
    public override string ToString()
    {
        var text = new StringBuilder("S-1-");
        text.Append(IdentifierAuthority >= 1L << 32
            ? string.Create(CultureInfo.InvariantCulture, $"0x{IdentifierAuthority:X12}")
            : IdentifierAuthority.ToString(CultureInfo.InvariantCulture));
        foreach (var subAuthority in _subAuthorities)
        {
            text.Append('-').Append(subAuthority.ToString(CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    /// <inheritdoc />
    public bool Equals(Sid? other) =>
        other is not null && IdentifierAuthority == other.IdentifierAuthority && _subAuthorities.AsSpan().SequenceEqual(other._subAuthorities);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(IdentifierAuthority);
        foreach (var subAuthority in _subAuthorities)
        {
            hash.Add(subAuthority);
        }

        return hash.ToHashCode();
    }

    private static long ParseAuthority(string text, string value)
    {
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            && text.Length > 2
            && long.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex)
            && hex <= MaxIdentifierAuthority)
        {
            return hex;
        }

        if (IsDigits(text) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var authority) && authority <= MaxIdentifierAuthority)
        {
            return authority;
        }

        throw new FormatException($"'{value}' is not a SID: identifier authority '{text}' is not a 48-bit number.");
    }

    private static bool IsDigits(string text) => text.Length > 0 && text.All(char.IsAsciiDigit);
}
