using System.Text.Json.Serialization;
using GroupWriteback.Cloud.Api.Access;

namespace GroupWriteback.Cloud.Api;

/// <summary>Source-generated JSON of the admin API: camelCase, enums as strings, nulls left out.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ErrorBody))]
[JsonSerializable(typeof(AcceptedOperation))]
[JsonSerializable(typeof(HealthReport))]
[JsonSerializable(typeof(StatusReport))]
[JsonSerializable(typeof(GroupReport))]
[JsonSerializable(typeof(GroupPlanReport))]
[JsonSerializable(typeof(TenantPlanReport))]
[JsonSerializable(typeof(TenantPlanRequest))]
[JsonSerializable(typeof(ApprovalList))]
[JsonSerializable(typeof(ApprovalRequest))]
[JsonSerializable(typeof(GrantBody))]
[JsonSerializable(typeof(MeReport))]
[JsonSerializable(typeof(SignInReport))]
[JsonSerializable(typeof(AuditList))]
[JsonSerializable(typeof(GroupList))]
[JsonSerializable(typeof(DeadLetterList))]
[JsonSerializable(typeof(DeadLetterAction))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
