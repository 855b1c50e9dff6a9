namespace GroupWriteback.LocalDomain;

/// <summary>
/// Users that stay on the test DC between runs. The DC adds about 100 users a second (every add
/// is its own synced transaction), so a 6,000-member test would spend a minute creating users
/// and another deleting them; the pool pays that once per DC. Processes serialise on a lock file
/// so two runs do not create the same users at once.
/// </summary>
internal static class SharedUserPool
{
    private const string PoolOuName = "Shared Users";
    private static readonly Lock Gate = new();
    private static List<TestUser> _cached = [];

    public static bool IsPoolOu(string dn) => dn.StartsWith($"OU={PoolOuName},", StringComparison.OrdinalIgnoreCase);

    public static IReadOnlyList<TestUser> Get(TestDomain domain, int count)
    {
        lock (Gate)
        {
            if (_cached.Count < count)
            {
                using var fileLock = AcquireFileLock(domain);
                _cached = Ensure(domain, count);
            }

            return _cached.Take(count).ToList();
        }
    }

    private static List<TestUser> Ensure(TestDomain domain, int count)
    {
        var ou = $"OU={PoolOuName},{domain.TestRootDn}";
        domain.EnsureOu(ou);
        return [.. UserFactory.EnsureNumbered(domain, ou, "gwpool", count)];
    }

    private static FileStream AcquireFileLock(TestDomain domain)
    {
        // One DC per machine, so a machine-wide lock file serialises every checkout's test runs.
        var path = Path.Combine(Path.GetTempPath(), $"groupwriteback-shared-users-{domain.Info.Realm}.lock");
        var deadline = DateTime.UtcNow.AddMinutes(10);
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
