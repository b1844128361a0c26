#!/usr/bin/env bash
# The whole test suite: install what is missing, then unit tests (Surefire) and integration
# tests that run the real yosys and sta on embedded Ignite nodes (Failsafe).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

deploy/setup-tools.sh
mvn -B -Dstyle.color=never clean verify "$@"
