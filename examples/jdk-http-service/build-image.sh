#!/usr/bin/env bash
# Builds the inventory service's user image (faultline-examples/inventory:local) on Faultline's local
# JRE base, which `./faultline images` makes. Run from anywhere; needs a JDK (javac) and Docker.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
rm -rf "$here/classes"
javac -d "$here/classes" "$here/InventoryService.java"
docker build -q -t faultline-examples/inventory:local "$here"
