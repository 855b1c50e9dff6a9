using GroupWriteback.Contracts;
using GroupWriteback.Contracts.Results;

namespace GroupWriteback.Agent.Processing;

/// <summary>
/// The offline path: applies (or plans) the commands of a JSON file in order, on one directory
/// connection, and returns a result per command. Transient failures become failure results here,
/// since there is no queue to redeliver.
/// </summary>
internal sealed class CommandFileRunner
{
    private readonly WritebackContextFactory _contexts;
    private readonly CommandProcessor _processor;

    /// <summary>Creates the runner.</summary>
    public CommandFileRunner(WritebackContextFactory contexts, CommandProcessor processor)
    {
        _contexts = contexts;
        _processor = processor;
    }

    /// <summary>Reads the file and applies every command; a malformed file throws <see cref="WireFormatException"/>.</summary>
    public async Task<IReadOnlyList<WritebackResult>> RunAsync(string path, bool dryRun, CancellationToken cancellationToken)
    {
        var commands = WireSerializer.DeserializeCommandList(await File.ReadAllBytesAsync(path, cancellationToken));
        var context = _contexts.Open(dryRun);
        using var directory = context.Directory;
        var results = new List<WritebackResult>(commands.Count);
        InlineMembers? offer = null;
        for (var i = 0; i < commands.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var command = commands[i];

            // A snapshot right behind its upsert is offered to it, as the queue's consumer does.
            var inline = offer;
            offer = InlineMembers.Offer(command, i + 1 < commands.Count ? commands[i + 1] : null);
            inline ??= offer;
            try
            {
                results.Add(await _processor.ApplyAsync(context, command, inline, cancellationToken));
            }
            catch (Directory.DirectoryWriteException transient)
            {
                results.Add(CommandResults.Failed(command, transient));
            }
        }

        return results;
    }
}
