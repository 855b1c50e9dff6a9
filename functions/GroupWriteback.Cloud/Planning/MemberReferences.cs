using GroupWriteback.Cloud.Graph;
using GroupWriteback.Contracts;

namespace GroupWriteback.Cloud.Planning;

/// <summary>Turns cloud members into the on-premises references the agent resolves.</summary>
internal static class MemberReferences
{
    /// <summary>
    /// The reference for a member, or null for kinds that cannot be group members on-premises
    /// (devices, contacts, service principals).
    /// </summary>
    public static MemberReference? From(CloudMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return member.Kind switch
        {
            CloudMemberKind.User => new MemberReference
            {
                CloudId = member.Id,
                Sid = member.OnPremisesSecurityIdentifier,
                ObjectGuid = member.OnPremisesObjectGuid,
            },
            CloudMemberKind.Group when member.OnPremisesSecurityIdentifier is not null || member.OnPremisesObjectGuid is not null => new MemberReference
            {
                CloudId = member.Id,
                Sid = member.OnPremisesSecurityIdentifier,
                ObjectGuid = member.OnPremisesObjectGuid,
            },

            // A cloud group nested in a written-back group is found on-premises by our anchor.
            CloudMemberKind.Group => new MemberReference { CloudId = member.Id, WrittenBackGroupId = member.Id },
            _ => null,
        };
    }

    /// <summary>Splits members into references that carry an on-premises key and the count of those that do not.</summary>
    public static (IReadOnlyList<MemberReference> Writable, int Skipped) Partition(IEnumerable<CloudMember> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        var writable = new List<MemberReference>();
        var skipped = 0;
        foreach (var member in members)
        {
            var reference = From(member);
            if (reference is { HasOnPremisesKey: true })
            {
                writable.Add(reference);
            }
            else
            {
                skipped++;
            }
        }

        return (writable, skipped);
    }
}
