#!/usr/bin/env bash
# CI preparation for the container-mode tests. Two ways to use it from .ci/run:
#
#   . harness/src/main/docker/ci-containers.sh      # sourced: prepare, export the env below
#   ./mvnw -B verify
#   harness/src/main/docker/stop-docker.sh          # stops only a dockerd that was started here
#
#   harness/src/main/docker/ci-containers.sh ./mvnw -B verify   # or: prepare, run, stop dockerd, exit with the command's code
#
# Preparing = make a Docker engine answer (install docker.io + debootstrap and start dockerd if
# needed), build the jars the images need (package -DskipTests), build the images (cached by input hash).
# Exported: TESTCONTAINERS_RYUK_DISABLED=true (Ryuk's image cannot be pulled; Faultline removes
# its own containers and networks), TESTCONTAINERS_HOST_OVERRIDE=localhost (the engine is local;
# skips Testcontainers' host probe, which would pull alpine), CI=true unless set (container tests
# then fail instead of skipping when Docker is unusable).

_fl_docker_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

_fl_prepare() (
  set -euo pipefail
  home="$(cd "$_fl_docker_dir/../../../.." && pwd)"
  "$_fl_docker_dir/ensure-docker.sh"
  # Always from the sources being tested: an image from a stale jar would test old code. Incremental
  # after the first time; a clean clone needs it anyway.
  echo "faultline docker: building the jars the images need (./mvnw -B -q -DskipTests package)" >&2
  (cd "$home" && ./mvnw -B -q -DskipTests package)
  "$_fl_docker_dir/build-images.sh"
)

if [ "${BASH_SOURCE[0]}" != "$0" ]; then
  _fl_prepare || return 1
  export TESTCONTAINERS_RYUK_DISABLED=true TESTCONTAINERS_HOST_OVERRIDE=localhost CI="${CI:-true}"
  return 0
fi

set -uo pipefail
trap '"$_fl_docker_dir/stop-docker.sh"' EXIT
_fl_prepare || exit 1
export TESTCONTAINERS_RYUK_DISABLED=true TESTCONTAINERS_HOST_OVERRIDE=localhost CI="${CI:-true}"
[ "$#" -gt 0 ] || exit 0
"$@"
