using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GroupWriteback.GraphEmulator.Delta;

/// <summary>
/// The state behind a <c>$deltatoken</c>: the change-log position a round ended at, the <c>$select</c> it
/// tracks and when it was issued. Like Graph's, the token carries the query options, so a deltaLink is
/// followed as it is.
/// </summary>
internal sealed record DeltaToken(int Generation, long Sequence, DateTimeOffset IssuedAt, string? Select);

/// <summary>The state behind a <c>$skiptoken</c>: which stored round and which page of it comes next.</summary>
internal sealed record SkipToken(int Generation, string RoundId, int Page);

/// <summary>Encodes tokens as base64url JSON; a token that does not decode is answered with 400, as Graph does.</summary>
internal static class DeltaTokens
{
    public static string Encode(DeltaToken token) => Encode(token, DeltaTokenJsonContext.Default.DeltaToken);

    public static string Encode(SkipToken token) => Encode(token, DeltaTokenJsonContext.Default.SkipToken);

    public static DeltaToken? DecodeDelta(string token) => Decode(token, DeltaTokenJsonContext.Default.DeltaToken);

    public static SkipToken? DecodeSkip(string token) => Decode(token, DeltaTokenJsonContext.Default.SkipToken);

    private static string Encode<T>(T token, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(token, type));

    private static T? Decode<T>(string token, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(Base64Url.DecodeFromChars(token), type);
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return null;
        }
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(DeltaToken))]
[JsonSerializable(typeof(SkipToken))]
internal sealed partial class DeltaTokenJsonContext : JsonSerializerContext;
