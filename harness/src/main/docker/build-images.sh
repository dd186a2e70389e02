#!/usr/bin/env bash
# Builds Faultline's container images locally, without any registry:
#   faultline/jre:17                  debootstrap --variant=minbase bookworm + the packages in jre.packages, docker import
#   faultline/targets:<hash>, :latest the built-in targets' fat jar on top
#   faultline/toxiproxy:<hash>, :latest the embedded Toxiproxy-compatible server on top
# Each image carries the hash of its inputs as the label dev.faultline.inputs; an image whose
# label matches is reused, so a second run with unchanged inputs takes seconds.
#
# Needs: root, docker (a running engine), debootstrap (only when the base must be built), and the
# build outputs builtin/target/faultline-builtin.jar, harness/target/classes and
# harness/target/runtime-classpath.txt (./mvnw -q -DskipTests package).
# Env: DEBIAN_MIRROR (default: the first Debian mirror apt uses on this machine),
#      FAULTLINE_REBUILD_IMAGES=1 to ignore the cache.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
home="$(cd "$here/../../../.." && pwd)"
work="$home/harness/target/docker"
label=dev.faultline.inputs

say() { echo "faultline images: $*" >&2; }
die() { say "$*"; exit 1; }

command -v docker >/dev/null || die "docker is not installed; run harness/src/main/docker/ensure-docker.sh"
docker info >/dev/null 2>&1 || die "no Docker engine answers ($(docker info 2>&1 | tail -1)); run harness/src/main/docker/ensure-docker.sh"

jar="$home/builtin/target/faultline-builtin.jar"
classes="$home/harness/target/classes"
classpath_file="$home/harness/target/runtime-classpath.txt"
for f in "$jar" "$classes/dev/faultline/proxy/ToxiproxyServer.class" "$classpath_file"; do
  [ -e "$f" ] || die "missing $f; build first: ./mvnw -q -B -DskipTests package"
done

sha() { sha256sum | cut -c1-64; }
# The hash of a folder's files: names and contents, in a stable order.
tree_hash() { (cd "$1" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha); }
image_inputs() { docker image inspect --format "{{ index .Config.Labels \"$label\" }}" "$1" 2>/dev/null || true; }
cached() { [ -z "${FAULTLINE_REBUILD_IMAGES:-}" ] && [ "$(image_inputs "$1")" = "$2" ]; }

debian_mirror() {
  if [ -n "${DEBIAN_MIRROR:-}" ]; then echo "$DEBIAN_MIRROR"; return; fi
  local m
  m="$(grep -hs '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}' | grep -v -- '-security' | head -1)"
  [ -n "$m" ] || m="$(grep -hs '^deb ' /etc/apt/sources.list | awk '{print $2}' | grep -v -- '-security' | head -1)"
  echo "${m:-http://deb.debian.org/debian}"
}

build_base() {
  local packages inputs rootfs
  packages="$(grep -v '^\s*#' "$here/jre.packages" | xargs | tr ' ' ',')"
  inputs="$( { echo "debootstrap --variant=minbase bookworm"; echo "$packages"; } | sha)"
  if cached faultline/jre:17 "$inputs"; then
    say "faultline/jre:17 is up to date (inputs ${inputs:0:12})"; return
  fi
  command -v debootstrap >/dev/null || die "debootstrap is not installed: apt-get install -y debootstrap"
  [ "$(id -u)" = 0 ] || die "building the base rootfs needs root (debootstrap)"
  rootfs="$work/rootfs"
  rm -rf "$rootfs"; mkdir -p "$rootfs"
  say "building faultline/jre:17: debootstrap bookworm from $(debian_mirror) with $packages (about a minute)"
  debootstrap --variant=minbase --include="$packages" bookworm "$rootfs" "$(debian_mirror)" >"$work/debootstrap.log" 2>&1 \
    || die "debootstrap failed; see $work/debootstrap.log"
  # What a JRE in a container never reads: docs, man pages, locales, apt's caches.
  rm -rf "$rootfs"/usr/share/{doc,man,info,locale}/* "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin \
    "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/log/*.log
  tar -C "$rootfs" -c . | docker import \
    --change "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
    --change "ENV JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64" \
    --change "ENV LANG=C.UTF-8" \
    --change "LABEL $label=$inputs" \
    --change 'CMD ["java", "-version"]' \
    - faultline/jre:17 >/dev/null
  rm -rf "$rootfs"
}

# build_on_base <name> <context dir> <dockerfile>: faultline/<name>:<hash> and :latest.
build_on_base() {
  local name="$1" context="$2" dockerfile="$3" inputs tag
  inputs="$( { image_inputs faultline/jre:17; sha256sum <"$dockerfile"; tree_hash "$context"; } | sha)"
  tag="faultline/$name:${inputs:0:12}"
  if cached "$tag" "$inputs"; then
    say "$tag is up to date"
  else
    say "building $tag"
    # The legacy builder (no buildx here) warns on stderr at every build; keep it in a log.
    docker build -q --label "$label=$inputs" -f "$dockerfile" -t "$tag" "$context" >"$work/build-$name.log" 2>&1 \
      || { cat "$work/build-$name.log" >&2; die "docker build of $tag failed; rerun: docker build -f $dockerfile $context"; }
  fi
  docker tag "$tag" "faultline/$name:latest"
  # Older builds of this image are dead weight (hundreds of MB each); keep the current one only.
  docker image ls --format '{{.Tag}}' "faultline/$name" | grep -vx -e latest -e "${inputs:0:12}" \
    | xargs -r -I{} docker rmi -f "faultline/$name:{}" >/dev/null 2>&1 || true
}

mkdir -p "$work"
build_base

rm -rf "$work/targets" && mkdir -p "$work/targets"
cp "$jar" "$work/targets/"
build_on_base targets "$work/targets" "$here/targets.Dockerfile"

# The proxy needs only its own classes (and the harness's root exceptions) plus Jackson and Netty.
rm -rf "$work/toxiproxy" && mkdir -p "$work/toxiproxy/classes/dev/faultline" "$work/toxiproxy/lib"
cp -r "$classes/dev/faultline/proxy" "$work/toxiproxy/classes/dev/faultline/"
cp "$classes"/dev/faultline/*.class "$work/toxiproxy/classes/dev/faultline/"
tr ':' '\n' <"$classpath_file" | grep -E '/(jackson-(core|databind|annotations)|netty-[^/]*)-[0-9][^/]*\.jar$' \
  | xargs -r cp -t "$work/toxiproxy/lib/"
build_on_base toxiproxy "$work/toxiproxy" "$here/toxiproxy.Dockerfile"

docker image ls --format '{{.Repository}}:{{.Tag}}  {{.Size}}' | grep '^faultline/' | sort >&2
