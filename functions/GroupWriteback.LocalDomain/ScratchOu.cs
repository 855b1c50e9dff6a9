using System.DirectoryServices.Protocols;
using System.Globalization;

namespace GroupWriteback.LocalDomain;

/// <summary>
/// A uniquely named OU for one test or fixture. Disposing deletes it and everything below it
/// with the tree-delete control, so a test leaves nothing behind even when it fails.
/// </summary>
public sealed class ScratchOu : IDisposable
{
    /// <summary>Scratch OUs older than this are left-overs of killed runs and are swept.</summary>
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromHours(12);

    /// <summary>How long a tree delete that outlasted the client's timeout is waited for.</summary>
    private static readonly TimeSpan TreeDeleteWait = TimeSpan.FromMinutes(15);

    /// <summary>The LDAP client's code for a request that timed out (LDAP_TIMEOUT).</summary>
    private const int TimeoutErrorCode = 85;
    private readonly TestDomain _domain;
    private bool _disposed;

    private ScratchOu(TestDomain domain, string dn, string name)
    {
        _domain = domain;
        Dn = dn;
        Name = name;
    }

    /// <summary>The OU's DN.</summary>
    public string Dn { get; }

    /// <summary>The OU's name (its RDN value).</summary>
    public string Name { get; }

    /// <summary>A uniquely named OU below this one, deleted with this one (or by its own dispose).</summary>
    public ScratchOu CreateChild(string prefix) => Create(_domain, Dn, prefix);

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Delete(_domain, Dn);
    }

    /// <inheritdoc />
    public override string ToString() => Dn;

    internal static ScratchOu Create(TestDomain domain, string parentDn, string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        if (!prefix.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new ArgumentException($"Scratch OU prefix '{prefix}' may hold only letters, digits, '-' and '_'.", nameof(prefix));
        }

        var name = string.Create(CultureInfo.InvariantCulture, $"{prefix}-{DateTime.UtcNow:yyyyMMddHHmmss}-{Guid.NewGuid().ToString("N")[..8]}");
        var dn = $"OU={name},{parentDn}";
        domain.Send(new AddRequest(dn, "organizationalUnit"));
        return new ScratchOu(domain, dn, name);
    }

    /// <summary>Deletes scratch OUs left by runs that were killed before they could clean up.</summary>
    internal static void SweepAbandoned(TestDomain domain, string rootDn)
    {
        var cutoff = (DateTime.UtcNow - AbandonedAfter).ToString("yyyyMMddHHmmss'.0Z'", CultureInfo.InvariantCulture);
        var stale = domain.Search(rootDn, $"(&(objectClass=organizationalUnit)(whenCreated<={cutoff}))", SearchScope.OneLevel, "ou");
        foreach (var entry in stale.Where(e => !SharedUserPool.IsPoolOu(e.DistinguishedName)))
        {
            Delete(domain, entry.DistinguishedName);
        }
    }

    private static void Delete(TestDomain domain, string dn)
    {
        var request = new DeleteRequest(dn);
        request.Controls.Add(new TreeDeleteControl());
        try
        {
            domain.Send(request);
        }
        catch (DirectoryOperationException ex) when (ex.Response?.ResultCode == ResultCode.NoSuchObject)
        {
            // Already gone: deleted by the test itself or by a concurrent sweep.
        }
        catch (LdapException ex) when (ex.ErrorCode == TimeoutErrorCode)
        {
            // A large tree (a bench's thousands of groups) outlasts the client's timeout, but the DC goes on deleting it
            // and takes no other write meanwhile: wait until it is gone, or the next write would time out in turn.
            WaitUntilGone(domain, dn);
        }
    }

    private static void WaitUntilGone(TestDomain domain, string dn)
    {
        var deadline = DateTime.UtcNow + TreeDeleteWait;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (domain.ReadEntry(dn, "ou") is null)
                {
                    return;
                }
            }
            catch (LdapException ex) when (ex.ErrorCode == TimeoutErrorCode)
            {
                // Still busy deleting.
            }

            Thread.Sleep(TimeSpan.FromSeconds(2));
        }

        throw new TimeoutException($"Scratch OU {dn} was still being deleted after {TreeDeleteWait.TotalMinutes:0} minutes.");
    }
}
