using GroupWriteback.Agent.Directory;
using GroupWriteback.Contracts.Results;
using GroupWriteback.Testing;

namespace GroupWriteback.Agent.Tests.Processing;

[Trait(TestCategory.Name, TestCategory.DomainController)]
public sealed class HostileNameTests : IDisposable
{
    private readonly WriterScope _scope = new("hostile");

    public static IReadOnlyList<string> HostileNames { get; } = BuildNames();

    [Fact]
    public void Upsert_HostileDisplayNames_CreatesEveryGroupInsideTheOuFindableByAnchor()
    {
        var started = DateTime.UtcNow.AddSeconds(-2);
        var ids = HostileNames.Select(_ => Guid.NewGuid().ToString()).ToList();
        var commands = HostileNames.Select((name, i) => _scope.Upsert(ids[i], name)).ToArray();

        var results = _scope.Apply(commands);

        Assert.True(HostileNames.Count >= 50);
        Assert.All(results, r => Assert.True(r.Outcome == ResultOutcome.Applied, $"{r.GroupId}: {r.Message}"));
        AssertEachFoundInsideTheOuWithItsName(ids, HostileNames);
        Assert.Equal(ids.Count, WriterScope.Domain.Search(_scope.Ou, "(objectCategory=group)").Count);
        Assert.Empty(CreatedOutsideTheTestRoot(started));
    }

    [Fact]
    public void Upsert_RenameBetweenHostileNames_KeepsEveryGroupInsideTheOu()
    {
        var started = DateTime.UtcNow.AddSeconds(-2);
        var ids = HostileNames.Select(_ => Guid.NewGuid().ToString()).ToList();
        var swapped = HostileNames.Reverse().ToList();
        _scope.Apply(HostileNames.Select((name, i) => _scope.Upsert(ids[i], name)).ToArray());
        var guids = ids.Select(id => WriterScope.ObjectGuid(WriterScope.ReadGroup(id, "objectGUID"))).ToList();

        var results = _scope.Apply(swapped.Select((name, i) => _scope.Upsert(ids[i], name)).ToArray());

        Assert.All(results, r => Assert.True(r.Succeeded, $"{r.GroupId}: {r.Message}"));
        AssertEachFoundInsideTheOuWithItsName(ids, swapped);
        Assert.Equal(guids, ids.Select(id => WriterScope.ObjectGuid(WriterScope.ReadGroup(id, "objectGUID"))));
        Assert.Equal(ids.Count, WriterScope.Domain.Search(_scope.Ou, "(objectCategory=group)").Count);
        Assert.Empty(CreatedOutsideTheTestRoot(started));
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("\r\n\t \n")]
    [InlineData("\0\0\0")]
    [InlineData("\u0085\u009F\u0001")]
    public void Upsert_NameWithNothingUsable_IsWrittenUnderTheFallbackName(string name)
    {
        var id = Guid.NewGuid().ToString();

        var result = Assert.Single(_scope.Apply(_scope.Upsert(id, name)));

        Assert.True(result.Outcome == ResultOutcome.Applied, result.Message);
        var entry = WriterScope.ReadGroup(id, "displayName", "cn", "sAMAccountName");
        Assert.Equal($"Group_{id}", WriterScope.Values(entry, "displayName")[0]);
        Assert.Equal($"Group_{id}", WriterScope.Values(entry, "cn")[0]);
        Assert.Equal($"Group_{id}", WriterScope.Values(entry, "sAMAccountName")[0]);
    }

    [Fact]
    public void Upsert_ControlsInNameAndDescription_StoredAsSingleSpaces()
    {
        var id = Guid.NewGuid().ToString();

        _scope.Apply(_scope.Upsert(id, "  Sales\r\n\tTeam\0 \u0007East  ", description: "line one\nline two\u0000"));

        var entry = WriterScope.ReadGroup(id, "displayName", "description");
        Assert.Equal("Sales Team East", WriterScope.Values(entry, "displayName")[0]);
        Assert.Equal("line one line two", WriterScope.Values(entry, "description")[0]);
    }

    public void Dispose() => _scope.Dispose();

    private static string StoredDisplayName(string id, string name)
    {
        Assert.True(WritebackAnchor.TryCreate(id, out var anchor));
        return GroupNaming.Truncate(GroupNaming.DisplayName(anchor, name), 256).TrimEnd();
    }

    private void AssertEachFoundInsideTheOuWithItsName(List<string> ids, IReadOnlyList<string> names)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            // Searched domain-wide: exactly one object carries the anchor, and it is a direct child of the OU.
            var entry = WriterScope.ReadGroup(ids[i], "displayName");
            var parsed = DistinguishedName.Parse(entry.DistinguishedName);
            Assert.Equal(DistinguishedName.Parse(_scope.Ou), parsed.Parent);
            Assert.Equal(StoredDisplayName(ids[i], names[i]), WriterScope.Values(entry, "displayName")[0]);
        }
    }

    /// <summary>Objects created since the test started anywhere but under the shared test root.</summary>
    private static List<string> CreatedOutsideTheTestRoot(DateTime since)
    {
        var root = DistinguishedName.Parse(WriterScope.Domain.TestRootDn);
        var filter = $"(whenCreated>={since.ToString("yyyyMMddHHmmss'.0Z'", System.Globalization.CultureInfo.InvariantCulture)})";
        return WriterScope.Domain.Search(WriterScope.Domain.DomainDn, filter, "objectClass")
            .Select(e => e.DistinguishedName)
            .Where(dn => !DistinguishedName.Parse(dn).IsWithin(root))
            .ToList();
    }

    private static List<string> BuildNames()
    {
        var names = new List<string>
        {
            "a,b", "a+b", "a\"b\"", "a\\b", "<a>", "a;b", "a=b", "#leading hash", " leading space", "trailing space ",
            "  both  ", "x,OU=Domain Controllers", "x,OU=Domain Controllers,DC=corp,DC=test", "CN=Administrator,CN=Users",
            "OU=Evil", "\\,", ",", "+", "=", "#", "##", "\\", "\"\"", "a\\,b", "a\\2cb", new string('L', 300),
            new string('é', 300), "日本語のグループ", "Группа продаж", "مجموعة المبيعات", "קבוצה", "ग्रुप", "그룹 🎉",
            "🎉🎊🎈", new string('a', 50) + "🎉", "tab\there", "new\nline", "nul\0char", "ctrl\u0001char", "*", "(x)",
            "a*b(c)\\d", "sam\"/\\[]:;|=,+*?<>@", "...", "trailing dot.", "a/b", "a@b.c", "%20encoded", "O'Brien",
            "Ünïcødé", "Ελληνικά", "ZWJ\u200Djoiner", "\u00A0nbsp", "x; DROP TABLE", "$(whoami)", "back`tick", "a b c d e f g h i j k l m n o p",
        };
        return names;
    }
}
