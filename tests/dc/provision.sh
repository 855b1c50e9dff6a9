#!/usr/bin/env bash
# Provisions the test domain CORP.TEST into $STATE: own test CA and server certificate,
# samba-tool domain provision (loopback only, ldap + kdc), relaxed password policy, schema
# updates allowed, and the connection files tools and tests read. Skips when provisioned.
# Does not start the DC and takes no lock: start.sh calls it under its lock.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

require_root "provision.sh"
require_samba

if is_provisioned; then
  log "already provisioned in $STATE"
  exit 0
fi

# A half-finished provision (stopped mid-way) is not repairable: start from nothing.
rm -rf "$DC_DIR" "$TLS_DIR"
mkdir -p "$DC_DIR/log" "$DC_DIR/run" "$TRUSTED_DIR" "$LOG_DIR"

make_certificates() {
  local ca_key="$TLS_DIR/ca.key" server_key="$TLS_DIR/server.key"
  local server_csr="$TLS_DIR/server.csr" server_cert="$TLS_DIR/server.crt"
  local ext="$TLS_DIR/server.ext"
  openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 3650 \
    -subj "/CN=GroupWriteback Test CA" -keyout "$ca_key" -out "$CA_CERT" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    2>/dev/null
  # libldap reverse-resolves the address it connects to, so the SAN must carry every name
  # 127.0.0.1 can come back as, not only the one the client typed.
  cat >"$ext" <<EXT
basicConstraints=CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth,clientAuth
subjectAltName=IP:127.0.0.1,IP:::1,DNS:localhost,DNS:$(hostname),DNS:$DC_FQDN
EXT
  openssl req -newkey rsa:2048 -nodes -sha256 -subj "/CN=$DC_FQDN" \
    -keyout "$server_key" -out "$server_csr" 2>/dev/null
  openssl x509 -req -sha256 -days 3650 -in "$server_csr" -CA "$CA_CERT" -CAkey "$ca_key" \
    -CAcreateserial -extfile "$ext" -out "$server_cert" 2>/dev/null
  # samba refuses a key file readable by others.
  chmod 600 "$ca_key" "$server_key"
  cp "$CA_CERT" "$TRUSTED_DIR/groupwriteback-test-ca.pem"
  openssl rehash "$TRUSTED_DIR"
}

write_connection_files() {
  # %q quoting keeps the file safe to source whatever the password holds.
  {
    printf 'GW_TESTDC_SERVER=%q\n' "$SERVER"
    printf 'GW_TESTDC_LDAP_PORT=%q\n' "$LDAP_PORT"
    printf 'GW_TESTDC_LDAPS_PORT=%q\n' "$LDAPS_PORT"
    printf 'GW_TESTDC_REALM=%q\n' "$REALM"
    printf 'GW_TESTDC_DOMAIN=%q\n' "$DOMAIN"
    printf 'GW_TESTDC_DOMAIN_DN=%q\n' "$DOMAIN_DN"
    printf 'GW_TESTDC_ADMIN_DN=%q\n' "$ADMIN_DN"
    printf 'GW_TESTDC_ADMIN_UPN=%q\n' "$ADMIN_UPN"
    printf 'GW_TESTDC_ADMIN_PASSWORD=%q\n' "$ADMIN_PASSWORD"
    printf 'GW_TESTDC_TRUSTED_DIR=%q\n' "$TRUSTED_DIR"
    printf 'GW_TESTDC_CA_FILE=%q\n' "$CA_CERT"
    printf 'LDAPTLS_CACERT=%q\n' "$CA_CERT"
  } >"$CONNECTION_ENV"
  # Values go through the environment so a password with quotes cannot break the JSON.
  SERVER="$SERVER" LDAP_PORT="$LDAP_PORT" LDAPS_PORT="$LDAPS_PORT" REALM="$REALM" \
    DOMAIN="$DOMAIN" DOMAIN_DN="$DOMAIN_DN" ADMIN_DN="$ADMIN_DN" ADMIN_UPN="$ADMIN_UPN" \
    ADMIN_PASSWORD="$ADMIN_PASSWORD" TRUSTED_DIR="$TRUSTED_DIR" CA_CERT="$CA_CERT" \
    STATE="$STATE" SMB_CONF="$SMB_CONF" python3 - "$CONNECTION_JSON" <<'PY'
import json, os, sys
e = os.environ
json.dump({
    "server": e["SERVER"], "ldapPort": int(e["LDAP_PORT"]), "ldapsPort": int(e["LDAPS_PORT"]),
    "realm": e["REALM"], "domain": e["DOMAIN"], "domainDn": e["DOMAIN_DN"],
    "adminDn": e["ADMIN_DN"], "adminUpn": e["ADMIN_UPN"], "adminPassword": e["ADMIN_PASSWORD"],
    "trustedCertificatesDirectory": e["TRUSTED_DIR"], "caFile": e["CA_CERT"],
    "stateDirectory": e["STATE"], "smbConf": e["SMB_CONF"],
}, open(sys.argv[1], "w"), indent=2)
PY
}

started=$SECONDS
make_certificates
log "provisioning $REALM into $DC_DIR"
samba-tool domain provision --targetdir="$DC_DIR" --realm="$REALM" --domain="$DOMAIN" \
  --adminpass="$ADMIN_PASSWORD" --server-role=dc --dns-backend=NONE --host-name="$HOST_NAME" \
  --use-rfc2307 \
  --option="interfaces=lo" --option="bind interfaces only=yes" \
  --option="log file=$DC_DIR/log/log.%m" --option="pid directory=$DC_DIR/run" \
  --option="server services=ldap kdc" \
  --option="tls keyfile=$TLS_DIR/server.key" --option="tls certfile=$TLS_DIR/server.crt" \
  --option="tls cafile=$CA_CERT" --option="$SASL_OVER_TLS" \
  >"$LOG_DIR/provision.log" 2>&1 || { tail -n 30 "$LOG_DIR/provision.log" >&2; die "provision failed"; }

samba-tool domain passwordsettings set -H "$SAM_LDB" --max-pwd-age=0 --complexity=off \
  >>"$LOG_DIR/provision.log" 2>&1

# extend-schema.sh adds Exchange attributes; Samba refuses schema writes without this.
sed -i '/^\[global\]/a \	dsdb:schema update allowed = true' "$SMB_CONF"

write_connection_files
log "provisioned in $((SECONDS - started)) s"
