#!/usr/bin/env bash
# Installs (or with --uninstall removes) the GroupWriteback agent as a systemd service on Linux.
# Idempotent: running it again updates the binary and the unit and keeps the settings.
#
#   sudo ./install.sh --binary ./groupwriteback-agent --settings ./appsettings.json --keytab ./agent.keytab
#   sudo ./install.sh --uninstall [--purge]
set -euo pipefail

service=groupwriteback-agent
user=groupwriteback
prefix=/opt/groupwriteback
config=/etc/groupwriteback
state=/var/lib/groupwriteback
units=/etc/systemd/system
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

binary="$here/groupwriteback-agent"
settings=""
keytab=""
uninstall=0
purge=0
start=1
check=1

usage() {
  sed -n '2,7p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
  cat <<'TEXT'
Options:
  --binary FILE     the published agent (self-contained linux-x64); default: beside this script
  --settings FILE   appsettings.json to install; kept when one is installed already and none is given
  --keytab FILE     Kerberos keytab of the agent's AD account (read through KRB5_CLIENT_KTNAME)
  --no-start        install and enable, but do not start the service
  --no-check        do not run `groupwriteback-agent check` at the end
  --uninstall       stop and remove the service, the unit and the binary (settings and state stay)
  --purge           with --uninstall: also remove settings, keytab, state and the system user
TEXT
}

while (($#)); do
  case "$1" in
    --binary) binary="$2"; shift 2 ;;
    --settings) settings="$2"; shift 2 ;;
    --keytab) keytab="$2"; shift 2 ;;
    --no-start) start=0; shift ;;
    --no-check) check=0; shift ;;
    --uninstall) uninstall=1; shift ;;
    --purge) purge=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "Unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
done

if [[ $EUID -ne 0 ]]; then
  echo "Run as root (it creates a system user and writes $prefix, $config and $units)." >&2
  exit 2
fi

# systemctl works only where systemd is the init system; elsewhere (containers) files are still laid out.
systemd_running() { [[ -d /run/systemd/system ]]; }

if ((uninstall)); then
  if systemd_running; then
    systemctl disable --now "$service.service" 2>/dev/null || true
  fi
  rm -f "$units/$service.service"
  rm -rf "$prefix"
  if systemd_running; then systemctl daemon-reload; fi
  if ((purge)); then
    rm -rf "$config" "$state"
    if id -u "$user" >/dev/null 2>&1; then userdel "$user"; fi
  fi
  echo "Removed $service$( ((purge)) && echo ', its settings, state and user' || echo "; kept $config and $state")."
  exit 0
fi

[[ -f "$binary" ]] || { echo "No agent binary at $binary (give --binary)." >&2; exit 2; }
[[ -z "$settings" || -f "$settings" ]] || { echo "No settings file at $settings." >&2; exit 2; }
[[ -z "$keytab" || -f "$keytab" ]] || { echo "No keytab at $keytab." >&2; exit 2; }

if ! id -u "$user" >/dev/null 2>&1; then
  useradd --system --user-group --home-dir "$state" --no-create-home --shell /usr/sbin/nologin "$user"
fi

install -d -m 0755 -o root -g root "$prefix"
install -m 0755 -o root -g root "$binary" "$prefix/groupwriteback-agent"
if [[ -f "$here/../README.md" ]]; then install -m 0644 "$here/../README.md" "$prefix/README.md"; fi
install -d -m 0750 -o root -g "$user" "$config"
if [[ -n "$settings" ]]; then
  install -m 0640 -o root -g "$user" "$settings" "$config/appsettings.json"
elif [[ ! -f "$config/appsettings.json" ]]; then
  sample="$(dirname "$binary")/appsettings.json"
  [[ -f "$sample" ]] || { echo "Give --settings: no $config/appsettings.json yet and no sample beside the binary." >&2; exit 2; }
  install -m 0640 -o root -g "$user" "$sample" "$config/appsettings.json"
  echo "Installed the sample settings as $config/appsettings.json: edit Directory and ServiceBus before starting."
  start=0
fi
if [[ -n "$keytab" ]]; then
  install -m 0400 -o "$user" -g "$user" "$keytab" "$config/agent.keytab"
fi
install -d -m 0750 -o "$user" -g "$user" "$state" "$state/state"
install -m 0644 -o root -g root "$here/$service.service" "$units/$service.service"

if ((check)); then
  # The same account and environment the unit gives the service.
  echo "Running check as $user:"
  if ! runuser -u "$user" -- env KRB5_CLIENT_KTNAME="$config/agent.keytab" KRB5CCNAME="FILE:$state/krb5cc" \
      GROUPWRITEBACK_Agent__StateDirectory="$state/state" DOTNET_BUNDLE_EXTRACT_BASE_DIR="$state/.net" \
      "$prefix/groupwriteback-agent" check --settings "$config/appsettings.json"; then
    echo "check did not pass; fix the settings or rights above, then: systemctl restart $service" >&2
    start=0
  fi
fi

if systemd_running; then
  systemctl daemon-reload
  systemctl enable "$service.service"
  if ((start)); then systemctl restart "$service.service"; fi
  echo "Installed $service; journalctl -u $service shows its log."
else
  echo "Installed $service files; systemd is not the init system here, so the service was not enabled."
fi
