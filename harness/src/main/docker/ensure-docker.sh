#!/usr/bin/env bash
# Makes a Docker engine answer on this machine: installs docker.io (and debootstrap, for the
# base image) if missing, starts dockerd if none answers, and waits for it (bounded).
# Idempotent. Published ports bind to 127.0.0.1 by default (dockerd --ip=127.0.0.1).
# A dockerd this script started is recorded in $FAULTLINE_DOCKERD_PIDFILE, so stop-docker.sh
# stops only that one.
# Env: FAULTLINE_DOCKERD_PIDFILE (default /tmp/faultline-dockerd.pid),
#      FAULTLINE_DOCKERD_LOG (default /tmp/faultline-dockerd.log), FAULTLINE_DOCKER_WAIT (seconds, default 60).
set -euo pipefail

pidfile="${FAULTLINE_DOCKERD_PIDFILE:-/tmp/faultline-dockerd.pid}"
log="${FAULTLINE_DOCKERD_LOG:-/tmp/faultline-dockerd.log}"
wait_seconds="${FAULTLINE_DOCKER_WAIT:-60}"
say() { echo "faultline docker: $*" >&2; }

if ! command -v dockerd >/dev/null || ! command -v debootstrap >/dev/null || ! command -v docker >/dev/null; then
  [ "$(id -u)" = 0 ] || { say "docker.io/debootstrap are missing and installing them needs root"; exit 1; }
  say "installing docker.io and debootstrap"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null
  apt-get install -y -q docker.io debootstrap >/dev/null
fi

if docker info >/dev/null 2>&1; then
  say "a Docker engine already answers ($(docker info --format '{{.ServerVersion}}'))"
  exit 0
fi

[ "$(id -u)" = 0 ] || { say "no Docker engine answers and starting dockerd needs root"; exit 1; }
say "starting dockerd (log: $log)"
setsid dockerd --ip=127.0.0.1 >"$log" 2>&1 </dev/null &
echo $! >"$pidfile"
for _ in $(seq 1 "$wait_seconds"); do
  if docker info >/dev/null 2>&1; then
    say "dockerd is up ($(docker info --format '{{.ServerVersion}}'), pid $(cat "$pidfile"))"
    exit 0
  fi
  kill -0 "$(cat "$pidfile")" 2>/dev/null || { say "dockerd exited; last lines of $log:"; tail -20 "$log" >&2; exit 1; }
  sleep 1
done
say "dockerd did not answer within ${wait_seconds}s; last lines of $log:"; tail -20 "$log" >&2
exit 1
