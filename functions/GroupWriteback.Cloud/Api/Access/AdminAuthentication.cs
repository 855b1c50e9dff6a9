using System.Text.Json.Serialization;

namespace GroupWriteback.Cloud.Api.Access;

/// <summary>How the caller of the admin API proved who it is.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AdminAuthentication>))]
public enum AdminAuthentication
{
    /// <summary>The host's key (a function key in Azure, the local host's admin key); the roles come from settings.</summary>
    [JsonStringEnumMemberName("key")]
    Key,

    /// <summary>An Entra ID access token; the roles are the app roles assigned to the user, group or application.</summary>
    [JsonStringEnumMemberName("entra")]
    Entra,
}
