#!/usr/bin/env bash
# Prints the tool image's recipe hash: the first 12 hex digits of the SHA-256 over the recipe
# files (build.sh and packages.txt), so the same recipe always gives the same image tag.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cat "$here/build.sh" "$here/packages.txt" | sha256sum | cut -c1-12
