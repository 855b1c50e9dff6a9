using GroupWriteback.GraphEmulator.Querying;

namespace GroupWriteback.GraphEmulator.Http;

/// <summary>
/// The service roots the emulator serves. Both expose the same resources, except that
/// <c>writebackConfiguration</c> exists on groups only in <c>beta</c>: v1.0 rejects it as Graph does.
/// </summary>
internal static class GraphVersion
{
    public const string V1 = "v1.0";
    public const string Beta = "beta";
    public const string WritebackConfiguration = "writebackConfiguration";

    public static IReadOnlyList<string> All { get; } = [V1, Beta];

    public static string Of(HttpRequest request) =>
        request.Path.StartsWithSegments("/" + Beta, StringComparison.OrdinalIgnoreCase) ? Beta : V1;

    public static bool HasWritebackConfiguration(HttpRequest request) => Of(request) == Beta;

    /// <summary>Throws the 400 Graph answers when a group property of another version is selected.</summary>
    public static void EnsureGroupSelectable(HttpRequest request, PropertySelection select)
    {
        if (!HasWritebackConfiguration(request) && select.Names.Contains(WritebackConfiguration, StringComparer.OrdinalIgnoreCase))
        {
            throw new InvalidRequestException(
                $"Parsing OData Select and Expand failed: Could not find a property named '{WritebackConfiguration}' on type 'microsoft.graph.group'.");
        }
    }
}
