#!/usr/bin/env bash
# Stops the dockerd that ensure-docker.sh started (and only that one), waiting for it (bounded).
# Leaves an engine that was already running alone. Idempotent.
set -euo pipefail

pidfile="${FAULTLINE_DOCKERD_PIDFILE:-/tmp/faultline-dockerd.pid}"
say() { echo "faultline docker: $*" >&2; }

[ -f "$pidfile" ] || { say "no dockerd was started by ensure-docker.sh; nothing to stop"; exit 0; }
pid="$(cat "$pidfile")"
if kill -0 "$pid" 2>/dev/null; then
  say "stopping dockerd (pid $pid)"
  kill -TERM "$pid"
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  if kill -0 "$pid" 2>/dev/null; then say "dockerd ignored SIGTERM for 30 s; killing it"; kill -KILL "$pid"; fi
fi
rm -f "$pidfile"
