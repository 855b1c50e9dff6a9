#!/usr/bin/env bash
# Static checks of the installers, offline: the systemd unit passes `systemd-analyze verify`, install.sh is valid
# bash, and Install-GroupWritebackAgent.ps1 parses with PowerShell's own parser (the PowerShell global tool from
# NuGet). Needs root only to apt-get the systemd package when systemd-analyze is missing.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
unit="$here/groupwriteback-agent.service"
pwsh_version="${PWSH_VERSION:-7.6.10}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failed=0

if ! command -v systemd-analyze >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends systemd >/dev/null
fi

# verify needs ExecStart's binary to exist: check a staged copy whose paths point into the work folder.
mkdir -p "$work/opt" "$work/etc"
printf '#!/bin/sh\nexit 0\n' > "$work/opt/groupwriteback-agent"
chmod +x "$work/opt/groupwriteback-agent"
sed -e "s#/opt/groupwriteback/groupwriteback-agent#$work/opt/groupwriteback-agent#" "$unit" > "$work/etc/groupwriteback-agent.service"
if output="$(systemd-analyze verify "$work/etc/groupwriteback-agent.service" 2>&1)" && [[ -z "$output" ]]; then
  echo "unit: systemd-analyze verify passed"
else
  echo "unit: systemd-analyze verify found problems:" >&2
  echo "$output" >&2
  failed=1
fi
# The hardening the unit promises; systemd-analyze accepts a unit without it, so it is checked here.
for directive in 'Type=notify' 'WatchdogSec=' 'Restart=on-failure' 'NoNewPrivileges=yes' 'ProtectSystem=strict' \
    'ReadWritePaths=/var/lib/groupwriteback' 'User=groupwriteback' 'KRB5_CLIENT_KTNAME='; do
  if ! grep -q "^$directive\|^Environment=$directive" "$unit"; then
    echo "unit: missing $directive" >&2
    failed=1
  fi
done

if bash -n "$here/install.sh"; then echo "install.sh: bash syntax ok"; else failed=1; fi

pwsh="$work/pwsh/pwsh"
dotnet tool install --tool-path "$work/pwsh" PowerShell --version "$pwsh_version" >/dev/null
cat > "$work/parse.ps1" <<'PS1'
param([string] $Path)
$errors = $null; $tokens = $null
[void][System.Management.Automation.Language.Parser]::ParseFile($Path, [ref]$tokens, [ref]$errors)
foreach ($e in $errors) { [Console]::Error.WriteLine(("{0}:{1}: {2}" -f $Path, $e.Extent.StartLineNumber, $e.Message)) }
if ($errors.Count -gt 0) { exit 1 }
$parameters = (Get-Command $Path).Parameters
foreach ($name in 'WhatIf', 'Confirm', 'Uninstall', 'ServiceAccount') {
    if (-not $parameters.ContainsKey($name)) { [Console]::Error.WriteLine("$Path lacks -$name"); exit 1 }
}
PS1
if "$pwsh" -NoProfile -NonInteractive -File "$work/parse.ps1" "$here/Install-GroupWritebackAgent.ps1"; then
  echo "Install-GroupWritebackAgent.ps1: parses; has -WhatIf, -Uninstall, -ServiceAccount"
else
  failed=1
fi

if ((failed)); then
  echo "Installer checks failed." >&2
  exit 1
fi
echo "Installer checks passed."
