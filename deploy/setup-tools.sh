#!/usr/bin/env bash
# Installs what Noodle needs on a Debian machine when it is missing: JDK 17, Maven, and the EDA
# tools the reference study runs (OpenSTA, Yosys, the OSU 0.18 um standard-cell library).
# Uses apt-get as root, or through sudo; otherwise says exactly what to install.
set -euo pipefail

missing=()
command -v java >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || missing+=(maven)
command -v sta >/dev/null 2>&1 || missing+=(opensta)
command -v yosys >/dev/null 2>&1 || missing+=(yosys)
[ -f /usr/share/qflow/tech/osu018/osu018_stdcells.lib ] || missing+=(qflow-tech-osu018)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "Installing missing packages: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo)
else
  echo "setup: cannot install packages (not root and no password-less sudo)." >&2
  echo "setup: install them yourself, then run this command again:" >&2
  echo "  sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup: apt-get not found; this script installs on Debian or Ubuntu only." >&2
  echo "setup: install these yourself: ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "Installed: ${missing[*]}"
