namespace GroupWriteback.LocalDomain;

/// <summary>
/// Users that stay on the test DC between runs, in an OU of their own. The DC adds about 50 users a
/// second (every add is its own synced transaction, about 19 ms of the DC's CPU), so a 6,000-member
/// test would spend two minutes creating users and more deleting them; a pool pays that once per DC.
/// Processes serialise on a lock file per pool so two runs do not create the same users at once.
/// </summary>
internal sealed class SharedUserPool
{
    /// <summary>The tests' pool: a few thousand users at most, so the search that finds them stays short.</summary>
    public static readonly SharedUserPool Tests = new("Shared Users", "gwpool");

    /// <summary>The bench's pool, up to 1,100,000 users for its large group; apart from the tests' so their reads stay small.</summary>
    public static readonly SharedUserPool Bench = new("Bench Users", "gwbench");

    private static readonly SharedUserPool[] All = [Tests, Bench];
    private readonly Lock _gate = new();
    private readonly string _ouName;
    private readonly string _samPrefix;
    private List<TestUser> _cached = [];

    private SharedUserPool(string ouName, string samPrefix)
    {
        _ouName = ouName;
        _samPrefix = samPrefix;
    }

    /// <summary>Whether <paramref name="dn"/> is a pool's OU, which the sweep of abandoned scratch OUs leaves alone.</summary>
    public static bool IsPoolOu(string dn) => All.Any(pool => dn.StartsWith($"OU={pool._ouName},", StringComparison.OrdinalIgnoreCase));

    public IReadOnlyList<TestUser> Get(TestDomain domain, int count)
    {
        lock (_gate)
        {
            if (_cached.Count < count)
            {
                using var fileLock = AcquireFileLock(domain);
                _cached = Ensure(domain, count);
            }

            return _cached.Take(count).ToList();
        }
    }

    private List<TestUser> Ensure(TestDomain domain, int count)
    {
        var ou = $"OU={_ouName},{domain.TestRootDn}";
        domain.EnsureOu(ou);
        return [.. UserFactory.EnsureNumbered(domain, ou, _samPrefix, count)];
    }

    private FileStream AcquireFileLock(TestDomain domain)
    {
        // One DC per machine, so a machine-wide lock file serialises every checkout's test runs.
        var path = Path.Combine(Path.GetTempPath(), $"groupwriteback-{_samPrefix}-users-{domain.Info.Realm}.lock");
        var deadline = DateTime.UtcNow.AddHours(1);
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive flock on Unix: another process holding it makes this throw.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(200);
            }
        }
    }
}
