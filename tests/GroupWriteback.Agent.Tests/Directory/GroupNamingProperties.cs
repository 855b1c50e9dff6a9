using CsCheck;
using GroupWriteback.Agent.Directory;
using GroupWriteback.Contracts;

namespace GroupWriteback.Agent.Tests.Directory;

/// <summary>Names derived from any display name are names AD and Windows accept, and distinct within a batch.</summary>
public sealed class GroupNamingProperties
{
    private const string SamForbidden = "\"/\\[]:;|=,+*?<>@";

    // The handler's bound on sAMAccountName attempts (UpsertGroupHandler).
    private const int Attempts = 5;

    private static readonly Gen<int> Limit = Gen.OneOf(
        Gen.Const(GroupNaming.MinSamAccountName),
        Gen.Const(GroupNaming.DefaultMaxSamAccountName),
        Gen.Const(GroupNaming.MaxSamAccountNameLimit),
        Gen.Int[GroupNaming.MinSamAccountName, GroupNaming.MaxSamAccountNameLimit]);

    private static readonly Gen<WritebackAnchor> Anchors = Gen.Guid.Where(g => g != Guid.Empty).Select(g =>
    {
        Assert.True(WritebackAnchor.TryCreate(g.ToString(), out var anchor));
        return anchor;
    });

    [Fact]
    public void CommonNameAndSamAccountName_AnyDisplayName_AreValid()
    {
        Gen.Select(Anchors, HostileText.Long, Gen.Int[0, 8], Limit).Sample((anchor, name, attempt, limit) =>
        {
            var cn = GroupNaming.CommonName(anchor, NamingScheme.DisplayNameAndObjectId, name);
            var sam = GroupNaming.SamAccountName(anchor, cn, attempt, limit);

            Assert.InRange(cn.Length, 1, 64);
            Assert.DoesNotContain(cn, char.IsControl);
            Assert.InRange(sam.Length, 1, limit);
            Assert.DoesNotContain(sam, c => char.IsControl(c) || SamForbidden.Contains(c, StringComparison.Ordinal));
            Assert.False(char.IsWhiteSpace(sam[0]), $"'{sam}' starts with white space");
            Assert.False(sam[^1] == '.' || char.IsWhiteSpace(sam[^1]), $"'{sam}' ends with a period or white space");
            Assert.False(char.IsHighSurrogate(sam[^1]), $"'{sam}' ends in half a surrogate pair");
        }, iter: 5000);
    }

    [Fact]
    public void SamAccountName_BatchOfGroupsSharingFewNames_EachGetsADistinctNameWithinTheAttempts()
    {
        var names = Gen.OneOf(Gen.Const("Sales"), Gen.Const(new string('x', 300)), Gen.Const(" . . "), HostileText.Any);
        var batch = Gen.Select(Anchors, names).Array[2, 40];

        Gen.Select(batch, Limit).Sample((groups, limit) =>
        {
            var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (anchor, name) in groups.DistinctBy(g => g.Item1.ObjectId))
            {
                var cn = GroupNaming.CommonName(anchor, NamingScheme.DisplayNameAndObjectId, name);
                var sam = Enumerable.Range(0, Attempts + 1)
                    .Select(attempt => GroupNaming.SamAccountName(anchor, cn, attempt, limit))
                    .FirstOrDefault(candidate => !taken.Contains(candidate));
                Assert.True(sam is not null, $"no free sAMAccountName for '{cn}' within {Attempts + 1} attempts at {limit}");
                taken.Add(sam);
            }
        }, iter: 1000);
    }
}
