# Shared by the benchmark scripts: a local cluster of 1 coordinator and N workers.
# Sourced, not run.

bench_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
noodle="$bench_root/deploy/bin/noodle"
pids=()

bench_build() {
  "$bench_root/deploy/setup-tools.sh"
  if [ ! -d "$bench_root/deploy/target/lib" ]; then
    echo "Building Noodle..."
    (cd "$bench_root" && mvn -q -B -DskipTests package)
  fi
}

# bench_cluster PORT WORKERS SLOTS WORKDIR: starts the nodes in the background.
bench_cluster() {
  local port=$1 workers=$2 slots=$3 dir=$4
  local addresses="127.0.0.1:$port..$((port + 9))"
  mkdir -p "$dir"
  NOODLE_HEAP=512m "$noodle" coordinator --port "$port" --port-range 0 \
    --communication-port $((port + 100)) --addresses "$addresses" \
    --data-dir "$dir/coordinator-store" --baseline-timeout 5 > "$dir/coordinator.log" 2>&1 &
  pids+=($!)
  sleep 3
  for i in $(seq 1 "$workers"); do
    NOODLE_HEAP=512m "$noodle" worker --port $((port + i)) --port-range 0 \
      --communication-port $((port + 100 + i)) --addresses "$addresses" --slots "$slots" \
      --work-dir "$dir/worker$i" --baseline-timeout 5 > "$dir/worker$i.log" 2>&1 &
    pids+=($!)
  done
  # Wait until every worker has announced itself.
  for _ in $(seq 1 60); do
    if [ "$("$noodle" nodes --cluster "$addresses" 2>/dev/null | grep -c ' worker ')" -ge "$workers" ]; then
      return 0
    fi
    sleep 1
  done
  echo "bench: the cluster did not come up; see $dir/*.log" >&2
  return 1
}

bench_stop() {
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
}

# Seconds since the epoch with millisecond precision.
now() {
  date +%s.%N
}

# calc EXPRESSION: floating-point arithmetic without bc.
calc() {
  awk "BEGIN { print $1 }"
}
