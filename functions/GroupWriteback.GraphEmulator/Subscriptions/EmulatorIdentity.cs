namespace GroupWriteback.GraphEmulator.Subscriptions;

/// <summary>The application the emulator pretends every caller is (Graph reports the caller's app id on subscriptions).</summary>
internal static class EmulatorIdentity
{
    public const string ApplicationId = "00000000-0000-0000-0000-00000000e1a7";
}
