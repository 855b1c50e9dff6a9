#!/usr/bin/env bash
# Stops the test domain controller started by start.sh; no-op when it is not running.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

if ! saved_pid_alive; then
  rm -f "$PID_FILE"
  log "not running"
  exit 0
fi

pid="$(cat "$PID_FILE")"
kill -TERM "$pid"
for _ in $(seq 1 150); do
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.2
done
if kill -0 "$pid" 2>/dev/null; then
  # samba ignored SIGTERM for 30 s; its children share its session (setsid), so end them all.
  log "pid $pid ignored SIGTERM; sending SIGKILL to its session"
  pkill -KILL -s "$pid" || true
fi
rm -f "$PID_FILE"
log "stopped (pid $pid)"
