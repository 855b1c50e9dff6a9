namespace GroupWriteback.GraphEmulator.Model;

/// <summary>
/// Device mutations. Devices join and leave groups as users do (device groups churn all day) and appear in
/// <c>members@delta</c> as <c>#microsoft.graph.device</c>; they have no on-premises counterpart in a group.
/// </summary>
public sealed partial class EmulatedTenant
{
    public string AddDevice(string displayName, string? id = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(displayName);
        var device = new EmulatedDevice { Id = id ?? Guid.NewGuid().ToString(), DisplayName = displayName };
        Mutate(_ =>
        {
            EnsureIdIsFree(device.Id);
            _devices.Add(device.Id, device);
        });
        return device.Id;
    }
}
