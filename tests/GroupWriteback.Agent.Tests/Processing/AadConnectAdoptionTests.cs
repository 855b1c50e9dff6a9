using System.DirectoryServices.Protocols;
using GroupWriteback.Agent.Directory;
using GroupWriteback.Contracts.Results;
using GroupWriteback.Contracts;
using GroupWriteback.LocalDomain;
using GroupWriteback.Testing;

namespace GroupWriteback.Agent.Tests.Processing;

/// <summary>
/// Groups that Azure AD Connect group writeback wrote before this agent took over: the anchor <c>Group_&lt;objectId&gt;</c>
/// in <c>adminDescription</c>, AAD Connect's CN and sAMAccountName, and (v2) no <c>msDS-ExternalDirectoryObjectId</c>.
/// An upsert adopts such an object in place (same objectGUID and objectSid, no second object) and completes the
/// anchor; an object of the same name without the anchor is never adopted.
/// </summary>
[Trait(TestCategory.Name, TestCategory.DomainController)]
public sealed class AadConnectAdoptionTests : IDisposable
{
    private readonly WriterScope _scope = new("aadc");

    [Theory]
    [InlineData(NamingScheme.DisplayNameAndObjectId)]
    [InlineData(NamingScheme.ObjectId)]
    public void Upsert_GroupWrittenByAadConnect_IsAdoptedInPlaceAndItsAnchorCompleted(NamingScheme naming)
    {
        var id = Guid.NewGuid().ToString();
        var dn = WriteAsAadConnect(id, "Finance Team", naming, adminDescription: WireFormat.AnchorPrefix + id);
        var before = TestDomain.ReadEntry(dn, "objectGUID", "objectSid") ?? throw new InvalidOperationException(dn);
        Assert.Empty(WriterScope.Values(before, WritebackAnchor.ExternalDirectoryObjectId));

        var result = Assert.Single(_scope.Apply(_scope.Upsert(id, "Finance Team", CloudGroupKind.Security, naming: naming, description: "adopted")));

        Assert.True(result.Outcome == ResultOutcome.Applied, result.Message);
        var after = WriterScope.ReadGroup(id, "objectGUID", "objectSid", "description", "sAMAccountName", WritebackAnchor.ExternalDirectoryObjectId);
        Assert.Equal(dn, after.DistinguishedName, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(WriterScope.ObjectGuid(before), WriterScope.ObjectGuid(after));
        Assert.Equal(Bytes(before, "objectSid"), Bytes(after, "objectSid"));
        Assert.Equal(["adopted"], WriterScope.Values(after, "description"));
        Assert.Equal([WireFormat.AnchorPrefix + id], WriterScope.Values(after, WritebackAnchor.ExternalDirectoryObjectId));
        Assert.Equal([SamOf(id, "Finance Team", naming)], WriterScope.Values(after, "sAMAccountName"));
        Assert.Single(GroupsInOu());
        Assert.Equal(result.ObjectGuid, WriterScope.ObjectGuid(after));
    }

    [Fact]
    public void Upsert_GroupOfTheSameNameWithoutTheAnchor_IsNotAdopted()
    {
        var id = Guid.NewGuid().ToString();
        var dn = WriteAsAadConnect(id, "Unmarked Team", NamingScheme.DisplayNameAndObjectId, adminDescription: null);

        var result = Assert.Single(_scope.Apply(_scope.Upsert(id, "Unmarked Team", CloudGroupKind.Security, description: "must not land")));

        Assert.Equal(ResultOutcome.Failed, result.Outcome);
        Assert.Equal(FailureReason.NameCollision, result.Reason);
        var untouched = TestDomain.ReadEntry(dn, "description", "adminDescription", WritebackAnchor.ExternalDirectoryObjectId) ?? throw new InvalidOperationException(dn);
        Assert.Empty(WriterScope.Values(untouched, "description"));
        Assert.Empty(WriterScope.Values(untouched, "adminDescription"));
        Assert.Empty(WriterScope.Values(untouched, WritebackAnchor.ExternalDirectoryObjectId));
        Assert.Empty(WriterScope.FindByAnchor(id));
        Assert.Single(GroupsInOu());
    }

    public void Dispose() => _scope.Dispose();

    private static LocalDomain.TestDomain TestDomain => WriterScope.Domain;

    /// <summary>
    /// Adds the group as AAD Connect's writeback does: CN <c>&lt;displayName&gt;_&lt;last 12 of objectId&gt;</c>
    /// (v2) or <c>Group_&lt;objectId&gt;</c> (v1), sAMAccountName from the CN, a universal group, the anchor in
    /// adminDescription only.
    /// </summary>
    private string WriteAsAadConnect(string id, string displayName, NamingScheme naming, string? adminDescription)
    {
        var cn = naming == NamingScheme.ObjectId ? WireFormat.AnchorPrefix + id : $"{displayName}_{id[^12..]}";
        var dn = DistinguishedName.Child("CN", cn, _scope.Ou);
        List<(string, string[])> attributes =
        [
            ("objectClass", ["group"]),
            ("sAMAccountName", [SamOf(id, displayName, naming)]),
            ("groupType", [unchecked((int)0x80000008).ToString(System.Globalization.CultureInfo.InvariantCulture)]),
            ("displayName", [displayName]),
        ];
        if (adminDescription is not null)
        {
            attributes.Add(("adminDescription", [adminDescription]));
        }

        WriterScope.AddEntry(dn, [.. attributes]);
        return dn;
    }

    private static string SamOf(string id, string displayName, NamingScheme naming) =>
        naming == NamingScheme.ObjectId ? $"Group_{id[..8]}" : $"{displayName.Replace(" ", string.Empty, StringComparison.Ordinal)}_{id[^12..]}";

    private IReadOnlyList<SearchResultEntry> GroupsInOu() =>
        TestDomain.Search(_scope.Ou, "(objectCategory=group)", SearchScope.Subtree, "objectGUID");

    private static byte[] Bytes(SearchResultEntry entry, string attribute) =>
        (byte[])entry.Attributes[attribute].GetValues(typeof(byte[]))[0];
}
