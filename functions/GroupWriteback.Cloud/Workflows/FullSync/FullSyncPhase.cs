using System.Text.Json.Serialization;

namespace GroupWriteback.Cloud.Workflows.FullSync;

/// <summary>Where a full sync or a disable run is.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FullSyncPhase>))]
public enum FullSyncPhase
{
    /// <summary>Listing the groups in scope.</summary>
    Listing,

    /// <summary>Running per-group snapshot passes.</summary>
    Syncing,

    /// <summary>Paused: the run would delete more groups than allowed, or always for disable.</summary>
    AwaitingApproval,

    /// <summary>Queuing deletes of written-back groups.</summary>
    Deleting,

    /// <summary>Finished.</summary>
    Completed,
}
