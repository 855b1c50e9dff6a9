#!/usr/bin/env bash
# Throws the test domain away and builds a fresh one: stop, delete $STATE, provision, start.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

require_root "reset.sh"
here="$(dirname "${BASH_SOURCE[0]}")"
"$here/stop.sh"
[[ -n $STATE && $STATE != "/" ]] || die "refusing to delete STATE='$STATE'"
rm -rf "$STATE"
"$here/start.sh"
