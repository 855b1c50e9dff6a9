#!/usr/bin/env bash
# Grants the Function App's managed identity the Microsoft Graph application permissions it
# needs. Managed identities have no "API permissions" blade, so the grant is an app role
# assignment on the identity's service principal. Run once per tenant, signed in with
# `az login` as a Privileged Role Administrator (or Global Administrator).
#
#   infra/scripts/grant-graph-permissions.sh [principal-id]
#
# The principal id defaults to azd's API_IDENTITY_PRINCIPAL_ID output.
set -euo pipefail

principal_id="${1:-$(azd env get-value API_IDENTITY_PRINCIPAL_ID)}"
graph_app_id="00000003-0000-0000-c000-000000000000"
# Group.Read.All: groups/delta with members, group properties, subscriptions on /groups.
# User.Read.All: members' onPremisesSecurityIdentifier and on-premises anchors.
permissions=(Group.Read.All User.Read.All)

graph_sp_id="$(az ad sp show --id "$graph_app_id" --query id --output tsv)"
assigned="$(az rest --method GET \
  --uri "https://graph.microsoft.com/v1.0/servicePrincipals/$principal_id/appRoleAssignments" \
  --query "value[].appRoleId" --output tsv)"

for permission in "${permissions[@]}"; do
  role_id="$(az ad sp show --id "$graph_app_id" \
    --query "appRoles[?value=='$permission' && contains(allowedMemberTypes, 'Application')].id | [0]" \
    --output tsv)"
  if [[ -z "$role_id" ]]; then
    echo "Microsoft Graph has no application permission named $permission." >&2
    exit 1
  fi
  if grep -qx "$role_id" <<< "$assigned"; then
    echo "$permission already granted to $principal_id."
    continue
  fi
  az rest --method POST \
    --uri "https://graph.microsoft.com/v1.0/servicePrincipals/$principal_id/appRoleAssignments" \
    --headers "Content-Type=application/json" \
    --body "{\"principalId\":\"$principal_id\",\"resourceId\":\"$graph_sp_id\",\"appRoleId\":\"$role_id\"}" \
    --output none
  echo "Granted $permission to $principal_id."
done
