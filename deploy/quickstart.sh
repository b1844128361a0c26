#!/usr/bin/env bash
# The main job on one machine: install what is missing, build, and run the reference study on
# an embedded Ignite node. Results go to out/quickstart/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

deploy/setup-tools.sh
echo "Building Noodle..."
mvn -q -B -Dstyle.color=never -DskipTests clean package
deploy/bin/noodle run studies/quickstart/study.yaml --out out "$@"
