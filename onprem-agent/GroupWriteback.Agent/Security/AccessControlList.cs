using System.Buffers.Binary;

namespace GroupWriteback.Agent.Security;

/// <summary>
/// An ACL ([MS-DTYP] 2.4.5): revision, then ACEs in order. Bytes after the last ACE that the
/// AclSize still covers are kept, so decode→encode returns the input unchanged.
/// </summary>
internal sealed class AccessControlList
{
    /// <summary>ACL_REVISION_DS: the revision of an ACL that holds object ACEs.</summary>
    public const byte RevisionDs = 4;

    private const int HeaderLength = 8;
    private byte[] _unusedTail = [];

    /// <summary>Creates an empty ACL.</summary>
    public AccessControlList(byte revision = RevisionDs) => Revision = revision;

    /// <summary>AclRevision: 2, or 4 when object ACEs may be present.</summary>
    public byte Revision { get; set; }

    /// <summary>The ACEs, in the order the access check reads them.</summary>
    public List<Ace> Aces { get; } = [];

    /// <summary>Bytes the binary form takes.</summary>
    public int BinaryLength => HeaderLength + Aces.Sum(a => a.BinaryLength) + _unusedTail.Length;

    /// <summary>Reads an ACL at the start of <paramref name="source"/>.</summary>
    public static AccessControlList Read(ReadOnlySpan<byte> source)
    {
        if (source.Length < HeaderLength)
        {
            throw new FormatException($"An ACL header needs {HeaderLength} bytes; {source.Length} remain.");
        }

        int size = BinaryPrimitives.ReadUInt16LittleEndian(source[2..]);
        int count = BinaryPrimitives.ReadUInt16LittleEndian(source[4..]);
        if (size < HeaderLength || size > source.Length)
        {
            throw new FormatException($"ACL claims {size} bytes; {source.Length} remain.");
        }

        var acl = new AccessControlList(source[0]);
        var offset = HeaderLength;
        for (var i = 0; i < count; i++)
        {
            acl.Aces.Add(Ace.Read(source[offset..size], out var length));
            offset += length;
        }

        acl._unusedTail = source[offset..size].ToArray();
        return acl;
    }

    /// <summary>Writes the binary form at the start of <paramref name="destination"/>.</summary>
    public void WriteTo(Span<byte> destination)
    {
        destination[0] = Revision;
        destination[1] = 0;
        BinaryPrimitives.WriteUInt16LittleEndian(destination[2..], checked((ushort)BinaryLength));
        BinaryPrimitives.WriteUInt16LittleEndian(destination[4..], checked((ushort)Aces.Count));
        BinaryPrimitives.WriteUInt16LittleEndian(destination[6..], 0);
        var offset = HeaderLength;
        foreach (var ace in Aces)
        {
            ace.WriteTo(destination[offset..]);
            offset += ace.BinaryLength;
        }

        _unusedTail.CopyTo(destination[offset..]);
    }

    /// <summary>
    /// Inserts an explicit ACE where canonical order wants it: after the explicit ACEs and before
    /// the inherited ones (the directory recomputes inherited ACEs anyway).
    /// </summary>
    public void AddExplicit(Ace ace)
    {
        ArgumentNullException.ThrowIfNull(ace);
        var firstInherited = Aces.FindIndex(a => a.IsInherited);
        Aces.Insert(firstInherited < 0 ? Aces.Count : firstInherited, ace);
        if (ace is AccessAllowedObjectAce && Revision < RevisionDs)
        {
            Revision = RevisionDs;
        }
    }
}
