using System.Buffers.Binary;

namespace GroupWriteback.Agent.Security;

/// <summary>
/// One access control entry in its [MS-DTYP] 2.4.4 binary form. Allowed (0x00) and allowed-object
/// (0x05) ACEs are decoded; every other type, and any ACE whose layout is not exactly the one we
/// would write, stays an <see cref="OpaqueAce"/> so a read-modify-write gives it back unchanged.
/// </summary>
internal abstract record Ace
{
    /// <summary>Bytes of the ACE header: type, flags, size.</summary>
    protected const int HeaderLength = 4;

    /// <summary>Creates an ACE of the given type and flags.</summary>
    protected Ace(AceType type, AceFlags flags)
    {
        Type = type;
        Flags = flags;
    }

    /// <summary>The ACE type byte.</summary>
    public AceType Type { get; }

    /// <summary>Inheritance and audit flags.</summary>
    public AceFlags Flags { get; init; }

    /// <summary>True when the directory put it here by inheritance (it recomputes those on write).</summary>
    public bool IsInherited => (Flags & AceFlags.Inherited) != 0;

    /// <summary>Bytes the binary form takes (the AceSize field).</summary>
    public abstract int BinaryLength { get; }

    /// <summary>Writes the binary form at the start of <paramref name="destination"/>.</summary>
    public abstract void WriteTo(Span<byte> destination);

    /// <summary>Reads one ACE at the start of <paramref name="source"/>; <paramref name="length"/> is its AceSize.</summary>
    public static Ace Read(ReadOnlySpan<byte> source, out int length)
    {
        if (source.Length < HeaderLength)
        {
            throw new FormatException($"An ACE header needs {HeaderLength} bytes; {source.Length} remain.");
        }

        length = BinaryPrimitives.ReadUInt16LittleEndian(source[2..]);
        if (length < HeaderLength || length > source.Length)
        {
            throw new FormatException($"ACE of type 0x{source[0]:X2} claims {length} bytes; {source.Length} remain.");
        }

        var body = source[..length];
        try
        {
            return (AceType)body[0] switch
            {
                AceType.AccessAllowed => AccessAllowedAce.TryDecode(body) ?? (Ace)new OpaqueAce(body),
                AceType.AccessAllowedObject => AccessAllowedObjectAce.TryDecode(body) ?? (Ace)new OpaqueAce(body),
                _ => new OpaqueAce(body),
            };
        }
        catch (FormatException)
        {
            // A SID the codec cannot read inside a known ACE type: keep the ACE as it is.
            return new OpaqueAce(body);
        }
    }

    /// <summary>Writes type, flags and size.</summary>
    protected void WriteHeader(Span<byte> destination)
    {
        destination[0] = (byte)Type;
        destination[1] = (byte)Flags;
        BinaryPrimitives.WriteUInt16LittleEndian(destination[2..], checked((ushort)BinaryLength));
    }
}
