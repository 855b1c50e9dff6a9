using System.Buffers.Binary;

namespace GroupWriteback.Agent.Security;

/// <summary>ACCESS_ALLOWED_ACE ([MS-DTYP] 2.4.4.2): header, access mask, SID.</summary>
internal sealed record AccessAllowedAce : Ace
{
    /// <summary>Creates the ACE.</summary>
    public AccessAllowedAce(AceFlags flags, DirectoryRights mask, Sid sid)
        : base(AceType.AccessAllowed, flags)
    {
        ArgumentNullException.ThrowIfNull(sid);
        Mask = mask;
        Sid = sid;
    }

    /// <summary>The rights granted.</summary>
    public DirectoryRights Mask { get; init; }

    /// <summary>Who is granted them.</summary>
    public Sid Sid { get; init; }

    /// <inheritdoc />
    public override int BinaryLength => HeaderLength + 4 + Sid.BinaryLength;

    /// <inheritdoc />
    public override void WriteTo(Span<byte> destination)
    {
        WriteHeader(destination);
        BinaryPrimitives.WriteInt32LittleEndian(destination[HeaderLength..], (int)Mask);
        Sid.WriteTo(destination[(HeaderLength + 4)..]);
    }

    /// <summary>Decodes a whole ACE, or null when its size is not exactly what this layout needs.</summary>
    internal static AccessAllowedAce? TryDecode(ReadOnlySpan<byte> ace)
    {
        if (ace.Length < HeaderLength + 4 + 8)
        {
            return null;
        }

        var sid = Sid.Read(ace[(HeaderLength + 4)..], out var sidLength);
        return HeaderLength + 4 + sidLength != ace.Length
            ? null
            : new AccessAllowedAce((AceFlags)ace[1], (DirectoryRights)BinaryPrimitives.ReadInt32LittleEndian(ace[HeaderLength..]), sid);
    }
}
