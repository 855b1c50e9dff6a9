using System.Text.Json.Nodes;
using GroupWriteback.GraphEmulator.Model;

namespace GroupWriteback.GraphEmulator.Http;

/// <summary>
/// Maps the bodies of <c>POST /users</c> and <c>PATCH /users/{id}</c>. Graph also requires accountEnabled,
/// mailNickname and passwordProfile on create; the emulator holds no credentials, so it needs only the two
/// properties below and ignores the rest.
/// </summary>
internal static class UserBodies
{
    public static UserDraft ToDraft(JsonObject body) =>
        new()
        {
            Id = RequestBody.String(body, "id"),
            DisplayName = Required(body, "displayName"),
            UserPrincipalName = Required(body, "userPrincipalName"),
            Mail = RequestBody.String(body, "mail"),
            OnPremisesSecurityIdentifier = RequestBody.String(body, "onPremisesSecurityIdentifier"),
            OnPremisesImmutableId = RequestBody.String(body, "onPremisesImmutableId"),
            OnPremisesSyncEnabled = RequestBody.Bool(body, "onPremisesSyncEnabled"),
        };

    public static UserUpdate ToUpdate(JsonObject body) =>
        new()
        {
            DisplayName = RequestBody.String(body, "displayName"),
            UserPrincipalName = RequestBody.String(body, "userPrincipalName"),
            Mail = RequestBody.String(body, "mail"),
            OnPremisesSecurityIdentifier = RequestBody.String(body, "onPremisesSecurityIdentifier"),
            OnPremisesImmutableId = RequestBody.String(body, "onPremisesImmutableId"),
            OnPremisesSyncEnabled = RequestBody.Bool(body, "onPremisesSyncEnabled"),
        };

    private static string Required(JsonObject body, string name) =>
        RequestBody.String(body, name) ?? throw new InvalidRequestException($"A value is required for property '{name}' of resource 'User'.");
}
