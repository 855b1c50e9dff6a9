using System.Buffers.Binary;

namespace GroupWriteback.Agent.Security;

/// <summary>
/// A self-relative security descriptor ([MS-DTYP] 2.4.6), the form of <c>nTSecurityDescriptor</c>.
/// Managed because <c>RawSecurityDescriptor</c> is not supported off Windows. The parts are
/// written back in the order they were read (Samba puts owner, group, SACL, DACL; Windows puts
/// SACL, DACL, owner, group), so an unchanged descriptor encodes to its original bytes.
/// </summary>
internal sealed class SecurityDescriptor
{
    private const int HeaderLength = 20;
    private static readonly Part[] DefaultOrder = [Part.Owner, Part.Group, Part.Sacl, Part.Dacl];
    private Part[] _order = DefaultOrder;

    private enum Part
    {
        Owner,
        Group,
        Sacl,
        Dacl,
    }

    /// <summary>Revision: always 1.</summary>
    public byte Revision { get; set; } = 1;

    /// <summary>Sbz1, used as resource manager control bits by some writers.</summary>
    public byte ResourceManagerControl { get; set; }

    /// <summary>Control flags; <see cref="SecurityDescriptorControl.SelfRelative"/> is always written.</summary>
    public SecurityDescriptorControl Control { get; set; } = SecurityDescriptorControl.SelfRelative;

    /// <summary>The owner, when the descriptor carries one.</summary>
    public Sid? Owner { get; set; }

    /// <summary>The primary group, when the descriptor carries one.</summary>
    public Sid? Group { get; set; }

    /// <summary>The system (audit) ACL, when present.</summary>
    public AccessControlList? Sacl { get; set; }

    /// <summary>The discretionary ACL, when present.</summary>
    public AccessControlList? Dacl { get; set; }

    /// <summary>Decodes the self-relative form.</summary>
    public static SecurityDescriptor Decode(ReadOnlySpan<byte> source)
    {
        if (source.Length < HeaderLength)
        {
            throw new FormatException($"A security descriptor needs at least {HeaderLength} bytes; got {source.Length}.");
        }

        var descriptor = new SecurityDescriptor
        {
            Revision = source[0],
            ResourceManagerControl = source[1],
            Control = (SecurityDescriptorControl)BinaryPrimitives.ReadUInt16LittleEndian(source[2..]),
        };
        if ((descriptor.Control & SecurityDescriptorControl.SelfRelative) == 0)
        {
            throw new FormatException("The security descriptor is not self-relative.");
        }

        var offsets = new (Part Part, int Offset)[4];
        for (var i = 0; i < 4; i++)
        {
            var offset = BinaryPrimitives.ReadInt32LittleEndian(source[(4 + (4 * i))..]);
            if (offset < 0 || (offset != 0 && (offset < HeaderLength || offset >= source.Length)))
            {
                throw new FormatException($"{(Part)i} offset {offset} lies outside the {source.Length}-byte descriptor.");
            }

            offsets[i] = ((Part)i, offset);
        }

        descriptor.Owner = offsets[0].Offset == 0 ? null : Sid.Read(source[offsets[0].Offset..], out _);
        descriptor.Group = offsets[1].Offset == 0 ? null : Sid.Read(source[offsets[1].Offset..], out _);
        descriptor.Sacl = offsets[2].Offset == 0 ? null : AccessControlList.Read(source[offsets[2].Offset..]);
        descriptor.Dacl = offsets[3].Offset == 0 ? null : AccessControlList.Read(source[offsets[3].Offset..]);
        var present = offsets.Where(o => o.Offset != 0).OrderBy(o => o.Offset).Select(o => o.Part);
        descriptor._order = [.. present, .. DefaultOrder.Except(present)];
        return descriptor;
    }

    /// <summary>Encodes the self-relative form, parts packed in their original order.</summary>
    public byte[] Encode()
    {
        var length = HeaderLength + (Owner?.BinaryLength ?? 0) + (Group?.BinaryLength ?? 0) + (Sacl?.BinaryLength ?? 0) + (Dacl?.BinaryLength ?? 0);
        var bytes = new byte[length];
        var span = bytes.AsSpan();
        span[0] = Revision;
        span[1] = ResourceManagerControl;
        BinaryPrimitives.WriteUInt16LittleEndian(span[2..], (ushort)(Control | SecurityDescriptorControl.SelfRelative));
        var offset = HeaderLength;
        foreach (var part in _order)
        {
            var written = part switch
            {
                Part.Owner => Write(Owner, span[offset..]),
                Part.Group => Write(Group, span[offset..]),
                Part.Sacl => Write(Sacl, span[offset..]),
                _ => Write(Dacl, span[offset..]),
            };
            BinaryPrimitives.WriteInt32LittleEndian(span[(4 + (4 * (int)part))..], written == 0 ? 0 : offset);
            offset += written;
        }

        return bytes;
    }

    private static int Write(Sid? sid, Span<byte> destination)
    {
        sid?.WriteTo(destination);
        return sid?.BinaryLength ?? 0;
    }

    private static int Write(AccessControlList? acl, Span<byte> destination)
    {
        acl?.WriteTo(destination);
        return acl?.BinaryLength ?? 0;
    }
}
