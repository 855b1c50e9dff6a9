using System.Collections.Concurrent;
using System.DirectoryServices.Protocols;
using System.Globalization;

namespace GroupWriteback.LocalDomain;

/// <summary>
/// The real Samba AD DC every integration test runs against (see tests/dc/README.md). One
/// instance per process; found, and started when it does not answer, on first use. Tests work
/// only in their own <see cref="ScratchOu"/>s under <see cref="TestRootDn"/>, because other test
/// processes share the DC at the same time.
/// </summary>
public sealed class TestDomain
{
    private const int PageSize = 1000;

    /// <summary>LDAP_SERVER_DOWN: the connection is gone.</summary>
    private const int ServerDownErrorCode = 81;
    private static readonly Lazy<TestDomain> Shared = new(() => new TestDomain(DomainControllerBootstrap.EnsureRunning()), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly ConcurrentBag<LdapConnection> _idleAdminConnections = [];
    private readonly Lazy<string> _testRoot;

    private TestDomain(DomainConnectionInfo info)
    {
        Info = info;
        _testRoot = new Lazy<string>(EnsureTestRoot, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The test DC, started on first use when needed.</summary>
    public static TestDomain Instance => Shared.Value;

    /// <summary>Everything connection.json says.</summary>
    public DomainConnectionInfo Info { get; }

    /// <summary>DC address (in its certificate).</summary>
    public string Server => Info.Server;

    /// <summary>LDAPS port.</summary>
    public int LdapsPort => Info.LdapsPort;

    /// <summary>Domain naming context.</summary>
    public string DomainDn => Info.DomainDn;

    /// <summary>Administrator DN.</summary>
    public string AdminDn => Info.AdminDn;

    /// <summary>Administrator password.</summary>
    public string AdminPassword => Info.AdminPassword;

    /// <summary>Trusted CA directory for <c>SessionOptions.TrustedCertificatesDirectory</c>.</summary>
    public string TrustedCertificatesDirectory => Info.TrustedCertificatesDirectory;

    /// <summary>The OU every scratch OU lives under (created on first use).</summary>
    public string TestRootDn => _testRoot.Value;

    /// <summary>A new connection bound as the administrator; the caller disposes it.</summary>
    public LdapConnection OpenAdminConnection() => OpenConnection(AdminDn, AdminPassword);

    /// <summary>A new connection bound as another account (DN or UPN); the caller disposes it.</summary>
    public LdapConnection OpenConnection(string user, string password) =>
        LdapConnections.Open(Info, user, password, TimeSpan.FromSeconds(60));

    /// <summary>A new connection bound as <paramref name="account"/>, which must have a password.</summary>
    public LdapConnection OpenConnection(TestUser account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return OpenConnection(account.Dn, account.Password ?? throw new ArgumentException($"{account.Dn} was created without a password; use CreateAccount.", nameof(account)));
    }

    /// <summary>
    /// Sends a request as the administrator on a pooled connection. A pooled connection the server has
    /// closed while it sat idle fails before the request reaches the server; the request is then sent
    /// once more on a new connection.
    /// </summary>
    public DirectoryResponse Send(DirectoryRequest request)
    {
        if (_idleAdminConnections.TryTake(out var idle))
        {
            try
            {
                return SendOn(idle, request);
            }
            catch (LdapException ex) when (ex.ErrorCode == ServerDownErrorCode)
            {
                // The idle connection was dropped; a new one answers, or throws for a DC really down.
            }
        }

        return SendOn(OpenAdminConnection(), request);
    }

    /// <summary>Every entry matching <paramref name="filter"/> below (and at) <paramref name="baseDn"/>, paged.</summary>
    public IReadOnlyList<SearchResultEntry> Search(string baseDn, string filter, params string[] attributes) =>
        Search(baseDn, filter, SearchScope.Subtree, attributes);

    /// <summary>Every entry matching <paramref name="filter"/> in <paramref name="scope"/>, paged; none when the base is missing.</summary>
    public IReadOnlyList<SearchResultEntry> Search(string baseDn, string filter, SearchScope scope, params string[] attributes)
    {
        var request = new SearchRequest(baseDn, filter, scope, attributes);
        var paging = new PageResultRequestControl(PageSize);
        request.Controls.Add(paging);
        var entries = new List<SearchResultEntry>();
        try
        {
            while (true)
            {
                var response = (SearchResponse)Send(request);
                entries.AddRange(response.Entries.Cast<SearchResultEntry>());
                var cookie = response.Controls.OfType<PageResultResponseControl>().FirstOrDefault()?.Cookie;
                if (cookie is not { Length: > 0 })
                {
                    return entries;
                }

                paging.Cookie = cookie;
            }
        }
        catch (DirectoryOperationException ex) when (ex.Response?.ResultCode == ResultCode.NoSuchObject)
        {
            return entries;
        }
    }

    /// <summary>One entry by DN, or null when it does not exist.</summary>
    public SearchResultEntry? ReadEntry(string dn, params string[] attributes)
    {
        try
        {
            var response = (SearchResponse)Send(new SearchRequest(dn, "(objectClass=*)", SearchScope.Base, attributes));
            return response.Entries.Count > 0 ? response.Entries[0] : null;
        }
        catch (DirectoryOperationException ex) when (ex.Response?.ResultCode == ResultCode.NoSuchObject)
        {
            return null;
        }
    }

    /// <summary>A uniquely named OU under <see cref="TestRootDn"/>, tree-deleted on dispose.</summary>
    public ScratchOu CreateScratchOu(string prefix) => ScratchOu.Create(this, TestRootDn, prefix);

    /// <summary>
    /// <paramref name="count"/> disabled, password-less users in <paramref name="ouDn"/>, added on one
    /// connection. The DC adds about 100 users a second; for thousands use <see cref="SharedUsers"/>.
    /// </summary>
    public IReadOnlyList<TestUser> CreateUsers(string ouDn, string prefix, int count) =>
        UserFactory.CreateDisabled(this, ouDn, prefix, count);

    /// <summary>An enabled user with a password, to bind as (delegation tests).</summary>
    public TestUser CreateAccount(string ouDn, string prefix) => UserFactory.CreateAccount(this, ouDn, prefix);

    /// <summary>
    /// <paramref name="count"/> read-only users kept on the DC across runs (created the first
    /// time only), for tests that need thousands of members. Never modify or delete them.
    /// </summary>
    public IReadOnlyList<TestUser> SharedUsers(int count) => SharedUserPool.Tests.Get(this, count);

    /// <summary>
    /// <paramref name="count"/> users of the bench's own pool, kept like <see cref="SharedUsers"/> but in an OU of
    /// their own: the bench's large group needs up to 1,100,000 of them.
    /// </summary>
    public IReadOnlyList<TestUser> BenchUsers(int count) => SharedUserPool.Bench.Get(this, count);

    /// <summary>
    /// Disabled users numbered 0 to <paramref name="count"/> - 1 (<c>sAMAccountName</c> = prefix + six digits) in
    /// <paramref name="ouDn"/>, kept across runs: only missing ones are created.
    /// </summary>
    public IReadOnlyList<TestUser> EnsureNumberedUsers(string ouDn, string samPrefix, int count) =>
        UserFactory.EnsureNumbered(this, ouDn, samPrefix, count);

    /// <summary>An enabled account with a password to bind as, created or given the password anew.</summary>
    public TestUser EnsureAccount(string ouDn, string sam, string password) => UserFactory.EnsureAccount(this, ouDn, sam, password);

    /// <summary>
    /// Every object below <paramref name="baseDn"/> with its attributes, as sorted text, without
    /// the replication metadata that changes on every write (whenChanged, uSNChanged, …).
    /// </summary>
    public string DumpSubtree(string baseDn) => DirectoryDump.Render(Search(baseDn, "(objectClass=*)", "*"));

    /// <summary>Adds an OU unless it exists (concurrent test processes create the same ones).</summary>
    public void EnsureOu(string dn)
    {
        try
        {
            Send(new AddRequest(dn, "organizationalUnit"));
        }
        catch (DirectoryOperationException ex) when (ex.Response?.ResultCode == ResultCode.EntryAlreadyExists)
        {
            // Another test process created it first.
        }
    }

    private DirectoryResponse SendOn(LdapConnection connection, DirectoryRequest request)
    {
        DirectoryResponse response;
        try
        {
            response = connection.SendRequest(request);
        }
        catch (DirectoryOperationException)
        {
            // The server answered: the connection is healthy and goes back to the pool.
            _idleAdminConnections.Add(connection);
            throw;
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        _idleAdminConnections.Add(connection);
        return response;
    }

    private string EnsureTestRoot()
    {
        var root = string.Create(CultureInfo.InvariantCulture, $"OU=GroupWriteback Tests,{DomainDn}");
        EnsureOu(root);
        ScratchOu.SweepAbandoned(this, root);
        return root;
    }
}
