using GroupWriteback.Cloud.Audit;
using Microsoft.Extensions.Options;

namespace GroupWriteback.Cloud.Tests.Audit;

/// <summary>A <see cref="SqliteAuditStore"/> on a file in a fresh temporary directory, deleted afterwards.</summary>
internal sealed class TemporaryAuditStore : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gw-audit-").FullName;

    public TemporaryAuditStore() => Store = Open();

    public SqliteAuditStore Store { get; }

    public string Path => System.IO.Path.Combine(_directory, "audit.db");

    /// <summary>Another store on the same file, as the host opens it after a restart.</summary>
    public SqliteAuditStore Open() => new(Options.Create(new AuditOptions { Path = Path }));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
