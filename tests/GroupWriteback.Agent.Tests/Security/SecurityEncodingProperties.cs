using CsCheck;
using GroupWriteback.Agent.Security;

namespace GroupWriteback.Agent.Tests.Security;

/// <summary>SIDs and security descriptors survive encode → decode → encode for any content the types allow.</summary>
public sealed class SecurityEncodingProperties
{
    private static readonly Gen<Sid> Sids = Gen.Select(Gen.Long[0, 0xFFFF_FFFF_FFFF], Gen.UInt.Array[0, Sid.MaxSubAuthorities], (authority, subs) => new Sid(authority, subs));

    private static readonly Gen<AceFlags> Flags = Gen.Byte.Select(b => (AceFlags)b);

    private static readonly Gen<DirectoryRights> Rights = Gen.UInt.Select(m => (DirectoryRights)m);

    private static readonly Gen<Guid?> OptionalGuid = Gen.Frequency((1, Gen.Const(default(Guid?))), (2, Gen.Guid.Select(g => (Guid?)g)));

    private static readonly Gen<Ace> Aces = Gen.OneOf<Ace>(
        Gen.Select(Flags, Rights, Sids, (f, m, s) => (Ace)new AccessAllowedAce(f, m, s)),
        Gen.Select(Flags, Rights, Sids, OptionalGuid, OptionalGuid, (f, m, s, o, i) => (Ace)new AccessAllowedObjectAce(f, m, s, o, i)));

    private static readonly Gen<AccessControlList?> Acls = Gen.Frequency(
        (1, Gen.Const(default(AccessControlList))),
        (4, Aces.Array[0, 30].Select(aces =>
        {
            var acl = new AccessControlList();
            acl.Aces.AddRange(aces);
            return (AccessControlList?)acl;
        })));

    private static readonly Gen<Sid?> OptionalSid = Gen.Frequency((1, Gen.Const(default(Sid))), (4, Sids.Select(s => (Sid?)s)));

    [Fact]
    public void Sid_AnySid_RoundTripsThroughBinaryAndText()
    {
        Sids.Sample(sid =>
        {
            var binary = sid.ToBinary();

            Assert.Equal(sid.BinaryLength, binary.Length);
            Assert.Equal(sid, Sid.FromBinary(binary));
            Assert.Equal(sid, Sid.Parse(sid.ToString()));
            Assert.Equal(sid, Sid.Read([.. binary, 0xAB, 0xCD], out var length));
            Assert.Equal(binary.Length, length);
        }, iter: 5000);
    }

    [Fact]
    public void SecurityDescriptor_AnyOwnerGroupAndDacl_DecodesToTheSameDescriptor()
    {
        Gen.Select(OptionalSid, OptionalSid, Acls, Gen.UShort).Sample((owner, group, dacl, control) =>
        {
            var descriptor = new SecurityDescriptor { Owner = owner, Group = group, Dacl = dacl, Control = (SecurityDescriptorControl)control };
            var encoded = descriptor.Encode();

            var decoded = SecurityDescriptor.Decode(encoded);

            Assert.Equal(Convert.ToHexString(encoded), Convert.ToHexString(decoded.Encode()));
            Assert.Equal(owner, decoded.Owner);
            Assert.Equal(group, decoded.Group);
            Assert.Equal(dacl?.Aces, decoded.Dacl?.Aces);
            Assert.Equal(descriptor.Control | SecurityDescriptorControl.SelfRelative, decoded.Control);
        }, iter: 2000);
    }
}
