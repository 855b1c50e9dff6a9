#!/usr/bin/env bash
# Runs create-admin-app.sh against a stand-in `az` that answers from a fixed directory and records
# every request body, then checks what the script would have written to Microsoft Graph: the three
# app roles (an existing role's id kept, an unrelated role left alone), the App ID URI, v2 tokens,
# the scope and the Azure CLI pre-authorized for it, assignment required, and one assignment per
# --user/--group/--app option (an existing one skipped), and the console's address added to the SPA
# redirect URIs already registered (--console-url). No Azure access is needed.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin" "$work/bodies"

cat > "$work/bin/az" <<'STUB'
#!/usr/bin/env bash
args="$*"
prev=""
for arg in "$@"; do
  if [[ "$prev" == "--body" ]]; then
    n=$(ls "$STUB_DIR/bodies" | wc -l)
    printf '%s' "$arg" > "$STUB_DIR/bodies/$(printf '%02d' "$n")-$(tr -c 'a-zA-Z' '_' <<< "${args:0:40}")"
  fi
  prev="$arg"
done
case "$args" in
  "ad app list"*) echo "" ;;
  "ad app create"*) echo "app-123" ;;
  "ad app show --id app-123 --query id "*) echo "obj-1" ;;
  "ad app show --id app-123 --query appRoles "*)
    echo '[{"id":"kept-read-id","value":"Writeback.Read"},{"id":"other-id","value":"Reports.View"}]' ;;
  "ad app show --id app-123 --query api.oauth2PermissionScopes"*) echo "" ;;
  "ad app show --id app-123 --query spa.redirectUris "*) echo '["https://old.example.net/api/console/"]' ;;
  "ad sp list"*) echo "" ;;
  "ad sp create"*) echo "sp-1" ;;
  "ad user show --id alice@corp.example "*) echo "user-alice" ;;
  "ad group show --group Writeback admins "*) echo "group-admins" ;;
  "ad sp show --id automation-client "*) echo "sp-automation" ;;
  "rest --method GET"*)
    # The group already holds Writeback.Read.
    if [[ "$args" == *"group-admins"*"kept-read-id"* ]]; then echo 1; else echo 0; fi ;;
  *) ;;
esac
STUB
chmod +x "$work/bin/az"

fail() { echo "create-admin-app.sh: $*" >&2; exit 1; }

STUB_DIR="$work" PATH="$work/bin:$PATH" "$here/create-admin-app.sh" \
  --user alice@corp.example=Writeback.Approve \
  --group "Writeback admins=Writeback.Read" \
  --group "Writeback admins=Writeback.Operate" \
  --app automation-client=Writeback.Operate \
  --console-url https://func-gw-test.azurewebsites.net/api/console > "$work/out.txt"

application="$(ls "$work"/bodies/* | sed -n 2p)"
jq -e '[.appRoles[] | select(.value | startswith("Writeback.")) | .value] == ["Writeback.Read","Writeback.Operate","Writeback.Approve"]' "$application" > /dev/null \
  || fail "the three app roles are not written in order"
jq -e '.appRoles[] | select(.value == "Writeback.Read") | .id == "kept-read-id"' "$application" > /dev/null \
  || fail "an existing role's id was not kept"
jq -e 'any(.appRoles[]; .value == "Reports.View" and .id == "other-id")' "$application" > /dev/null \
  || fail "an unrelated app role was dropped"
jq -e 'all(.appRoles[] | select(.value | startswith("Writeback.")); .allowedMemberTypes == ["User","Application"] and .isEnabled)' "$application" > /dev/null \
  || fail "roles are not assignable to users, groups and applications"
jq -e '.identifierUris == ["api://app-123"] and .api.requestedAccessTokenVersion == 2' "$application" > /dev/null \
  || fail "App ID URI or v2 tokens missing"
jq -e '.api.oauth2PermissionScopes[0].value == "Writeback.Access"
  and .api.preAuthorizedApplications[0].appId == "04b07795-8ddb-461a-bbee-02f9e1bf7b46"
  and .api.preAuthorizedApplications[0].delegatedPermissionIds == [.api.oauth2PermissionScopes[0].id]' "$application" > /dev/null \
  || fail "the scope or the Azure CLI's pre-authorization is missing"
jq -e '.spa.redirectUris == ["https://func-gw-test.azurewebsites.net/api/console/","https://old.example.net/api/console/"]' "$application" > /dev/null \
  || fail "the console's address is not a SPA redirect URI beside the one registered before"
jq -e '.api.preAuthorizedApplications == null' "$(ls "$work"/bodies/* | sed -n 1p)" > /dev/null \
  || fail "the scope must be written before an application is pre-authorized for it"
jq -e '.appRoleAssignmentRequired == true' "$(ls "$work"/bodies/* | sed -n 3p)" > /dev/null \
  || fail "assignment required is not set"

approve_id="$(jq -r '.appRoles[] | select(.value == "Writeback.Approve") | .id' "$application")"
operate_id="$(jq -r '.appRoles[] | select(.value == "Writeback.Operate") | .id' "$application")"
assignments="$(ls "$work"/bodies/* | tail -n +4 | xargs -I{} jq -c '[.principalId, .resourceId, .appRoleId]' {})"
expected="$(printf '%s\n' "[\"user-alice\",\"sp-1\",\"$approve_id\"]" "[\"group-admins\",\"sp-1\",\"$operate_id\"]" "[\"sp-automation\",\"sp-1\",\"$operate_id\"]")"
[[ "$assignments" == "$expected" ]] || fail "assignments were $assignments, expected $expected"
grep -q "group Writeback admins already holds Writeback.Read." "$work/out.txt" || fail "an existing assignment was not skipped"
grep -q "azd env set ADMIN_API_CLIENT_ID app-123" "$work/out.txt" || fail "the next step is not printed"
grep -q "Console redirect URIs (SPA): https://func-gw-test.azurewebsites.net/api/console/ https://old.example.net/api/console/." "$work/out.txt" || fail "the redirect URIs are not printed"

if STUB_DIR="$work" PATH="$work/bin:$PATH" "$here/create-admin-app.sh" --console-url http://console.example.net/ > /dev/null 2>&1; then
  fail "a plain http console address away from localhost was accepted"
fi
rm -f "$work"/bodies/*
STUB_DIR="$work" PATH="$work/bin:$PATH" "$here/create-admin-app.sh" > /dev/null
jq -e 'has("spa") | not' "$(ls "$work"/bodies/* | sed -n 2p)" > /dev/null \
  || fail "without --console-url the SPA redirect URIs must be left as they are"

if STUB_DIR="$work" PATH="$work/bin:$PATH" "$here/create-admin-app.sh" --user alice@corp.example=Writeback.Admin > /dev/null 2>&1; then
  fail "an unknown role was accepted"
fi
echo "create-admin-app.sh writes the registration, its roles and the assignments as expected."
