namespace GroupWriteback.GraphEmulator.Model;

/// <summary>Values of Graph's <c>groupTypes</c> collection.</summary>
internal static class GroupTypeNames
{
    /// <summary>Marks a Microsoft 365 group.</summary>
    public const string Unified = "Unified";
}
