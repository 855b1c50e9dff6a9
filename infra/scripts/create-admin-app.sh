#!/usr/bin/env bash
# Creates (or updates) the app registration the admin API's Entra ID sign-in is checked against:
# the three app roles, the App ID URI api://<client id>, v2 access tokens, a delegated scope for
# people signing in, the Azure CLI pre-authorized (so `az account get-access-token` works for a
# quick test), and a service principal that issues tokens only to assigned users, groups and
# applications. Then assigns roles. Run signed in with `az login` as an Application
# Administrator (or Cloud Application Administrator); assigning needs the same role.
#
#   infra/scripts/create-admin-app.sh [--name NAME] [--user UPN=ROLE]... [--group NAME_OR_ID=ROLE]...
#                                     [--app CLIENT_ID=ROLE]... [--console-url URL]...
#
#   --console-url registers the admin console's address (https://<app>.azurewebsites.net/api/console/) as a
#   single-page-application redirect URI, so people sign in to the console with Entra ID (authorization
#   code with PKCE); URIs already registered are kept. ROLE is Writeback.Read, Writeback.Operate or Writeback.Approve; repeat an option for
#   several roles. Example:
#
#   infra/scripts/create-admin-app.sh --group "Writeback admins=Writeback.Read" \
#       --group "Writeback admins=Writeback.Operate" --user alice@corp.example=Writeback.Approve
#
# It prints the client id; `azd env set ADMIN_API_CLIENT_ID <client id>` and `azd provision`
# then write AdminAuth__Entra__TenantId and AdminAuth__Entra__ClientId to the Function App.
# Re-running it is safe: the registration is found by name, existing roles and assignments kept.
set -euo pipefail

name="GroupWriteback admin API"
assignments=()
console_urls=()
while (($#)); do
  case "$1" in
    --name) name="$2"; shift 2 ;;
    --user|--group|--app) assignments+=("${1#--}:$2"); shift 2 ;;
    --console-url)
      # The console sends its own address, always ending in a slash, as the redirect URI.
      url="${2%/}/"
      if [[ ! "$url" =~ ^https://[^/]+/ && ! "$url" =~ ^http://(localhost|127\.0\.0\.1)(:[0-9]+)?/ ]]; then
        echo "--console-url must be an https address (or http://localhost): $2" >&2; exit 2
      fi
      console_urls+=("$url"); shift 2 ;;
    -h|--help) sed -n '2,25p' "$0"; exit 0 ;;
    *) echo "Unknown argument $1 (see --help)." >&2; exit 2 ;;
  esac
done

graph="https://graph.microsoft.com/v1.0"
azure_cli_client_id="04b07795-8ddb-461a-bbee-02f9e1bf7b46"
roles=(Writeback.Read Writeback.Operate Writeback.Approve)
declare -A descriptions=(
  [Writeback.Read]="See writeback status, groups, plans and pending approvals."
  [Writeback.Operate]="Start a full sync or one group, disable or enable writeback, grant the agent's permissions."
  [Writeback.Approve]="Approve or reject the deletes a paused run waits on."
)

new_id() { cat /proc/sys/kernel/random/uuid; }

# 1. The registration, found by display name or created (single tenant).
app_id="$(az ad app list --display-name "$name" --query "[0].appId" --output tsv)"
if [[ -z "$app_id" ]]; then
  app_id="$(az ad app create --display-name "$name" --sign-in-audience AzureADMyOrg --query appId --output tsv)"
  echo "Created app registration $name ($app_id)."
else
  echo "Found app registration $name ($app_id)."
fi
object_id="$(az ad app show --id "$app_id" --query id --output tsv)"

# 2. App roles: keep the ids of roles that exist (assignments refer to them), add the missing ones.
existing="$(az ad app show --id "$app_id" --query "appRoles" --output json)"
role_json=""
for role in "${roles[@]}"; do
  id="$(jq -r --arg v "$role" '.[] | select(.value == $v) | .id' <<< "$existing")"
  id="${id:-$(new_id)}"
  entry="$(jq -n --arg id "$id" --arg v "$role" --arg d "${descriptions[$role]}" \
    '{id: $id, value: $v, displayName: $v, description: $d, isEnabled: true, allowedMemberTypes: ["User", "Application"]}')"
  role_json="${role_json:+$role_json,}$entry"
done
others="$(jq -c '[.[] | select(.value | IN("Writeback.Read", "Writeback.Operate", "Writeback.Approve") | not)]' <<< "$existing")"
app_roles="$(jq -c --argjson others "$others" '. + $others' <<< "[$role_json]")"

