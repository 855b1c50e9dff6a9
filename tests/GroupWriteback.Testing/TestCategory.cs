namespace GroupWriteback.Testing;

/// <summary>
/// The trait that marks tests needing the test domain controller (root, Samba, the fixed LDAP ports), so the rest
/// runs anywhere: <c>dotnet test --filter "Category!=DomainController"</c>.
/// </summary>
public static class TestCategory
{
    /// <summary>The trait's name.</summary>
    public const string Name = "Category";

    /// <summary>Needs the test domain controller.</summary>
    public const string DomainController = "DomainController";

    /// <summary>Drives the system's Chromium (<c>/usr/bin/chromium</c>) with Playwright; exclude with <c>Category!=Browser</c> where there is none.</summary>
    public const string Browser = "Browser";
}
