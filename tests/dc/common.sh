#!/usr/bin/env bash
# Shared settings of the test domain controller scripts. Sourced, not run.
# shellcheck disable=SC2034 # the variables are used by the scripts that source this file
# Every value can be overridden from the environment so a second checkout can keep its
# state elsewhere (the ports are fixed, so only one DC runs per machine).

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
STATE="${GW_TESTDC_STATE:-$REPO/.state/testdc}"

REALM="CORP.TEST"
DOMAIN="CORP"
DOMAIN_DN="DC=corp,DC=test"
HOST_NAME="dc1"
DC_FQDN="dc1.corp.test"
ADMIN_PASSWORD="${GW_TESTDC_ADMIN_PASSWORD:-Passw0rd!Test}"
ADMIN_DN="CN=Administrator,CN=Users,$DOMAIN_DN"
ADMIN_UPN="Administrator@corp.test"
SERVER="127.0.0.1"
LDAP_PORT=389
LDAPS_PORT=636

DC_DIR="$STATE/dc"
SMB_CONF="$DC_DIR/etc/smb.conf"
SAM_LDB="$DC_DIR/private/sam.ldb"
TLS_DIR="$STATE/tls"
TRUSTED_DIR="$TLS_DIR/trusted"
CA_CERT="$TLS_DIR/ca.crt"
LOG_DIR="$STATE/log"
PID_FILE="$STATE/samba.pid"
LOCK_FILE="$STATE/.lock"
CONNECTION_ENV="$STATE/connection.env"
CONNECTION_JSON="$STATE/connection.json"
KRB5_CONF="$STATE/krb5.conf"
SASL_OVER_TLS="ldap server require strong auth = allow_sasl_over_tls"

REQUIRED_PACKAGES=(samba samba-ad-dc samba-ad-provision winbind krb5-user ldap-utils ldb-tools
  libsasl2-modules-gssapi-mit openssl)

log() { printf '[testdc] %s\n' "$*" >&2; }
die() { printf '[testdc] error: %s\n' "$*" >&2; exit 1; }

require_root() {
  [[ $(id -u) -eq 0 ]] || die "$1 needs root (the DC binds the privileged ports 389/636/88)."
}

require_samba() {
  local tool
  for tool in samba samba-tool ldapsearch ldapmodify; do
    command -v "$tool" >/dev/null 2>&1 \
      || die "$tool is not installed; run tests/dc/install.sh as root first."
  done
}

# An authenticated LDAPS search: proves TLS, the certificate chain and the admin bind at once.
ldaps_answers() {
  LDAPTLS_CACERT="$CA_CERT" LDAPTLS_REQCERT=demand timeout 10 \
    ldapsearch -LLL -x -H "ldaps://$SERVER:$LDAPS_PORT" -D "$ADMIN_DN" -w "$ADMIN_PASSWORD" \
    -b "$DOMAIN_DN" -s base dn >/dev/null 2>&1
}

# ldapmodify as the admin over LDAPS, LDIF on stdin.
ldaps_modify() {
  LDAPTLS_CACERT="$CA_CERT" LDAPTLS_REQCERT=demand \
    ldapmodify -x -H "ldaps://$SERVER:$LDAPS_PORT" -D "$ADMIN_DN" -w "$ADMIN_PASSWORD"
}

ldaps_search() {
  LDAPTLS_CACERT="$CA_CERT" LDAPTLS_REQCERT=demand \
    ldapsearch -LLL -o ldif-wrap=no -x -H "ldaps://$SERVER:$LDAPS_PORT" -D "$ADMIN_DN" \
    -w "$ADMIN_PASSWORD" "$@"
}

saved_pid_alive() {
  [[ -s $PID_FILE ]] || return 1
  local pid
  pid="$(cat "$PID_FILE")"
  [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null
}

is_provisioned() {
  [[ -f $SMB_CONF && -f $SAM_LDB && -f $CONNECTION_JSON ]]
}

# True when smb.conf lacked the SASL-over-TLS setting and got it (a running DC must restart to use it).
ensure_sasl_over_tls() {
  grep -qF "$SASL_OVER_TLS" "$SMB_CONF" && return 1
  sed -i "/^\[global\]/a $SASL_OVER_TLS" "$SMB_CONF"
  return 0
}

