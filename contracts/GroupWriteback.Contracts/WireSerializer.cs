using System.Text.Json;
using GroupWriteback.Contracts.Commands;
using GroupWriteback.Contracts.Results;

namespace GroupWriteback.Contracts;

/// <summary>Reads and writes the wire format; a malformed body becomes a <see cref="WireFormatException"/>.</summary>
public static class WireSerializer
{
    /// <summary>Serializes a command to UTF-8 JSON.</summary>
    public static byte[] Serialize(WritebackCommand command) =>
        JsonSerializer.SerializeToUtf8Bytes(command, WireJsonContext.Default.WritebackCommand);

    /// <summary>Serializes a result to UTF-8 JSON.</summary>
    public static byte[] Serialize(WritebackResult result) =>
        JsonSerializer.SerializeToUtf8Bytes(result, WireJsonContext.Default.WritebackResult);

    /// <summary>Reads a command, checking its version and its <see cref="CommandShape"/>.</summary>
    public static WritebackCommand DeserializeCommand(ReadOnlySpan<byte> utf8Json)
    {
        var command = Read(utf8Json, WireJsonContext.Default.WritebackCommand, "command");
        if (command.Version > WireFormat.Version)
        {
            throw new WireFormatException(
                $"Command {command.CommandId} for group {command.GroupId} has wire version {command.Version}; this build understands up to {WireFormat.Version}.",
                unsupportedVersion: true);
        }

        return CommandShape.Problem(command) is { } problem ? throw new WireFormatException(problem) : command;
    }

    /// <summary>Reads a result.</summary>
    public static WritebackResult DeserializeResult(ReadOnlySpan<byte> utf8Json) =>
        Read(utf8Json, WireJsonContext.Default.WritebackResult, "result");

    /// <summary>Reads a JSON array of commands (the agent's <c>apply --file</c> format); one malformed entry refuses the whole list.</summary>
    public static IReadOnlyList<WritebackCommand> DeserializeCommandList(ReadOnlySpan<byte> utf8Json)
    {
        var commands = Read(utf8Json, WireJsonContext.Default.IReadOnlyListWritebackCommand, "command list");
        for (var i = 0; i < commands.Count; i++)
        {
            var problem = commands[i] is null ? "is JSON null" : CommandShape.Problem(commands[i]);
            if (problem is not null)
            {
                throw new WireFormatException($"Entry {i} of the command list: {problem}");
            }
        }

        return commands;
    }

    /// <summary>Writes a JSON array of results, indented for people.</summary>
    public static string SerializeResultList(IReadOnlyList<WritebackResult> results) =>
        JsonSerializer.Serialize(results, IndentedContext.IReadOnlyListWritebackResult);

    /// <summary>Writes a JSON array of commands, indented for people.</summary>
    public static string SerializeCommandList(IReadOnlyList<WritebackCommand> commands) =>
        JsonSerializer.Serialize(commands, IndentedContext.IReadOnlyListWritebackCommand);

    private static readonly WireJsonContext IndentedContext =
        new(new JsonSerializerOptions(WireJsonContext.Default.Options) { WriteIndented = true });

    private static T Read<T>(ReadOnlySpan<byte> utf8Json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, string what)
    {
        try
        {
            return JsonSerializer.Deserialize(utf8Json, type)
                ?? throw new WireFormatException($"The {what} is JSON null.");
        }
        catch (JsonException ex)
        {
            throw new WireFormatException($"The {what} is not valid wire JSON: {ex.Message}", ex);
        }
        catch (NotSupportedException ex)
        {
            throw new WireFormatException($"The {what} has an unknown or missing kind: {ex.Message}", ex);
        }
    }
}
