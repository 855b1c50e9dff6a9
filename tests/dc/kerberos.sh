#!/usr/bin/env bash
# Lets clients bind to the running test DC with Kerberos over LDAPS as they bind to Active Directory:
# an SPN for the name they connect to (ldap/localhost, the name in the DC's certificate) and a
# krb5.conf under the state folder that points at the DC's KDC on loopback. Idempotent.
# (smb.conf's "ldap server require strong auth = allow_sasl_over_tls" is set by provision.sh and
# start.sh: like AD, the DC then takes a Kerberos bind inside TLS without signing or sealing.)
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

require_root "kerberos.sh"
DC_ACCOUNT_DN="CN=${HOST_NAME^^},OU=Domain Controllers,$DOMAIN_DN"

if ! ldaps_search -b "$DC_ACCOUNT_DN" -s base "(servicePrincipalName=ldap/localhost)" dn | grep -q '^dn:'; then
  ldaps_modify >/dev/null <<LDIF
dn: $DC_ACCOUNT_DN
changetype: modify
add: servicePrincipalName
servicePrincipalName: ldap/localhost
LDIF
  log "SPN ldap/localhost added to $DC_ACCOUNT_DN"
fi

cat >"$KRB5_CONF" <<CONF
[libdefaults]
    default_realm = $REALM
    dns_lookup_kdc = false
    dns_lookup_realm = false
    dns_canonicalize_hostname = false
    rdns = false
[realms]
    $REALM = {
        kdc = $SERVER
    }
[domain_realm]
    localhost = $REALM
    .${REALM,,} = $REALM
CONF
