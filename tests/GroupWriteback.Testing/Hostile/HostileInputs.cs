using System.Globalization;

namespace GroupWriteback.Testing.Hostile;

/// <summary>
/// The generated hostile set: names, descriptions and mail values built from every class of input that has broken
/// directory software — DN specials, C0/C1 controls and NUL, overlong values, bidi and zero-width characters,
/// combining sequences, values that collide once cleaned or cut, LDAP filter metacharacters, values that look like DNs,
/// <c>&lt;GUID=…&gt;</c> or <c>&lt;SID=…&gt;</c>, and a few injection probes. Deterministic, so a failure names its case.
/// </summary>
public static class HostileInputs
{
    private const string DnSpecials = ",+\"\\<>;=#";

    /// <summary>Every case, labels unique.</summary>
    public static IReadOnlyList<HostileCase> Cases { get; } =
    [
        .. DnSpecialCases(),
        .. ControlCases(),
        .. UnusableNameCases(),
        .. OverlongCases(),
        .. InvisibleCases(),
        .. CombiningCases(),
        .. CollidingCases(),
        .. FilterCases(),
        .. LookAlikeCases(),
        .. InjectionCases(),
        .. ScriptCases(),
        .. DescriptionCases(),
        .. MailCases(),
    ];

    private static IEnumerable<HostileCase> DnSpecialCases()
    {
        foreach (var c in DnSpecials)
        {
            var code = ((int)c).ToString("X2", CultureInfo.InvariantCulture);
            yield return new($"dn special {code} alone", c.ToString());
            yield return new($"dn special {code} inside", $"a{c}b");
            yield return new($"dn special {code} leading", $"{c}lead");
            yield return new($"dn special {code} trailing", $"trail{c}");
        }

        yield return new("leading space", " leading space");
        yield return new("trailing space", "trailing space ");
        yield return new("spaces both ends", "  both  ");
        yield return new("double hash", "##");
        yield return new("escaped comma text", "a\\,b");
        yield return new("hex escape text", "a\\2cb");
        yield return new("lone backslash end", "end\\");
    }

    private static IEnumerable<HostileCase> ControlCases()
    {
        for (var c = 0; c <= 0x1F; c++)
        {
            yield return new($"C0 control {c:X2}", $"ctl{(char)c}x");
        }

        for (var c = 0x7F; c <= 0x9F; c++)
        {
            yield return new($"C1 control {c:X2}", $"ctl{(char)c}x");
        }
    }

    private static IEnumerable<HostileCase> UnusableNameCases() =>
    [
        new("spaces only", "   "),
        new("line breaks only", "\r\n\n"),
        new("tab only", "\t"),
        new("NULs only", "\0\0\0"),
        new("no-break space only", "\u00A0"),
        new("ideographic space only", "\u3000"),
        new("line separator only", "\u2028\u2029"),
        new("C1 only", "\u0085\u009F"),
    ];

    private static IEnumerable<HostileCase> OverlongCases() =>
    [
        new("300 ASCII", new string('L', 300)),
        new("1,024 accented", new string('é', 1024)),
        new("300 CJK", new string('日', 300)),
        new("64 KiB", new string('a', 64 * 1024)),
        new("300 emoji", string.Concat(Enumerable.Repeat("🎉", 300))),
        new("emoji across the 51st character", new string('x', 50) + "🎉tail"),
        new("emoji across the 64th character", new string('x', 63) + "🎉tail"),
        new("emoji across the 256th character", new string('x', 255) + "🎉tail"),
        new("spaces across the cut", new string('s', 50) + new string(' ', 20) + "tail"),
        new("period at the cut", new string('p', 50) + "....tail"),
    ];

    private static IEnumerable<HostileCase> InvisibleCases()
    {
        int[] points = [0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2060, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF];
        foreach (var point in points)
        {
            yield return new($"invisible U+{point:X4}", $"vis{(char)point}ible");
        }

        yield return new("invisible only", "\u200B\u200D\uFEFF");
        yield return new("right-to-left override spoof", "\u202Etxt.exe");
    }

    private static IEnumerable<HostileCase> CombiningCases() =>
    [
        new("combining acute", "e\u0301"),
        new("decomposed vs composed", "Caf\u0065\u0301"),
        new("composed", "Café"),
        new("combining only", "\u0301\u0302"),
        new("fifty combining marks", "a" + new string('\u0301', 50)),
        new("zalgo", "Z\u0351\u0364\u0306a\u0310\u0357l\u035Bg\u0311o"),
        new("decomposed hangul", "\u1100\u1161\u11A8"),
        new("combining mark at the cut", new string('c', 50) + "e\u0301\u0302tail"),
    ];

