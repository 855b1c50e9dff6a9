namespace GroupWriteback.LocalHost.Tests.Bridge;

/// <summary>The bridge test classes run one after the other: each starts two processes against the one DC.</summary>
[CollectionDefinition(Name)]
public sealed class BridgeCollection
{
    public const string Name = "Local bridge";
}
