#!/usr/bin/env bash
# Benchmark: the same real sta trials (a parameter sweep of the reference design) run once
# through Noodle on 1 coordinator + 3 workers on this machine, and once by GNU parallel at the
# same total parallelism. Prints both wall times and their ratio.
#
#   TRIALS   number of trials (default 1000)
#   SLOTS    slots per worker (default 1; GNU parallel runs 3 x SLOTS jobs at once)
#   PORT     first discovery port of the benchmark cluster (default 47600)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
trials=${TRIALS:-1000}
slots=${SLOTS:-1}
port=${PORT:-47600}
workers=3
jobs=$((workers * slots))

bench_build
command -v parallel >/dev/null 2>&1 || {
  echo "Installing GNU parallel..."
  apt-get install -y -qq parallel >/dev/null
}
work=$(mktemp -d /tmp/noodle-bench-sweep.XXXXXX)
trap bench_stop EXIT

# One stage, one parent: upsizing on the N worst paths for N = 1..TRIALS, each a distinct trial.
values=$(seq -s, 1 "$trials")
cp -r "$bench_root/studies/quickstart/rtl" "$bench_root/studies/quickstart/constraints.sdc" "$work/"
cat > "$work/study.yaml" <<YAML
name: bench_sweep
safety_domain: locked
design:
  top: mac_alu
  liberty: /usr/share/qflow/tech/osu018/osu018_stdcells.lib
  sdc: constraints.sdc
  rtl: [rtl/regfile8x16.v, rtl/alu16.v, rtl/mac_alu.v]
stages:
  - name: sweep
    trial_budget: $trials
    survivors: 1
    abort: { max_failure_rate: 1.0 }
    ecos:
      - eco: upsize_critical
        parameters: { paths: [$values], steps: 1 }
YAML

bench_cluster "$port" "$workers" "$slots" "$work/cluster"
echo "Noodle: $trials trials on $workers workers x $slots slots..."
t0=$(now)
"$noodle" run "$work/study.yaml" --cluster "127.0.0.1:$port..$((port + 9))" --out "$work/out" \
  --no-cache > "$work/noodle-run.log"
t1=$(now)
bench_stop
noodle_s=$(calc "$t1 - $t0")

# The very scripts the workers ran, each in a fresh folder, run by GNU parallel.
mkdir -p "$work/parallel"
for tcl in "$work"/cluster/worker*/bench_sweep/trials/mac_alu_0_*/trial.tcl; do
  d="$work/parallel/$(basename "$(dirname "$tcl")")"
  mkdir -p "$d"
  cp "$tcl" "$d/"
  # The scripts read the snapshot through a 'snapshot' link beside them, as in Noodle.
  ln -s "$(readlink "$(dirname "$tcl")/snapshot")" "$d/snapshot"
done
count=$(ls "$work/parallel" | wc -l)
echo "GNU parallel: $count trials, $jobs at once..."
t0=$(now)
ls -d "$work"/parallel/* | parallel -j "$jobs" \
  'cd {} && sta -no_splash -exit trial.tcl > sta.stdout.log 2> sta.stderr.log'
t1=$(now)
parallel_s=$(calc "$t1 - $t0")
finished=$(grep -l '^noodle_done' "$work"/parallel/*/sta.stdout.log | wc -l)
if [ "$finished" -ne "$count" ]; then
  echo "bench: only $finished of $count GNU parallel runs finished their script" >&2
  exit 1
fi

echo
printf 'trials:          %d (parallelism %d)\n' "$trials" "$jobs"
printf 'noodle cluster:  %.1f s (includes synthesis of the base snapshot and the base case)\n' "$noodle_s"
printf 'gnu parallel:    %.1f s\n' "$parallel_s"
printf 'ratio:           %.2f (noodle / parallel)\n' "$(calc "$noodle_s / $parallel_s")"
echo "work folder: $work"
