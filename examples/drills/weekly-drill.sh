#!/usr/bin/env bash
# A weekly drill: run a folder of experiments into a reports folder kept between drills, then write
# the drill's summary (each experiment's latest verdict and what changed since last week).
#
#   examples/drills/weekly-drill.sh <experiments-folder> <reports-folder> [summary.md]
#
# The CI job restores <reports-folder> from the previous drill before, and keeps it after (as an
# artifact or a cache): its index.html is the history of every drill, and the summary compares
# with the run before. Exit code: that of `faultline run` (0 all met, 1 not met, 2 invalid input,
# 3 infrastructure), so the job fails when the drill does — after the summary is written.
set -uo pipefail
experiments="${1:?usage: weekly-drill.sh <experiments-folder> <reports-folder> [summary.md]}"
reports="${2:?usage: weekly-drill.sh <experiments-folder> <reports-folder> [summary.md]}"
summary="${3:-$reports/drill-summary.md}"
# ./faultline in a checkout, `faultline` from the unpacked distribution on the PATH
faultline="${FAULTLINE:-faultline}"

mkdir -p "$reports"
"$faultline" validate "$experiments" || exit $?
"$faultline" run --reports "$reports" "$experiments"
code=$?
"$faultline" report --summary "$summary" "$reports" || true
cat "$summary"
exit "$code"
