using GroupWriteback.Contracts.Results;

namespace GroupWriteback.Agent.Tests.Processing;

public sealed class HostileNameTests : IDisposable
{
    private readonly WriterScope _scope = new("hostile");

    public static IReadOnlyList<string> HostileNames { get; } = BuildNames();

    [Fact]
    public void Upsert_HostileDisplayNames_CreatesEveryGroupInsideTheOuFindableByAnchor()
    {
        var ids = HostileNames.Select(_ => Guid.NewGuid().ToString()).ToList();
        var commands = HostileNames.Select((name, i) => _scope.Upsert(ids[i], name)).ToArray();

        var results = _scope.Apply(commands);

        Assert.True(HostileNames.Count >= 50);
        Assert.All(results, r => Assert.True(r.Outcome == ResultOutcome.Applied, $"{r.GroupId}: {r.Message}"));
        for (var i = 0; i < ids.Count; i++)
        {
            var entry = WriterScope.ReadGroup(ids[i], "displayName");
            Assert.EndsWith("," + _scope.Ou, entry.DistinguishedName, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(HostileNames[i], WriterScope.Values(entry, "displayName")[0]);
        }

        var underOu = WriterScope.Domain.Search(_scope.Ou, "(objectClass=group)");
        Assert.Equal(ids.Count, underOu.Count);
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

    public void Dispose() => _scope.Dispose();
}
