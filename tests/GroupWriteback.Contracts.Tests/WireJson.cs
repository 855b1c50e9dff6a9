using System.Text.Json;
using GroupWriteback.Contracts.Commands;
using GroupWriteback.Contracts.Results;

namespace GroupWriteback.Contracts.Tests;

/// <summary>Indented JSON of one message, as the README shows it.</summary>
internal static class WireJson
{
    private static readonly WireJsonContext Indented = new(new JsonSerializerOptions(WireJsonContext.Default.Options) { WriteIndented = true });

    public static string Of(WritebackCommand command) => JsonSerializer.Serialize(command, Indented.WritebackCommand);

    public static string Of(WritebackResult result) => JsonSerializer.Serialize(result, Indented.WritebackResult);
}
