#!/usr/bin/env bash
# Extends the running test DC's schema like Exchange PrepareSchema does for the attributes
# group writeback writes, and lets every group carry them (via the mailRecipient auxiliary
# class that group already has). Also adds msDS-ExternalDirectoryObjectId, which a Windows
# Server 2016 schema has on groups and Samba 4.17's does not. Idempotent: present attributes
# and mayContain values are skipped. Runs over LDAPS as the admin; needs
# `dsdb:schema update allowed = true`.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

SCHEMA_DN="CN=Schema,CN=Configuration,$DOMAIN_DN"
ldaps_answers || die "the DC does not answer LDAPS; run tests/dc/start.sh"

# cn | lDAPDisplayName | attributeID | attributeSyntax | oMSyntax | single | rangeUpper
# The IDs and syntaxes are Exchange's own, so code that probes the schema sees what it
# would see on a real Exchange-prepared forest.
ATTRIBUTES=(
  "ms-Exch-Mail-Nickname|mailNickname|1.2.840.113556.1.2.447|2.5.5.12|64|TRUE|64"
  "ms-Exch-Recipient-Display-Type|msExchRecipientDisplayType|1.2.840.113556.1.4.7000.102.50730|2.5.5.9|2|TRUE|"
  "ms-Exch-Recipient-Type-Details|msExchRecipientTypeDetails|1.2.840.113556.1.4.7000.102.50855|2.5.5.16|65|TRUE|"
  "ms-Exch-Hide-From-Address-Lists|msExchHideFromAddressLists|1.2.840.113556.1.4.7000.102.73|2.5.5.8|1|TRUE|"
  "ms-Exch-Require-Authentication|msExchRequireAuthToSendTo|1.2.840.113556.1.4.5062|2.5.5.8|1|TRUE|"
)
# Windows Server 2016's own definition (MS-ADA2 2.320); it goes on the group class itself.
GROUP_ATTRIBUTES=(
  "ms-DS-External-Directory-Object-Id|msDS-ExternalDirectoryObjectId|1.2.840.113556.1.4.2310|2.5.5.12|64|TRUE|256"
)

attribute_present() {
  ldaps_search -b "$SCHEMA_DN" -s one "(&(objectClass=attributeSchema)(lDAPDisplayName=$1))" dn \
    | grep -q '^dn:'
}

may_contain_of() {
  ldaps_search -b "CN=$1,$SCHEMA_DN" -s base '(objectClass=*)' mayContain \
    | sed -n 's/^mayContain: //p'
}

# Adds to class $1's mayContain every attribute of the specs that follow which it lacks; prints how many.
add_may_contain() {
  local class="$1" spec name present missing=()
  shift
  present="$(may_contain_of "$class")"
  for spec in "$@"; do
    IFS='|' read -r _ name _ <<<"$spec"
    grep -qxiF "$name" <<<"$present" || missing+=("$name")
  done
  if ((${#missing[@]} > 0)); then
    log "adding to $class mayContain: ${missing[*]}"
    {
      printf 'dn: CN=%s,%s\nchangetype: modify\nadd: mayContain\n' "$class" "$SCHEMA_DN"
      printf 'mayContain: %s\n' "${missing[@]}"
      printf -- '-\n'
    } | ldaps_modify >/dev/null
    schema_update_now
  fi
  echo "${#missing[@]}"
}

# New schema objects become usable only once the schema cache is reloaded; doing that
# between stages is what makes the whole extension work (one transaction for all fails).
schema_update_now() {
  ldaps_modify >/dev/null <<LDIF
dn:
changetype: modify
add: schemaUpdateNow
schemaUpdateNow: 1
-
LDIF
}

added=0
for spec in "${ATTRIBUTES[@]}" "${GROUP_ATTRIBUTES[@]}"; do
  IFS='|' read -r cn name oid syntax om single range <<<"$spec"
  if attribute_present "$name"; then
    continue
  fi
  log "adding attribute $name ($oid)"
  {
    printf 'dn: CN=%s,%s\nchangetype: add\nobjectClass: top\nobjectClass: attributeSchema\n' "$cn" "$SCHEMA_DN"
    printf 'cn: %s\nlDAPDisplayName: %s\nadminDisplayName: %s\n' "$cn" "$name" "$cn"
    printf 'attributeID: %s\nattributeSyntax: %s\noMSyntax: %s\nisSingleValued: %s\n' \
      "$oid" "$syntax" "$om" "$single"
    printf 'searchFlags: 0\n'
    [[ -n $range ]] && printf 'rangeUpper: %s\n' "$range"
    printf '\n'
  } | ldaps_modify >/dev/null
  added=$((added + 1))
done
((added == 0)) || schema_update_now

missing_may=$(($(add_may_contain Mail-Recipient "${ATTRIBUTES[@]}") + $(add_may_contain Group "${GROUP_ATTRIBUTES[@]}")))

if ((added == 0 && missing_may == 0)); then
  exit 0
fi

# Prove the extension is usable: a group takes the attributes and reads them back.
probe="CN=gw-schema-probe-$$,CN=Users,$DOMAIN_DN"
ldaps_modify >/dev/null <<LDIF
dn: $probe
changetype: add
objectClass: group
sAMAccountName: gw-schema-probe-$$
mailNickname: gw-schema-probe
msExchHideFromAddressLists: TRUE
msExchRequireAuthToSendTo: TRUE
msExchRecipientDisplayType: 1
msExchRecipientTypeDetails: 2199023255552
msDS-ExternalDirectoryObjectId: Group_00000000-0000-0000-0000-000000000000
LDIF
readback="$(ldaps_search -b "$probe" -s base '(objectClass=*)' msExchHideFromAddressLists msDS-ExternalDirectoryObjectId)"
ldaps_modify >/dev/null <<LDIF
dn: $probe
changetype: delete
LDIF
grep -q '^msExchHideFromAddressLists: TRUE' <<<"$readback" \
  || die "a group did not keep msExchHideFromAddressLists=TRUE after the schema extension"
grep -q '^msDS-ExternalDirectoryObjectId: Group_' <<<"$readback" \
  || die "a group did not keep msDS-ExternalDirectoryObjectId after the schema extension"
log "schema extended: ${added} attribute(s), group write verified"
