#!/usr/bin/env bash
# The cost of Faultline's JDK Flight Recorder recording to the target, measured A/B: runs one
# experiment N times with the recording and N times without (FAULTLINE_PROFILE=off), alternating
# (on, off, off, on, on, off, ...) so that both see the same minutes of the machine, then prints
# each pair and the medians of throughput and p99 of the first load step, and their ratios.
#
#   bench/profile-overhead.sh [experiment.yaml] [pairs]     (default: counter-locked, 20 pairs)
#
# Run it on a quiet machine: on two cores, any other process moves the figures more than the
# recording does. Reports go to a temporary folder, removed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
experiment="${1:-experiments/counter-locked.yaml}"
pairs="${2:-20}"
out="$(mktemp -d /tmp/faultline-profile-ab.XXXXXX)"
trap 'rm -rf "$out"' EXIT
./faultline validate "$experiment" >/dev/null   # builds first if needed, outside the timings

run() { # $1 = on|off, $2 = index
  local dir="$out/$1-$2"
  if [ "$1" = off ]; then
    FAULTLINE_PROFILE=off ./faultline run --reports "$dir" "$experiment" >"$dir.log" 2>&1 || true
  else
    ./faultline run --reports "$dir" "$experiment" >"$dir.log" 2>&1 || true
  fi
}

for i in $(seq 1 "$pairs"); do
  if [ $((i % 2)) -eq 1 ]; then run on "$i"; run off "$i"; else run off "$i"; run on "$i"; fi
  printf '.' >&2
done
echo >&2

python3 - "$out" "$pairs" <<'PY'
import json, glob, statistics, sys
out, pairs = sys.argv[1], int(sys.argv[2])
def figures(mode, i):
    js = glob.glob(f"{out}/{mode}-{i}/*/journal.json")
    if not js:
        return None
    j = json.load(open(js[0]))
    s = j["load"]["steps"][0]
    return s["requestsPerSecond"], s["p99Millis"], j["verdict"]
rows = []
print(f"{'pair':>4}  {'req/s on':>9} {'req/s off':>9} {'ratio':>6}   {'p99 on':>7} {'p99 off':>7} {'ratio':>6}")
for i in range(1, pairs + 1):
    a, b = figures("on", i), figures("off", i)
    if not a or not b:
        print(f"{i:>4}  a run left no journal")
        continue
    rows.append((a, b))
    print(f"{i:>4}  {a[0]:9.0f} {b[0]:9.0f} {a[0]/b[0]:6.3f}   {a[1]:7.1f} {b[1]:7.1f} {a[1]/b[1]:6.3f}  {a[2]}/{b[2]}")
if rows:
    med = statistics.median
    on_t, off_t = med(r[0][0] for r in rows), med(r[1][0] for r in rows)
    on_p, off_p = med(r[0][1] for r in rows), med(r[1][1] for r in rows)
    print(f"\nmedians over {len(rows)} pairs: throughput {on_t:.0f} with / {off_t:.0f} without"
          f" = {on_t/off_t - 1:+.1%}; p99 {on_p:.1f} / {off_p:.1f} ms = {on_p/off_p - 1:+.1%}")
    print(f"median of the pairs' ratios: throughput {med(r[0][0]/r[1][0] for r in rows) - 1:+.1%},"
          f" p99 {med(r[0][1]/r[1][1] for r in rows) - 1:+.1%}")
PY
