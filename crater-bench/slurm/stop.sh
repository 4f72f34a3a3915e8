#!/usr/bin/env bash
# Cancels the benchmark cluster's jobs and stops slurmd, slurmctld and munged. Safe to run again:
# a daemon that is not running is skipped.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

cancel_jobs() {
  local jobs
  jobs="$(squeue -h -o %i 2>/dev/null || true)"
  [[ -n "$jobs" ]] || return 0
  log "cancelling $(wc -l <<<"$jobs") jobs"
  # xargs keeps a queue of many thousands of ids within the argument-length limit.
  xargs -r scancel <<<"$jobs" 2>/dev/null || true
  # Give running steps a moment to end while slurmd is still there to reap them.
  for _ in $(seq 20); do
    [[ -z "$(squeue -h -t running,completing -o %i 2>/dev/null || true)" ]] && return 0
    sleep 0.5
  done
}

stop_daemon() {
  local name="$1" pid_file="$2" pid
  if ! pid="$(live_pid "$pid_file")"; then
    log "$name not running"
    return
  fi
  kill -TERM "$pid"
  for _ in $(seq 100); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "$name pid=$pid ignored TERM; killing it"
    kill -KILL "$pid"
  fi
  rm -f "$pid_file"
  log "stopped $name pid=$pid"
}

if live_pid "$RUN_DIR/slurmctld.pid" >/dev/null; then
  cancel_jobs
fi
stop_daemon slurmd "$RUN_DIR/slurmd.pid"
stop_daemon slurmctld "$RUN_DIR/slurmctld.pid"
stop_daemon munged "$MUNGE_PID_FILE"
