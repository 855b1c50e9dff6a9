using System.Text.Json.Nodes;

namespace GroupWriteback.GraphEmulator.Delta;

/// <summary>
/// One computed delta round: its entries in page order and the change-log position its deltaLink continues
/// from. Rounds longer than a page are kept in <see cref="DeltaRoundStore"/> while the client pages through.
/// </summary>
internal sealed record DeltaRound(int Generation, IReadOnlyList<JsonObject> Entries, long EndSequence, string? Select, DateTimeOffset IssuedAt)
{
    public string Id { get; } = Guid.NewGuid().ToString("N");
}
