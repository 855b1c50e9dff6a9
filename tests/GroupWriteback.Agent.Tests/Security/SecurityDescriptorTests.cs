using GroupWriteback.Agent.Security;

namespace GroupWriteback.Agent.Tests.Security;

public sealed class SecurityDescriptorTests
{
    private static readonly Sid Account = Sid.Parse("S-1-5-21-1004336348-1177238915-682003330-1105");

    public static TheoryData<string> Samples => SecuritySamples.Names;

    [Theory]
    [MemberData(nameof(Samples))]
    public void Encode_DecodedRealDescriptor_GivesIdenticalBytes(string sample)
    {
        var original = SecuritySamples.Read(sample);

        var encoded = SecurityDescriptor.Decode(original).Encode();

        Assert.Equal(Convert.ToHexString(original), Convert.ToHexString(encoded));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Decode_RealDescriptor_DecodesEveryAllowedAce(string sample)
    {
        var descriptor = SecurityDescriptor.Decode(SecuritySamples.Read(sample));

        var dacl = Assert.IsType<AccessControlList>(descriptor.Dacl);
        Assert.NotEmpty(dacl.Aces);
        Assert.DoesNotContain(dacl.Aces, a => a is OpaqueAce && a.Type is AceType.AccessAllowed or AceType.AccessAllowedObject);
        Assert.Contains(dacl.Aces, a => a is AccessAllowedAce);
        Assert.Contains(dacl.Aces, a => a is AccessAllowedObjectAce { ObjectType: not null });
    }

    [Fact]
    public void Decode_DomainRoot_ReadsObjectAceWithBothGuids()
    {
        var descriptor = SecurityDescriptor.Decode(SecuritySamples.Read("domain-root.dacl"));

        var ace = descriptor.Dacl!.Aces.OfType<AccessAllowedObjectAce>().First(a => a.ObjectType is not null && a.InheritedObjectType is not null);
        Assert.Equal(AceFlags.ContainerInherit | AceFlags.InheritOnly, ace.Flags & (AceFlags.ContainerInherit | AceFlags.InheritOnly));
        Assert.NotEqual(Guid.Empty, ace.ObjectType);
    }

    [Fact]
    public void Decode_FullDescriptor_ReadsOwnerGroupAndKeepsAuditAcesOpaque()
    {
        var descriptor = SecurityDescriptor.Decode(SecuritySamples.Read("domain-root.full"));

        Assert.NotNull(descriptor.Owner);
        Assert.NotNull(descriptor.Group);
        var sacl = Assert.IsType<AccessControlList>(descriptor.Sacl);
        Assert.All(sacl.Aces, a => Assert.IsType<OpaqueAce>(a));
        Assert.Contains(sacl.Aces, a => a.Type == AceType.SystemAuditObject);
    }

    [Fact]
    public void Encode_AfterAddingAce_KeepsEveryOtherAceAndInsertsBeforeInherited()
    {
        var original = SecurityDescriptor.Decode(SecuritySamples.Read("users-container.dacl"));
        var descriptor = SecurityDescriptor.Decode(SecuritySamples.Read("users-container.dacl"));
        var added = WritebackAces.ForOrganizationalUnit(Account)[1];

        descriptor.Dacl!.AddExplicit(added);
        var decoded = SecurityDescriptor.Decode(descriptor.Encode());

        var aces = decoded.Dacl!.Aces;
        var index = aces.IndexOf(added);
        Assert.True(index >= 0);
        Assert.All(aces.Take(index), a => Assert.False(a.IsInherited));
        Assert.All(aces.Skip(index + 1), a => Assert.True(a.IsInherited));
        Assert.Equal(original.Dacl!.Aces, aces.Where((_, i) => i != index));
    }

    [Fact]
    public void Decode_UnknownAndPaddedAces_KeepsThemByteForByte()
    {
        var deny = Ace(0x06, 0x12, [0x20, 0, 0, 0, 1, 0, 0, 0, .. Guid.NewGuid().ToByteArray(), .. Account.ToBinary()]);
        var label = Ace(0x11, 0x00, [1, 0, 0, 0, .. Sid.Parse("S-1-16-8192").ToBinary()]);
        var padded = Ace(0x00, 0x02, [0xFF, 0x01, 0x0F, 0x00, .. Account.ToBinary(), 0, 0, 0, 0]);
        var bytes = Descriptor([deny, label, padded]);

        var descriptor = SecurityDescriptor.Decode(bytes);

        Assert.All(descriptor.Dacl!.Aces, a => Assert.IsType<OpaqueAce>(a));
        Assert.Equal(Convert.ToHexString(bytes), Convert.ToHexString(descriptor.Encode()));
    }

    [Fact]
    public void Encode_NewObjectAce_DecodesToTheSameAce()
    {
        var ace = new AccessAllowedObjectAce(AceFlags.ContainerInherit, DirectoryRights.CreateChild | DirectoryRights.DeleteChild, Account, WritebackAces.GroupClass, null);
        var descriptor = new SecurityDescriptor { Control = SecurityDescriptorControl.DaclPresent, Dacl = new AccessControlList() };
        descriptor.Dacl.AddExplicit(ace);

        var decoded = SecurityDescriptor.Decode(descriptor.Encode());

        Assert.Equal(ace, Assert.Single(decoded.Dacl!.Aces));
        Assert.Null(decoded.Owner);
        Assert.Null(decoded.Sacl);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(40)]
    [InlineData(100)]
    public void Decode_Truncated_ThrowsFormatException(int length)
    {
        var bytes = SecuritySamples.Read("domain-root.dacl")[..length];

        Assert.Throws<FormatException>(() => SecurityDescriptor.Decode(bytes));
    }

    private static byte[] Ace(byte type, byte flags, byte[] body) =>
        [type, flags, (byte)(body.Length + 4), (byte)((body.Length + 4) >> 8), .. body];

    private static byte[] Descriptor(byte[][] aces)
    {
        var aclLength = 8 + aces.Sum(a => a.Length);
        byte[] acl = [4, 0, (byte)aclLength, (byte)(aclLength >> 8), (byte)aces.Length, 0, 0, 0, .. aces.SelectMany(a => a)];
        return [1, 0, 0x04, 0x84, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 20, 0, 0, 0, .. acl];
    }
}
