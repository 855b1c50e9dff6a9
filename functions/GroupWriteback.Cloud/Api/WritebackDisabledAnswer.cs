using GroupWriteback.Cloud.Workflows;
using GroupWriteback.Cloud.Workflows.Switch;

namespace GroupWriteback.Cloud.Api;

/// <summary>The 409 an endpoint that would write answers while the <see cref="WritebackSwitch"/> is off.</summary>
internal static class WritebackDisabledAnswer
{
    /// <summary>Says since when, by which run, and how to enable writeback again.</summary>
    public static ApiResponse For(WritebackSwitch current, string refused)
    {
        ArgumentNullException.ThrowIfNull(current);
        var since = current.DisabledAt is { } at ? $" since {at:u}" : string.Empty;
        var by = current.DisabledByRun is { } run ? $" by {run}" : string.Empty;
        return ApiResponse.Error(
            409,
            ErrorCodes.WritebackDisabled,
            $"Writeback is disabled{since}{by}, so {refused} was not started. POST /api/writeback/enable turns writeback back on and starts a full sync.",
            InstanceIds.WritebackSwitch);
    }
}
