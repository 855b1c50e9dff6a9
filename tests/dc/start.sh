#!/usr/bin/env bash
# Starts the test domain controller; idempotent and safe for concurrent callers.
# Provisions and extends the schema first when needed. Prints nothing on stdout.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

require_root "start.sh"
require_samba
mkdir -p "$STATE"

# Several test processes start at once; the lock makes the second one wait for the first
# and then find the DC running instead of starting another.
exec 9>"$LOCK_FILE"
flock -w 300 9 || die "timed out waiting for $LOCK_FILE"

wait_for_ldaps() {
  local pid="$1" deadline=$((SECONDS + 60))
  until ldaps_answers; do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 40 "$LOG_DIR/samba.log" >&2 || true
      die "samba (pid $pid) exited during start; log: $LOG_DIR/samba.log"
    fi
    if ((SECONDS >= deadline)); then
      tail -n 40 "$LOG_DIR/samba.log" >&2 || true
      die "samba (pid $pid) did not answer an LDAPS search within 60 s; log: $LOG_DIR/samba.log"
    fi
    sleep 0.2
  done
}

port_taken_by_other() {
  ss -Hltn "sport = :$LDAPS_PORT" 2>/dev/null | grep -q .
}

started=$SECONDS
"$(dirname "${BASH_SOURCE[0]}")/provision.sh"
if ensure_sasl_over_tls && saved_pid_alive; then
  log "smb.conf gained '$SASL_OVER_TLS'; restarting the DC"
  "$(dirname "${BASH_SOURCE[0]}")/stop.sh"
fi

# A running DC that is slow to answer is busy (other test processes write to it), not hung: give it
# a minute before replacing it, or a restart here would cut every other process's connections.
answers_within() {
  local deadline=$((SECONDS + $1))
  until ldaps_answers; do
    if ((SECONDS >= deadline)) || ! saved_pid_alive; then
      return 1
    fi
    sleep 1
  done
}

if saved_pid_alive && answers_within 60; then
  log "already running (pid $(cat "$PID_FILE"))"
else
  if saved_pid_alive; then
    # Alive but not answering: a hung DC from an earlier run. Replace it.
    log "pid $(cat "$PID_FILE") does not answer; restarting it"
    "$(dirname "${BASH_SOURCE[0]}")/stop.sh"
  fi
  rm -f "$PID_FILE"
  if port_taken_by_other; then
    die "port $LDAPS_PORT is held by another process (a distro samba or a DC of another checkout?): $(ss -Hltnp "sport = :$LDAPS_PORT" | head -n 1)"
  fi
  mkdir -p "$LOG_DIR"
  # 9>&- : the DC must not inherit the lock, or it would hold it for its whole life.
  setsid samba -s "$SMB_CONF" -F --no-process-group -d1 </dev/null >>"$LOG_DIR/samba.log" 2>&1 9>&- &
  pid=$!
  echo "$pid" >"$PID_FILE"
  wait_for_ldaps "$pid"
  log "started (pid $pid) in $((SECONDS - started)) s"
fi

"$(dirname "${BASH_SOURCE[0]}")/extend-schema.sh"
"$(dirname "${BASH_SOURCE[0]}")/kerberos.sh"
