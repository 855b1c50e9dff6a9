using System.Text.Json;
using System.Text.Json.Serialization;
using GroupWriteback.Contracts.Commands;
using GroupWriteback.Contracts.Results;

namespace GroupWriteback.Contracts;

/// <summary>Source-generated serializer for everything that crosses the queue.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowOutOfOrderMetadataProperties = true,
    RespectRequiredConstructorParameters = true,
    Converters =
    [
        typeof(StrictEnumConverter<CloudGroupKind>),
        typeof(StrictEnumConverter<OnPremisesGroupType>),
        typeof(StrictEnumConverter<NamingScheme>),
        typeof(StrictEnumConverter<GrantScope>),
        typeof(StrictEnumConverter<ResultOutcome>),
        typeof(StrictEnumConverter<FailureReason>),
    ])]
[JsonSerializable(typeof(WritebackCommand))]
[JsonSerializable(typeof(IReadOnlyList<WritebackCommand>))]
[JsonSerializable(typeof(WritebackResult))]
[JsonSerializable(typeof(IReadOnlyList<WritebackResult>))]
public sealed partial class WireJsonContext : JsonSerializerContext;
