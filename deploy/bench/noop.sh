#!/usr/bin/env bash
# Benchmark: pushes no-op trials through 1 coordinator + 3 workers on this machine and prints
# trials per second: the control plane's own cost per trial (dispatch, fenced commit, records).
# The "tool" is a tiny script that prints a complete report at once.
#
#   TRIALS   number of trials (default 10000)
#   SLOTS    slots per worker (default 2)
#   PORT     first discovery port of the benchmark cluster (default 47700)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
trials=${TRIALS:-10000}
slots=${SLOTS:-2}
port=${PORT:-47700}

bench_build
work=$(mktemp -d /tmp/noodle-bench-noop.XXXXXX)
trap bench_stop EXIT

cat > "$work/noop-sta" <<'TOOL'
#!/bin/sh
# Stands in for sta: answers at once with a complete, minimal report.
[ "$1" = "-version" ] && { echo "noop 1"; exit 0; }
printf 'noodle_units time=1ns\nwns 0.000\ntns 0.000\nworst slack 0.100\nnoodle_done\n'
: > netlist.v
TOOL
chmod +x "$work/noop-sta"
printf 'module noop; endmodule\n' > "$work/noop.v"
printf '# no constraints\n' > "$work/noop.sdc"
: > "$work/tick.tcl"
values=$(seq -s, 1 "$trials")
cat > "$work/study.yaml" <<YAML
name: bench_noop
design:
  top: noop
  liberty: /usr/share/qflow/tech/osu018/osu018_stdcells.lib
  sdc: noop.sdc
  netlist: noop.v
tools:
  sta: ./noop-sta
custom_ecos:
  - name: tick
    class: topology_neutral
    tcl: tick.tcl
    parameters:
      - { name: n, type: int, min: 1, max: $trials }
stages:
  - name: noop
    trial_budget: $trials
    survivors: 1
    abort: { max_failure_rate: 1.0 }
    ecos:
      - eco: tick
        parameters: { n: [$values] }
YAML

bench_cluster "$port" 3 "$slots" "$work/cluster"
echo "Pushing $trials no-op trials through 3 workers x $slots slots..."
t0=$(now)
"$noodle" run "$work/study.yaml" --cluster "127.0.0.1:$port..$((port + 9))" --out "$work/out" \
  --no-cache > "$work/noodle-run.log"
t1=$(now)
secs=$(calc "$t1 - $t0")
done_trials=$(grep -o '"total" : [0-9]*' "$work/out/bench_noop/summary.json" | head -1 | grep -o '[0-9]*$')
echo
printf 'trials:      %d finished (%s)\n' "$done_trials" "$(grep -o '"status" : "[a-z]*"' "$work/out/bench_noop/summary.json" | head -1)"
printf 'wall:        %.1f s (including joining the cluster and writing the outputs)\n' "$secs"
printf 'throughput:  %.1f trials/s\n' "$(calc "$done_trials / $secs")"
echo "work folder: $work"
