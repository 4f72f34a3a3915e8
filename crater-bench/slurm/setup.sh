#!/usr/bin/env bash
# Installs Slurm from Debian's packages and writes a single-node config for this host with fake
# GPUs. Safe to run again: it installs only what is missing and rewrites only its own config.
#
# Knobs (environment): SLURM_BENCH_GPUS (default 8); SLURM_BENCH_SCHEDULER_PARAMETERS (default
# unset: Slurm's own scheduler defaults); SLURM_BENCH_FORCE=1 to replace a Slurm config that this
# script did not write.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

GPUS="${SLURM_BENCH_GPUS:-8}"
SCHEDULER_PARAMETERS="${SLURM_BENCH_SCHEDULER_PARAMETERS:-}"

install_packages() {
  if dpkg-query -W -f='${Status}' slurm-wlm 2>/dev/null | grep -q 'install ok installed'; then
    log "slurm-wlm already installed: $(dpkg-query -W -f='${Version}' slurm-wlm)"
    return
  fi
  log "installing slurm-wlm and munge"
  # The packages' maintainer scripts would start the daemons with the stock config; start.sh
  # starts them with this one. A policy-rc.d that refuses every start stops that (Debian's
  # invoke-rc.d convention); one that is already there is left alone.
  local policy=/usr/sbin/policy-rc.d
  if [[ ! -e "$policy" ]]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy"
    chmod 0755 "$policy"
    trap "rm -f '$policy'" EXIT
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends slurm-wlm munge >/dev/null
}

ensure_munge_key() {
  local key=/etc/munge/munge.key
  if [[ ! -s "$key" ]]; then
    log "creating munge key $key"
    mkdir -p /etc/munge
    dd if=/dev/urandom of="$key" bs=1024 count=1 status=none
  fi
  chown munge:munge /etc/munge "$key"
  chmod 0700 /etc/munge
  chmod 0400 "$key"
}

# One device node per fake GPU, numbered like the NVIDIA driver's (major 195). Slurm insists the
# File= of a GPU is a character or block device; nothing ever opens these. Where mknod is not
# allowed, a symlink to /dev/null passes the same check.
make_fake_gpus() {
  mkdir -p "$GPU_DIR"
  for ((i = 0; i < GPUS; i++)); do
    local dev="$GPU_DIR/nvidia$i"
    [[ -c "$dev" ]] && continue
    rm -f "$dev"
    mknod "$dev" c 195 "$i" 2>/dev/null || ln -s /dev/null "$dev"
  done
}

make_dirs() {
  mkdir -p "$STATE_DIR/ctld" "$STATE_DIR/d" "$RUN_DIR" "$LOG_DIR" "$SLURM_CONF_DIR"
  mkdir -p "$MUNGE_RUN_DIR" /var/lib/munge /var/log/munge
  chown munge:munge "$MUNGE_RUN_DIR" /var/lib/munge /var/log/munge
  chmod 0755 "$MUNGE_RUN_DIR"
}

# OverSubscribe lets each CPU be shared by enough jobs that every fake GPU can be in use at once;
# GRES are never shared, so GPUs stay the limit.
oversubscribe() {
  local cpus="$1" per_cpu=$(((GPUS + cpus - 1) / cpus))
  if ((per_cpu <= 1)); then echo NO; else echo "FORCE:$per_cpu"; fi
}

render() {
  local template="$1" target="$2"
  if [[ -e "$target" ]] && ! grep -qF "$MARKER" "$target" && [[ "${SLURM_BENCH_FORCE:-0}" != 1 ]]; then
    echo "slurm-bench: $target exists and was not written by this script; set SLURM_BENCH_FORCE=1 to replace it" >&2
    exit 1
  fi
  local host cpus memory_mb
  host="$(hostname -s)"
  cpus="$(nproc)"
  memory_mb="$(awk '/^MemTotal:/ { print int($2 / 1024) }' /proc/meminfo)"
  sed -e "s|@HOST@|$host|g" -e "s|@CPUS@|$cpus|g" -e "s|@MEMORY_MB@|$memory_mb|g" \
    -e "s|@GPUS@|$GPUS|g" -e "s|@LAST_GPU@|$((GPUS - 1))|g" -e "s|@GPU_DIR@|$GPU_DIR|g" -e "s|@OVERSUBSCRIBE@|$(oversubscribe "$cpus")|g" \
    -e "s|@STATE_DIR@|$STATE_DIR|g" -e "s|@RUN_DIR@|$RUN_DIR|g" -e "s|@LOG_DIR@|$LOG_DIR|g" \
    "$SLURM_BENCH_HOME/$template" >"$target.tmp"
  if [[ "$template" == slurm.conf.in && -n "$SCHEDULER_PARAMETERS" ]]; then
    echo "SchedulerParameters=$SCHEDULER_PARAMETERS" >>"$target.tmp"
  fi
  mv "$target.tmp" "$target"
  chmod 0644 "$target"
  log "wrote $target (host=$host cpus=$cpus memoryMb=$memory_mb gpus=$GPUS)"
}

install_packages
ensure_munge_key
make_dirs
make_fake_gpus
render slurm.conf.in "$SLURM_CONF_DIR/slurm.conf"
render gres.conf.in "$SLURM_CONF_DIR/gres.conf"
log "setup done; start with $SLURM_BENCH_HOME/start.sh"
