using GroupWriteback.Transport.Embedded;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GroupWriteback.Transport.Tests.Embedded;

/// <summary>A queue file in a fresh temporary directory, deleted afterwards; stores opened on it share the file.</summary>
internal sealed class TemporaryQueue : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gw-queue-").FullName;
    private readonly List<EmbeddedQueueStore> _stores = [];

    public TemporaryQueue(Action<EmbeddedQueueOptions>? configure = null)
    {
        Configure = configure;
        Store = Open();
    }

    /// <summary>The clock of <see cref="Store"/>; starts at a fixed instant and moves only when advanced.</summary>
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public EmbeddedQueueStore Store { get; }

    public string Path => System.IO.Path.Combine(_directory, "queue.db");

    private Action<EmbeddedQueueOptions>? Configure { get; }

    /// <summary>Another store on the same file, as a second process would open it.</summary>
    public EmbeddedQueueStore Open(TimeProvider? time = null)
    {
        var options = new EmbeddedQueueOptions { Path = Path, PollInterval = TimeSpan.FromMilliseconds(5) };
        Configure?.Invoke(options);
        var store = new EmbeddedQueueStore(Options.Create(options), time ?? Time);
        _stores.Add(store);
        return store;
    }

    /// <summary>When the session's lock ends on the file (Unix ms), or null when nobody holds it.</summary>
    public async Task<long?> SessionLockedUntilAsync(string sessionId)
    {
        await using var connection = new SqliteConnection($"Data Source={Path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT locked_until FROM session_locks WHERE session_id = $session;";
        command.Parameters.AddWithValue("$session", sessionId);
        return await command.ExecuteScalarAsync() as long?;
    }

    /// <summary>Waits (real time, bounded) until the session lock ends at <paramref name="expectedMs"/>.</summary>
    public async Task WaitForSessionLockAsync(string sessionId, long expectedMs)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (await SessionLockedUntilAsync(sessionId) != expectedMs)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(5), timeout.Token);
        }
    }

    public void Dispose()
    {
        foreach (var store in _stores)
        {
            store.Dispose();
        }

        Directory.Delete(_directory, recursive: true);
    }
}
