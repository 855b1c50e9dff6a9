using System.DirectoryServices.Protocols;
using System.Globalization;
using System.Text;

namespace GroupWriteback.LocalDomain;

/// <summary>Adds users on one connection and reads back what tests need about them.</summary>
internal static class UserFactory
{
    private const string DisabledNormalAccount = "514";
    private const string EnabledNormalAccount = "512";
    private static readonly string[] UserAttributes = ["objectSid", "objectGUID", "sAMAccountName"];

    public static IReadOnlyList<TestUser> CreateDisabled(TestDomain domain, string ouDn, string prefix, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        // sAMAccountName of a user is at most 20 characters in AD; prefix(≤3) + token(6) + index(≤7).
        var samPrefix = new string(prefix.Where(char.IsAsciiLetterOrDigit).Take(3).ToArray()) + Token();
        var names = Enumerable.Range(0, count).Select(i => (Cn: $"{prefix}-{samPrefix}-{i:D5}", Sam: string.Create(CultureInfo.InvariantCulture, $"{samPrefix}{i}"))).ToList();
        AddAll(domain, names.Select(n => Request(ouDn, n.Cn, n.Sam)));
        var bySam = Read(domain, ouDn, $"(sAMAccountName={samPrefix}*)").ToDictionary(u => u.SamAccountName, StringComparer.OrdinalIgnoreCase);
        return names.Select(n => bySam[n.Sam]).ToList();
    }

    public static TestUser CreateAccount(TestDomain domain, string ouDn, string prefix)
    {
        var sam = new string(prefix.Where(char.IsAsciiLetterOrDigit).Take(8).ToArray()) + Token();
        var password = "Gw1!" + Guid.NewGuid().ToString("N");
        var request = Request(ouDn, sam, sam, EnabledNormalAccount);
        // unicodePwd is the quoted password in UTF-16LE; the DC accepts it only over TLS.
        request.Attributes.Add(new DirectoryAttribute("unicodePwd", Encoding.Unicode.GetBytes($"\"{password}\"")));
        domain.Send(request);
        return Read(domain, ouDn, $"(sAMAccountName={sam})").Single() with { Password = password };
    }

    /// <summary>
    /// Disabled users <paramref name="samPrefix"/>000000 to <paramref name="samPrefix"/>(count-1) in <paramref name="ouDn"/>,
    /// creating only the missing ones: a second call costs one search.
    /// </summary>
    public static IReadOnlyList<TestUser> EnsureNumbered(TestDomain domain, string ouDn, string samPrefix, int count)
    {
        var filter = $"(sAMAccountName={samPrefix}*)";
        var existing = Read(domain, ouDn, filter).ToDictionary(u => u.SamAccountName, StringComparer.OrdinalIgnoreCase);
        var wanted = Enumerable.Range(0, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"{samPrefix}{i:D6}")).ToList();
        var missing = wanted.Where(sam => !existing.ContainsKey(sam)).ToList();
        if (missing.Count > 0)
        {
            AddAll(domain, missing.Select(sam => Request(ouDn, sam, sam)));
            existing = Read(domain, ouDn, filter).ToDictionary(u => u.SamAccountName, StringComparer.OrdinalIgnoreCase);
        }

        return wanted.Select(sam => existing[sam]).ToList();
    }

    /// <summary>The enabled account <paramref name="sam"/> in <paramref name="ouDn"/>, created or given <paramref name="password"/> anew.</summary>
    public static TestUser EnsureAccount(TestDomain domain, string ouDn, string sam, string password)
    {
        var unicodePassword = new DirectoryAttribute("unicodePwd", Encoding.Unicode.GetBytes($"\"{password}\""));
        if (Read(domain, ouDn, $"(sAMAccountName={sam})").SingleOrDefault() is { } existing)
        {
            var reset = new ModifyRequest(existing.Dn, DirectoryAttributeOperation.Replace, "unicodePwd", unicodePassword[0]);
            domain.Send(reset);
            domain.Send(new ModifyRequest(existing.Dn, DirectoryAttributeOperation.Replace, "userAccountControl", EnabledNormalAccount));
            return existing with { Password = password };
        }

        var request = Request(ouDn, sam, sam, EnabledNormalAccount);
        request.Attributes.Add(unicodePassword);
        domain.Send(request);
        return Read(domain, ouDn, $"(sAMAccountName={sam})").Single() with { Password = password };
    }

    public static AddRequest Request(string ouDn, string cn, string sam, string userAccountControl = DisabledNormalAccount) =>
        new($"CN={cn},{ouDn}", new DirectoryAttribute("objectClass", "user"), new DirectoryAttribute("sAMAccountName", sam), new DirectoryAttribute("userAccountControl", userAccountControl));

    /// <summary>Sends every add on one connection (the DC is fastest that way); an existing entry counts as added.</summary>
    public static void AddAll(TestDomain domain, IEnumerable<AddRequest> requests)
    {
        using var connection = domain.OpenAdminConnection();
        foreach (var request in requests)
        {
            try
            {
                connection.SendRequest(request);
            }
            catch (DirectoryOperationException ex) when (ex.Response?.ResultCode == ResultCode.EntryAlreadyExists)
            {
                // Created by an earlier, interrupted run of the same fixture.
            }
        }
    }

    public static IEnumerable<TestUser> Read(TestDomain domain, string ouDn, string filter) =>
        domain.Search(ouDn, $"(&(objectClass=user){filter})", SearchScope.OneLevel, UserAttributes).Select(ToUser);

    private static TestUser ToUser(SearchResultEntry entry) => new(
        entry.DistinguishedName,
        SidText.Format((byte[])entry.Attributes["objectSid"].GetValues(typeof(byte[]))[0]),
        new Guid((byte[])entry.Attributes["objectGUID"].GetValues(typeof(byte[]))[0]),
        (string)entry.Attributes["sAMAccountName"].GetValues(typeof(string))[0]);

    private static string Token() => Convert.ToHexString(Guid.NewGuid().ToByteArray().AsSpan(0, 3)).ToLowerInvariant();
}
