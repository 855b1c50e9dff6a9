using System.Text.Json.Serialization;

namespace GroupWriteback.Contracts;

/// <summary>
/// Enums travel by name only: a number (such as 7 for a scheme that does not exist) is refused,
/// so a message cannot carry a value the reader has no meaning for.
/// </summary>
internal sealed class StrictEnumConverter<TEnum> : JsonStringEnumConverter<TEnum>
    where TEnum : struct, Enum
{
    public StrictEnumConverter()
        : base(namingPolicy: null, allowIntegerValues: false)
    {
    }
}
