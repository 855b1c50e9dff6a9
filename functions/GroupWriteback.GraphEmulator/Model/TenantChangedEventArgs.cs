namespace GroupWriteback.GraphEmulator.Model;

/// <summary>Raised after a change has been committed to the tenant.</summary>
public sealed class TenantChangedEventArgs(TenantChange change) : EventArgs
{
    public TenantChange Change { get; } = change;
}
