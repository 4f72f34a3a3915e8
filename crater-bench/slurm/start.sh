#!/usr/bin/env bash
# Starts munged, slurmctld and slurmd as plain daemons (no systemd) and waits until the node is
# idle. Safe to run again: a daemon that is already running is left alone.
#
# Knob (environment): SLURM_BENCH_START_TIMEOUT seconds to wait for the idle node (default 60).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

TIMEOUT="${SLURM_BENCH_START_TIMEOUT:-60}"
HOST="$(hostname -s)"

require_setup() {
  if ! grep -qsF "$MARKER" "$SLURM_CONF_DIR/slurm.conf"; then
    echo "slurm-bench: no benchmark config in $SLURM_CONF_DIR; run $SLURM_BENCH_HOME/setup.sh first" >&2
    exit 1
  fi
  mkdir -p "$STATE_DIR/ctld" "$STATE_DIR/d" "$RUN_DIR" "$LOG_DIR" "$MUNGE_RUN_DIR"
  chown munge:munge "$MUNGE_RUN_DIR"
}

start_munged() {
  if pid="$(live_pid "$MUNGE_PID_FILE")"; then
    log "munged already running pid=$pid"
  else
    runuser -u munge -- /usr/sbin/munged --pid-file="$MUNGE_PID_FILE"
    log "started munged pid=$(cat "$MUNGE_PID_FILE")"
  fi
  munge -n | unmunge >/dev/null
}

# Both Slurm daemons fork into the background and write the pid file named in slurm.conf.
start_daemon() {
  local name="$1" pid_file="$RUN_DIR/$1.pid" pid
  if pid="$(live_pid "$pid_file")"; then
    log "$name already running pid=$pid"
    return
  fi
  "/usr/sbin/$name"
  for _ in $(seq 50); do
    if pid="$(live_pid "$pid_file")"; then
      log "started $name pid=$pid"
      return
    fi
    sleep 0.1
  done
  echo "slurm-bench: $name did not start; see $LOG_DIR/$name.log" >&2
  tail -n 20 "$LOG_DIR/$name.log" >&2 || true
  exit 1
}

wait_for_idle_node() {
  local deadline=$((SECONDS + TIMEOUT)) state=""
  while ((SECONDS < deadline)); do
    for daemon in slurmctld slurmd; do
      if ! live_pid "$RUN_DIR/$daemon.pid" >/dev/null; then
        echo "slurm-bench: $daemon exited; see $LOG_DIR/$daemon.log" >&2
        tail -n 5 "$LOG_DIR/$daemon.log" >&2 || true
        exit 1
      fi
    done
    state="$(sinfo -h -n "$HOST" -o %T 2>/dev/null || true)"
    case "$state" in
      idle | mixed | allocated)
        log "node $HOST is $state"
        return ;;
      inval*)
        # slurmd registered something other than slurm.conf says: no wait will fix that.
        echo "slurm-bench: node $HOST is invalid: $(sinfo -h -R -n "$HOST" -o %E)" >&2
        exit 1 ;;
      down* | drain*)
        # A node that was down when slurmctld last stopped stays down; its slurmd is up now.
        scontrol update nodename="$HOST" state=resume 2>/dev/null || true ;;
    esac
    sleep 0.5
  done
  echo "slurm-bench: node $HOST not idle after ${TIMEOUT}s (state=${state:-unknown})" >&2
  tail -n 20 "$LOG_DIR/slurmctld.log" "$LOG_DIR/slurmd.log" >&2 || true
  exit 1
}

require_setup
start_munged
start_daemon slurmctld
start_daemon slurmd
wait_for_idle_node