    private static IEnumerable<HostileCase> CollidingCases()
    {
        foreach (var c in "*?|:;[]\"/\\<>+=,@")
        {
            yield return new($"sam collision via {((int)c).ToString("X2", CultureInfo.InvariantCulture)}", $"Coll{c}ide");
        }

        yield return new("sam collision plain", "Collide");
        yield return new("sam collision case", "COLLIDE");
        var shared51 = new string('k', 51);
        yield return new("cn collision at 51 a", shared51 + "alpha");
        yield return new("cn collision at 51 b", shared51 + "beta");
        var shared64 = new string('q', 64);
        yield return new("cn collision at 64 a", shared64 + "alpha");
        yield return new("cn collision at 64 b", shared64 + "beta");
        yield return new("dotless i", "ı");
        yield return new("dotted capital I", "İ");
        yield return new("sharp s", "Straße");
        yield return new("sharp s folded", "Strasse");
    }

    private static IEnumerable<HostileCase> FilterCases() =>
    [
        new("filter star", "*"),
        new("filter parens", "(x)"),
        new("filter open paren", "("),
        new("filter close paren", ")"),
        new("filter escaped star", "\\2a"),
        new("filter escaped NUL", "\\00"),
        new("filter injection or", "*)(|(objectClass=*"),
        new("filter injection and", "x)(&(adminDescription=Group_*)"),
        new("filter absolute true", "(&)"),
        new("filter mixed", "a*b(c)\\d"),
    ];

    private static IEnumerable<HostileCase> LookAlikeCases() =>
    [
        new("dn administrator", "CN=Administrator,CN=Users,DC=corp,DC=test"),
        new("dn domain controllers", "x,OU=Domain Controllers,DC=corp,DC=test"),
        new("dn ou only", "OU=Evil"),
        new("dn domain suffix", ",DC=corp,DC=test"),
        new("dn multi-valued", "cn=a+cn=b"),
        new("dn escaped", "CN=x\\,OU=y"),
        new("guid binding", "<GUID=00000000-0000-0000-0000-000000000000>"),
        new("sid binding", "<SID=S-1-5-32-544>"),
        new("well-known guid binding", "<WKGUID=a9d1ca15768811d1aded00c04fd8d5cd,DC=corp,DC=test>"),
        new("sid text", "S-1-5-21-1-2-3-500"),
        new("anchor impersonation", "Group_00000000-0000-4000-8000-000000000001"),
        new("anchor prefix", "Group_"),
    ];

    private static IEnumerable<HostileCase> InjectionCases() =>
    [
        new("shell substitution", "$(whoami)"),
        new("backtick", "`id`"),
        new("sql", "x'; DROP TABLE groups;--"),
        new("script tag", "<script>alert(1)</script>"),
        new("percent NUL", "%00"),
        new("percent comma", "%2C"),
        new("template", "{{7*7}}"),
        new("jndi", "${jndi:ldap://127.0.0.1/x}"),
        new("json", "{\"displayName\":null}"),
        new("path", "..\\..\\windows\\system32"),
    ];

    private static IEnumerable<HostileCase> ScriptCases() =>
    [
        new("japanese", "日本語のグループ"),
        new("cyrillic", "Группа продаж"),
        new("arabic", "مجموعة المبيعات"),
        new("hebrew", "קבוצה"),
        new("devanagari", "ग्रुप"),
        new("thai", "กลุ่มขาย"),
        new("korean with emoji", "그룹 🎉"),
        new("greek", "Ελληνικά"),
        new("emoji only", "🎉🎊🎈"),
        new("astral plane letters", "𝔊𝔯𝔬𝔲𝔭"),
    ];

    private static IEnumerable<HostileCase> DescriptionCases() =>
    [
        new("description 1,025", "Described long", Description: new string('d', 1025)),
        new("description 64 KiB", "Described huge", Description: new string('d', 64 * 1024)),
        new("description controls", "Described controls", Description: "line one\r\nline two\0\u0007end"),
        new("description dn specials", "Described specials", Description: "a,b+c\"d\\e<f>g;h=i#"),
        new("description only spaces", "Described blank", Description: "   "),
        new("description bidi", "Described bidi", Description: "\u202Egnirts\u202C"),
    ];

    private static IEnumerable<HostileCase> MailCases() =>
    [
        new("nickname plain", "Mail plain", MailNickname: "mail-plain"),
        new("nickname with space", "Mail space", MailNickname: "mail space"),
        new("nickname with comma", "Mail comma", MailNickname: "mail,comma"),
        new("nickname with at", "Mail at", MailNickname: "mail@at"),
        new("nickname 65", "Mail long nickname", MailNickname: new string('n', 65)),
        new("nickname unicode", "Mail unicode", MailNickname: "grüße"),
        new("nickname controls", "Mail controls", MailNickname: "mail\0\r\nctl"),
        new("mail two ats", "Mail two ats", MailNickname: "two-ats", Mail: "a@b@corp.test"),
        new("mail angle brackets", "Mail brackets", MailNickname: "brackets", Mail: "<x>@corp.test"),
        new("mail 300", "Mail overlong", MailNickname: "overlong", Mail: new string('m', 300) + "@corp.test"),
        new("mail spaces", "Mail blank", MailNickname: "blank-mail", Mail: "   "),
        new("mail dn", "Mail dn", MailNickname: "dn-mail", Mail: "CN=x,DC=corp,DC=test"),
    ];
}
