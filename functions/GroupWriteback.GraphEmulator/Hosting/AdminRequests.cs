using System.Text.Json.Serialization;
using GroupWriteback.GraphEmulator.Requests;
using GroupWriteback.GraphEmulator.Subscriptions;

namespace GroupWriteback.GraphEmulator.Hosting;

/// <summary>Body of <c>POST /emulator/faults</c>.</summary>
internal sealed record FaultRequest(string Path, int StatusCode = 429, int RetryAfterSeconds = 1, int Count = 1);

/// <summary>Body of <c>POST /emulator/latency</c>: how long every Graph request waits before it is answered.</summary>
internal sealed record LatencyRequest(int Milliseconds);

/// <summary>Body of <c>POST /emulator/subscriptions/{id}/lifecycle</c>.</summary>
internal sealed record LifecycleRequest(string LifecycleEvent);

/// <summary>Answer of <c>POST /emulator/subscriptions/{id}/lifecycle</c>: the subscriber's status, null when it did not answer.</summary>
internal sealed record LifecycleResult(int? StatusCode);

/// <summary>Body of <c>POST /emulator/groups/{id}/members</c>: members to add and to remove, in one change.</summary>
internal sealed record MembersChangeRequest(IReadOnlyList<string>? Add, IReadOnlyList<string>? Remove);

/// <summary>Answer of <c>POST /emulator/groups/{id}/members</c>: how many were actually added and removed.</summary>
internal sealed record MembersChangeResult(int Added, int Removed);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true, WriteIndented = true)]
[JsonSerializable(typeof(FaultRequest))]
[JsonSerializable(typeof(LatencyRequest))]
[JsonSerializable(typeof(LifecycleRequest))]
[JsonSerializable(typeof(LifecycleResult))]
[JsonSerializable(typeof(MembersChangeRequest))]
[JsonSerializable(typeof(MembersChangeResult))]
[JsonSerializable(typeof(IReadOnlyList<RecordedRequest>))]
[JsonSerializable(typeof(IReadOnlyList<NotificationDelivery>))]
internal sealed partial class AdminJsonContext : JsonSerializerContext;
