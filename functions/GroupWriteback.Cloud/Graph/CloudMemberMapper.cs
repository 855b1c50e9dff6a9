using Microsoft.Graph.Models;

namespace GroupWriteback.Cloud.Graph;

/// <summary>Maps the SDK's <see cref="DirectoryObject"/> subtypes to <see cref="CloudMember"/>.</summary>
internal static class CloudMemberMapper
{
    public static CloudMember Map(DirectoryObject member)
    {
        ArgumentNullException.ThrowIfNull(member);
        var id = member.Id ?? throw new ArgumentException("Graph returned a directory object without an id.", nameof(member));
        return member switch
        {
            User user => new CloudMember
            {
                Id = id,
                Kind = CloudMemberKind.User,
                OnPremisesSecurityIdentifier = NullIfEmpty(user.OnPremisesSecurityIdentifier),
                OnPremisesObjectGuid = DecodeImmutableId(user.OnPremisesImmutableId),
            },
            Group group => new CloudMember
            {
                Id = id,
                Kind = CloudMemberKind.Group,
                OnPremisesSecurityIdentifier = NullIfEmpty(group.OnPremisesSecurityIdentifier),
            },
            _ => new CloudMember { Id = id, Kind = KindOf(member.OdataType) },
        };
    }

    /// <summary>Kind from an <c>@odata.type</c> annotation such as <c>#microsoft.graph.user</c>.</summary>
    public static CloudMemberKind KindOf(string? odataType) => odataType?.ToUpperInvariant() switch
    {
        "#MICROSOFT.GRAPH.USER" => CloudMemberKind.User,
        "#MICROSOFT.GRAPH.GROUP" => CloudMemberKind.Group,
        _ => CloudMemberKind.Other,
    };

    /// <summary>
    /// Entra Connect's default source anchor is the base64 of the AD objectGUID bytes. Any other anchor (for example
    /// an employee number) is not a GUID and yields null, so the member is matched by SID instead.
    /// </summary>
    public static Guid? DecodeImmutableId(string? immutableId)
    {
        if (string.IsNullOrWhiteSpace(immutableId))
        {
            return null;
        }

        Span<byte> bytes = stackalloc byte[18];
        return Convert.TryFromBase64String(immutableId, bytes, out var written) && written == 16
            ? new Guid(bytes[..16])
            : null;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
