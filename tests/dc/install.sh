#!/usr/bin/env bash
# Installs the Debian packages of the test domain controller (root). Skips when present.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

missing=()
for package in "${REQUIRED_PACKAGES[@]}"; do
  status="$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)"
  [[ $status == "install ok installed" ]] || missing+=("$package")
done

if [[ ${#missing[@]} -eq 0 ]]; then
  log "all packages already installed"
else
  require_root "install.sh"
  export DEBIAN_FRONTEND=noninteractive
  # Refresh the package lists only when they are missing or older than a day.
  if [[ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -mtime -1 2>/dev/null)" ]]; then
    log "apt-get update"
    apt-get update -q
  fi
  log "installing: ${missing[*]}"
  # policy-rc.d 101 keeps the distro's samba/smbd/winbind from starting during install.
  policy="/usr/sbin/policy-rc.d"
  created_policy=false
  if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy"
    chmod +x "$policy"
    created_policy=true
  fi
  apt-get install -y -q --no-install-recommends "${REQUIRED_PACKAGES[@]}"
  [[ $created_policy == true ]] && rm -f "$policy"
fi

# The distro's services would hold 389/636/88 or the default state dirs: make sure they
# are neither running nor enabled. None of this is fatal on a box without systemd.
if [[ $(id -u) -eq 0 ]]; then
  for service in samba-ad-dc smbd nmbd winbind; do
    if command -v systemctl >/dev/null 2>&1 && [[ -d /run/systemd/system ]]; then
      systemctl disable --now "$service" >/dev/null 2>&1 || true
    elif [[ -x /etc/init.d/$service ]]; then
      "/etc/init.d/$service" stop >/dev/null 2>&1 || true
    fi
  done
fi
log "install done"
