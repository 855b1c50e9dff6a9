#!/usr/bin/env bash
# End-to-end check of the Linux install against the test domain controller (tests/dc), as root:
# installs the published agent with install.sh under its own system user and a Kerberos keytab, then runs
# `apply` as that user with the unit's Environment= lines and reads the written group back over LDAPS.
# It creates an OU and an account on the DC and removes both, and uninstalls (--purge) at the end.
#   onprem-agent/install/smoke-test.sh [published linux-x64 agent]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
binary="${1:-$repo/artifacts/agent/linux-x64/groupwriteback-agent}"
state="${GW_TESTDC_STATE:-$repo/.state/testdc}"
# shellcheck disable=SC1091
source "$state/connection.env"
smb_conf="$state/dc/etc/smb.conf"
export KRB5_CONFIG="$state/krb5.conf"
suffix="$(date +%s)-$$"
ou="OU=gw-install-$suffix,$GW_TESTDC_DOMAIN_DN"
account="gwinst${suffix//-/}"
account="${account:0:20}"
work="$(mktemp -d)"
group_id="$(cat /proc/sys/kernel/random/uuid)"

ldaps() { LDAPTLS_CACERT="$GW_TESTDC_CA_FILE" "$@" -H "ldaps://localhost:$GW_TESTDC_LDAPS_PORT" -x -D "$GW_TESTDC_ADMIN_DN" -w "$GW_TESTDC_ADMIN_PASSWORD"; }

cleanup() {
  "$here/install.sh" --uninstall --purge >/dev/null 2>&1 || true
  ldaps ldapdelete -r "$ou" >/dev/null 2>&1 || true
  samba-tool user delete "$account" -H "$state/dc/private/sam.ldb" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "== account $account and OU $ou on the test DC"
ldaps ldapadd >/dev/null <<LDIF
dn: $ou
objectClass: organizationalUnit
LDIF
samba-tool user create "$account" "Sm0ke-$(cat /proc/sys/kernel/random/uuid)" -H "$state/dc/private/sam.ldb" \
  --userou="${ou%%,DC=*}" >/dev/null
samba-tool domain exportkeytab "$work/agent.keytab" --principal="$account@$GW_TESTDC_REALM" -s "$smb_conf" >/dev/null
account_dn="CN=$account,$ou"

# Directory settings the unit's service uses: Negotiate (Kerberos from the keytab), no password anywhere.
cat > "$work/appsettings.json" <<JSON
{
  "Directory": {
    "Server": "localhost",
    "Port": $GW_TESTDC_LDAPS_PORT,
    "AuthType": "Negotiate",
    "TrustedCertificatesDirectory": "$GW_TESTDC_TRUSTED_DIR",
    "TargetOus": [ "$ou" ]
  },
  "Agent": { "AgentId": "install-smoke" }
}
JSON
cat > "$work/admin.json" <<JSON
{ "Directory": { "Server": "localhost", "Port": $GW_TESTDC_LDAPS_PORT, "AuthType": "Basic",
  "BindUser": "$GW_TESTDC_ADMIN_DN", "BindPassword": "$GW_TESTDC_ADMIN_PASSWORD",
  "TrustedCertificatesDirectory": "$GW_TESTDC_TRUSTED_DIR", "TargetOus": [ "$ou" ] } }
JSON

echo "== grant (as the administrator)"
"$binary" grant --account "$account_dn" --ou "$ou" --settings "$work/admin.json" 2>/dev/null

echo "== install.sh (check runs as the service user)"
"$here/install.sh" --binary "$binary" --settings "$work/appsettings.json" --keytab "$work/agent.keytab" --no-start 2> "$work/install.err"

echo "== apply as groupwriteback with the unit's environment"
cat > "$work/commands.json" <<JSON
[ { "kind": "upsertGroup", "version": 1, "commandId": "smoke-$group_id", "groupId": "$group_id",
    "cloudKind": "Security", "groupType": "UniversalSecurityGroup", "naming": "DisplayNameAndObjectId",
    "targetOu": "$ou", "issuedAt": "$(date -u +%Y-%m-%dT%H:%M:%S+00:00)",
    "attributes": { "displayName": "Installed Agent Smoke", "description": "written by the installed agent" } } ]
JSON
install -m 0644 "$work/commands.json" /var/lib/groupwriteback/commands.json
mapfile -t unit_env < <(sed -n 's/^Environment=//p' /etc/systemd/system/groupwriteback-agent.service)
exec_start="$(sed -n 's/^ExecStart=//p' /etc/systemd/system/groupwriteback-agent.service)"
read -r -a exec_words <<< "$exec_start"
(cd /var/lib/groupwriteback && runuser -u groupwriteback -- env "${unit_env[@]}" \
  "${exec_words[0]}" apply --file /var/lib/groupwriteback/commands.json "${exec_words[@]:2}") | tee "$work/results.json"
grep -Eq '"succeeded": *true' "$work/results.json"

echo "== read back"
ldaps ldapsearch -LLL -b "$ou" "(adminDescription=Group_$group_id)" displayName description | tee "$work/read.ldif"
grep -q '^displayName: Installed Agent Smoke$' "$work/read.ldif"
echo "Smoke test passed: the installed agent wrote the group as groupwriteback with a keytab."
