#!/usr/bin/env bash
# Makes a Docker engine usable on a Debian machine: installs docker.io when missing, starts
# dockerd when no engine answers, and waits until it does. Exits non-zero, with the reason,
# when the engine cannot be started.
set -euo pipefail

wait_seconds="${NOODLE_DOCKER_WAIT:-60}"

if ! command -v dockerd >/dev/null 2>&1 || ! command -v docker >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "start-docker: docker.io is not installed; run: sudo apt-get install docker.io" >&2
    exit 1
  fi
  echo "Installing docker.io"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends docker.io >/dev/null
fi

if docker info >/dev/null 2>&1; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "start-docker: no Docker engine answers and only root can start dockerd." >&2
  exit 1
fi

log="${NOODLE_DOCKERD_LOG:-/var/log/noodle-dockerd.log}"
echo "Starting dockerd (log: $log)"
nohup dockerd >"$log" 2>&1 &
for _ in $(seq 1 "$wait_seconds"); do
  if docker info >/dev/null 2>&1; then
    echo "dockerd is up"
    exit 0
  fi
  sleep 1
done
echo "start-docker: dockerd did not answer within ${wait_seconds} s; last lines of $log:" >&2
tail -n 20 "$log" >&2 || true
exit 1
