using System.Text.Json;
using GroupWriteback.Agent.Directory;

namespace GroupWriteback.Agent.Processing;

/// <summary>
/// Writes the process's LDAP operation counts and command timings to <see cref="Configuration.AgentOptions.OperationCountsFile"/>
/// every second and once more on stop, replacing the file whole, so a reader (the bench) always sees a complete document.
/// </summary>
internal sealed class OperationCountsFile(string path, TimeProvider time)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                Write();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the last write below records everything applied so far.
        }

        Write();
    }

    public void Write()
    {
        var document = new Dictionary<string, object>
        {
            ["ldap"] = DirectoryOperationCounters.Process.Snapshot(),
            ["commands"] = CommandTimings.Process.Snapshot(),
        };
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(document, Json));
        File.Move(temporary, path, overwrite: true);
    }
}
