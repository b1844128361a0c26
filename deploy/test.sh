#!/usr/bin/env bash
# The whole test suite: install what is missing, then unit tests (Surefire) and integration
# tests that run the real yosys and sta on embedded Ignite nodes, as local processes and in
# containers of the tool image on a real Docker engine (Failsafe).
#
# Docker: docker.io is installed and dockerd started when needed, and the tool image is built
# from deploy/images/ (or reused when the tag of its recipe hash exists). With CI=true a Docker
# that cannot start fails the run; elsewhere the Docker tests are skipped and say why.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

deploy/setup-tools.sh

docker_problem=""
if ! deploy/images/start-docker.sh; then
  docker_problem="no Docker engine could be started"
elif ! image="$(deploy/images/build.sh | tail -n 1)"; then
  docker_problem="the tool image could not be built (deploy/images/build.sh)"
else
  export NOODLE_TOOL_IMAGE="$image"
  echo "Docker tests use tool image $NOODLE_TOOL_IMAGE"
fi
if [ -n "$docker_problem" ]; then
  if [ "${CI:-}" = "true" ]; then
    echo "test: CI=true and $docker_problem; the Docker integration tests need it" >&2
    exit 1
  fi
  echo "test: $docker_problem; the Docker integration tests will be skipped" >&2
fi

mvn -B -Dstyle.color=never clean verify "$@"
