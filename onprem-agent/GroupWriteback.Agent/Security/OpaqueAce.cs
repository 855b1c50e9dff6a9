namespace GroupWriteback.Agent.Security;

/// <summary>An ACE the codec does not interpret (deny, audit, callback, label, …), kept byte for byte.</summary>
internal sealed record OpaqueAce : Ace
{
    private readonly byte[] _bytes;

    /// <summary>Keeps a whole ACE, header included.</summary>
    public OpaqueAce(ReadOnlySpan<byte> bytes)
        : base((AceType)bytes[0], (AceFlags)bytes[1]) => _bytes = bytes.ToArray();

    /// <summary>The ACE as read.</summary>
    public ReadOnlyMemory<byte> Bytes => _bytes;

    /// <inheritdoc />
    public override int BinaryLength => _bytes.Length;

    /// <inheritdoc />
    public override void WriteTo(Span<byte> destination) => _bytes.CopyTo(destination);

    /// <inheritdoc />
    public bool Equals(OpaqueAce? other) => other is not null && _bytes.AsSpan().SequenceEqual(other._bytes);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(_bytes);
        return hash.ToHashCode();
    }
}
