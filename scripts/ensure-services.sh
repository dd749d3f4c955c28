#!/usr/bin/env bash
# Makes sure the binaries the integration tests spawn are installed: influxd (InfluxDB 1.x,
# Debian package influxdb) and mosquitto (Mosquitto 2, Debian package mosquitto).
# Idempotent: does nothing when both are present. It never starts a service: the tests run
# their own instances on free loopback ports (test/support/), so the packages' own daemons
# must not be running; any that a package install starts are stopped again right after it.
set -euo pipefail

# Debian installs mosquitto in /usr/sbin, which a non-root or non-login PATH may lack.
export PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"
readonly PACKAGES=(influxdb mosquitto)

log() { printf 'ensure-services: %s\n' "$*"; }

missing() {
  command -v influxd >/dev/null 2>&1 || printf '%s\n' influxdb
  command -v mosquitto >/dev/null 2>&1 || printf '%s\n' mosquitto
}

# Pids of influxd/mosquitto processes that look like the packages' daemons: started with the
# packages' config under /etc, or with no arguments. The test harness always passes a config
# in a temp directory, so its processes (ours or another engineer's) never match.
package_daemon_pids() {
  local dir comm args
  for dir in /proc/[0-9]*; do
    comm=$(cat "$dir/comm" 2>/dev/null) || continue
    [[ $comm == influxd || $comm == mosquitto ]] || continue
    args=$(tr '\0' ' ' <"$dir/cmdline" 2>/dev/null) || continue
    if [[ $args == *"/etc/influxdb/"* || $args == *"/etc/mosquitto/"* || $args =~ ^[^\ ]+\ ?$ ]]; then
      printf '%s\n' "${dir#/proc/}"
    fi
  done
}

report_versions() {
  log "$(mosquitto -h 2>/dev/null | head -n 1 || true)"
  log "$(influxd version 2>/dev/null || true)"
  # The harness writes a 1.x configuration; InfluxDB 2's influxd would not accept it.
  if ! influxd version 2>/dev/null | grep -q 'v1\.'; then
    log "influxd is not InfluxDB 1.x; the tests need the Debian 'influxdb' package (1.x)." >&2
    exit 1
  fi
}

mapfile -t need < <(missing)
if [[ ${#need[@]} -eq 0 ]]; then
  report_versions
  exit 0
fi

install_cmd="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${PACKAGES[*]}"
if [[ $(id -u) -ne 0 ]]; then
  log "missing: ${need[*]}. The integration tests need influxd and mosquitto. As root, run:" >&2
  log "  $install_cmd" >&2
  log "(or run this script as root; it installs them without starting their services)" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  log "missing: ${need[*]}, and there is no apt-get: install InfluxDB 1.x (influxd) and Mosquitto 2 yourself." >&2
  exit 1
fi

mapfile -t before < <(package_daemon_pids)

# policy-rc.d exiting 101 is Debian's documented way to tell maintainer scripts not to start
# services (invoke-rc.d honours it). Only if there is none already, and removed afterwards.
policy=/usr/sbin/policy-rc.d
created_policy=false
if [[ ! -e $policy ]]; then
  printf '#!/bin/sh\n# Temporary, from scripts/ensure-services.sh: do not start services.\nexit 101\n' >"$policy"
  chmod 755 "$policy"
  created_policy=true
fi
cleanup() { if [[ $created_policy == true ]]; then rm -f "$policy"; fi; }
trap cleanup EXIT

log "installing ${PACKAGES[*]} (missing: ${need[*]})"
apt-get update
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${PACKAGES[@]}"

# Stop only daemons that appeared during the install (not ones that were running before).
for pid in $(package_daemon_pids); do
  if [[ " ${before[*]} " != *" $pid "* ]]; then
    log "stopping $(cat "/proc/$pid/comm" 2>/dev/null || echo process) $pid started by the package install"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
  fi
done

mapfile -t still < <(missing)
if [[ ${#still[@]} -gt 0 ]]; then
  log "still missing after install: ${still[*]}" >&2
  exit 1
fi
report_versions