# 3. The API: App ID URI, v2 tokens (issuer https://login.microsoftonline.com/<tenant>/v2.0, audience the client id),
#    one delegated scope a signed-in person's client asks for, and the Azure CLI pre-authorized for it.
scope_id="$(az ad app show --id "$app_id" --query "api.oauth2PermissionScopes[?value=='Writeback.Access'].id | [0]" --output tsv)"
scope_id="${scope_id:-$(new_id)}"
body="$(jq -n --argjson roles "$app_roles" --arg uri "api://$app_id" --arg scope "$scope_id" --arg cli "$azure_cli_client_id" '{
  identifierUris: [$uri],
  appRoles: $roles,
  api: {
    requestedAccessTokenVersion: 2,
    oauth2PermissionScopes: [{
      id: $scope, value: "Writeback.Access", type: "User", isEnabled: true,
      adminConsentDisplayName: "Use the GroupWriteback admin API",
      adminConsentDescription: "Call the GroupWriteback admin API as the signed-in user; what the user may do is set by the app roles assigned to them.",
      userConsentDisplayName: "Use the GroupWriteback admin API",
      userConsentDescription: "Call the GroupWriteback admin API as you."
    }],
    preAuthorizedApplications: [{appId: $cli, delegatedPermissionIds: [$scope]}]
  }
}')"
# The console's redirect URIs: those registered already, and the new ones.
if ((${#console_urls[@]})); then
  registered="$(az ad app show --id "$app_id" --query "spa.redirectUris" --output json)"
  spa_uris="$(jq -c --args '(. // []) + $ARGS.positional | unique' "${console_urls[@]}" <<< "${registered:-[]}")"
  body="$(jq -c --argjson uris "$spa_uris" '. + {spa: {redirectUris: $uris}}' <<< "$body")"
fi
# A scope must exist before an application can be pre-authorized for it: write the scope first.
az rest --method PATCH --uri "$graph/applications/$object_id" --headers "Content-Type=application/json" \
  --body "$(jq -c 'del(.api.preAuthorizedApplications)' <<< "$body")" --output none
az rest --method PATCH --uri "$graph/applications/$object_id" --headers "Content-Type=application/json" \
  --body "$body" --output none
echo "App roles ${roles[*]}, scope api://$app_id/Writeback.Access, v2 tokens."
if ((${#console_urls[@]})); then
  echo "Console redirect URIs (SPA): $(jq -r 'join(" ")' <<< "$spa_uris")."
fi

# 4. The service principal; only assigned principals get tokens for the API.
sp_id="$(az ad sp list --filter "appId eq '$app_id'" --query "[0].id" --output tsv)"
if [[ -z "$sp_id" ]]; then
  sp_id="$(az ad sp create --id "$app_id" --query id --output tsv)"
fi
az rest --method PATCH --uri "$graph/servicePrincipals/$sp_id" --headers "Content-Type=application/json" \
  --body '{"appRoleAssignmentRequired": true}' --output none

# 5. Assignments.
for assignment in "${assignments[@]}"; do
  kind="${assignment%%:*}"
  rest="${assignment#*:}"
  who="${rest%=*}"
  role="${rest##*=}"
  role_id="$(jq -r --arg v "$role" '.[] | select(.value == $v) | .id' <<< "$app_roles")"
  if [[ -z "$role_id" ]]; then
    echo "No app role $role; the roles are ${roles[*]}." >&2
    exit 1
  fi
  case "$kind" in
    user) principal_id="$(az ad user show --id "$who" --query id --output tsv)" ;;
    group) principal_id="$(az ad group show --group "$who" --query id --output tsv)" ;;
    app) principal_id="$(az ad sp show --id "$who" --query id --output tsv)" ;;
  esac
  assigned="$(az rest --method GET --uri "$graph/servicePrincipals/$sp_id/appRoleAssignedTo" \
    --query "value[?principalId=='$principal_id' && appRoleId=='$role_id'] | length(@)" --output tsv)"
  if [[ "$assigned" != "0" ]]; then
    echo "$kind $who already holds $role."
    continue
  fi
  az rest --method POST --uri "$graph/servicePrincipals/$sp_id/appRoleAssignedTo" \
    --headers "Content-Type=application/json" \
    --body "{\"principalId\":\"$principal_id\",\"resourceId\":\"$sp_id\",\"appRoleId\":\"$role_id\"}" --output none
  echo "Assigned $role to $kind $who."
done

cat <<DONE

Client id: $app_id
Next:
  azd env set ADMIN_API_CLIENT_ID $app_id
  azd provision
Try it (as an assigned user, after az login):
  token=\$(az account get-access-token --scope api://$app_id/Writeback.Access --query accessToken --output tsv)
  curl -H "Authorization: Bearer \$token" https://<app>.azurewebsites.net/api/me
DONE
