using System.Buffers.Binary;

namespace GroupWriteback.Agent.Security;

/// <summary>
/// ACCESS_ALLOWED_OBJECT_ACE ([MS-DTYP] 2.4.4.3): header, mask, presence flags, the optional
/// object type (the class a right such as Create Child applies to, or the attribute/property set
/// a read/write applies to) and inherited object type (the class that inherits the ACE), SID.
/// GUIDs are in their little-endian packet form, the same as <see cref="Guid.ToByteArray()"/>.
/// </summary>
internal sealed record AccessAllowedObjectAce : Ace
{
    private const int ObjectTypePresent = 0x1;
    private const int InheritedObjectTypePresent = 0x2;
    private const int GuidLength = 16;

    /// <summary>Creates the ACE.</summary>
    public AccessAllowedObjectAce(AceFlags flags, DirectoryRights mask, Sid sid, Guid? objectType, Guid? inheritedObjectType)
        : base(AceType.AccessAllowedObject, flags)
    {
        ArgumentNullException.ThrowIfNull(sid);
        Mask = mask;
        Sid = sid;
        ObjectType = objectType;
        InheritedObjectType = inheritedObjectType;
    }

    /// <summary>The rights granted.</summary>
    public DirectoryRights Mask { get; init; }

    /// <summary>Who is granted them.</summary>
    public Sid Sid { get; init; }

    /// <summary>The class, attribute or extended right the rights are limited to; null: all.</summary>
    public Guid? ObjectType { get; init; }

    /// <summary>The class of descendants that inherit the ACE; null: all.</summary>
    public Guid? InheritedObjectType { get; init; }

    /// <inheritdoc />
    public override int BinaryLength =>
        HeaderLength + 8 + (ObjectType is null ? 0 : GuidLength) + (InheritedObjectType is null ? 0 : GuidLength) + Sid.BinaryLength;

    /// <inheritdoc />
    public override void WriteTo(Span<byte> destination)
    {
        WriteHeader(destination);
        BinaryPrimitives.WriteInt32LittleEndian(destination[HeaderLength..], (int)Mask);
        var presence = (ObjectType is null ? 0 : ObjectTypePresent) | (InheritedObjectType is null ? 0 : InheritedObjectTypePresent);
        BinaryPrimitives.WriteInt32LittleEndian(destination[(HeaderLength + 4)..], presence);
        var offset = HeaderLength + 8;
        foreach (var guid in new[] { ObjectType, InheritedObjectType })
        {
            if (guid is { } value)
            {
                value.TryWriteBytes(destination[offset..]);
                offset += GuidLength;
            }
        }

        Sid.WriteTo(destination[offset..]);
    }

    /// <summary>Decodes a whole ACE, or null when it has unknown presence bits or a size other than its parts.</summary>
    internal static AccessAllowedObjectAce? TryDecode(ReadOnlySpan<byte> ace)
    {
        if (ace.Length < HeaderLength + 8)
        {
            return null;
        }

        var presence = BinaryPrimitives.ReadInt32LittleEndian(ace[(HeaderLength + 4)..]);
        if ((presence & ~(ObjectTypePresent | InheritedObjectTypePresent)) != 0)
        {
            return null;
        }

        var offset = HeaderLength + 8;
        Guid? objectType = null;
        Guid? inheritedObjectType = null;
        if ((presence & ObjectTypePresent) != 0)
        {
            if (ace.Length < offset + GuidLength)
            {
                return null;
            }

            objectType = new Guid(ace.Slice(offset, GuidLength));
            offset += GuidLength;
        }

        if ((presence & InheritedObjectTypePresent) != 0)
        {
            if (ace.Length < offset + GuidLength)
            {
                return null;
            }

            inheritedObjectType = new Guid(ace.Slice(offset, GuidLength));
            offset += GuidLength;
        }

        if (ace.Length < offset + 8)
        {
            return null;
        }

        var sid = Sid.Read(ace[offset..], out var sidLength);
        return offset + sidLength != ace.Length
            ? null
            : new AccessAllowedObjectAce((AceFlags)ace[1], (DirectoryRights)BinaryPrimitives.ReadInt32LittleEndian(ace[HeaderLength..]), sid, objectType, inheritedObjectType);
    }
}
