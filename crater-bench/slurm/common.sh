# Paths and names shared by setup.sh, start.sh and stop.sh. Sourced, not run.
SLURM_BENCH_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SLURM_CONF_DIR=/etc/slurm
STATE_DIR=/var/spool/slurm-bench
RUN_DIR=/run/slurm-bench
LOG_DIR=/var/log/slurm-bench
GPU_DIR=$STATE_DIR/fake-gpu
MUNGE_RUN_DIR=/run/munge
MUNGE_PID_FILE="$MUNGE_RUN_DIR/munged.pid"
# A line every rendered file carries, so setup.sh never overwrites a Slurm config it did not write.
MARKER="# Slurm for Crater's benchmark"

log() { echo "slurm-bench: $*"; }

# Prints the pid in a pid file if that process is alive; fails otherwise.
live_pid() {
  local file="$1" pid
  [[ -s "$file" ]] || return 1
  pid="$(cat "$file")"
  kill -0 "$pid" 2>/dev/null || return 1
  echo "$pid"
}
