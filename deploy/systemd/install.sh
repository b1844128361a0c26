#!/usr/bin/env bash
# Installs a built Noodle tree as systemd services on this machine:
#   /opt/noodle/deploy/bin/noodle and /opt/noodle/deploy/target/lib   the launcher and class path
#   /opt/noodle/docs                                                   the documentation
#   user and group 'noodle', /var/lib/noodle (its working folder)
#   /etc/noodle/coordinator.yaml, /etc/noodle/worker.yaml             kept when already there
#   /etc/systemd/system/noodle-coordinator.service, noodle-worker.service
# Safe to run again after a new build: the program files are replaced, the configs are kept.
# It enables and starts nothing; see the last lines it prints.
#
#   sudo deploy/systemd/install.sh            from the project folder, after the build
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tree="$(cd "$here/../.." && pwd)"
prefix=/opt/noodle
state=/var/lib/noodle
etc=/etc/noodle
units=/etc/systemd/system

if [ "$(id -u)" -ne 0 ]; then
  echo "install: must run as root (it creates the noodle user and writes to $prefix," >&2
  echo "install: $state, $etc and $units); run: sudo $0" >&2
  exit 1
fi
if [ ! -d "$tree/deploy/target/lib" ] || [ ! -x "$tree/deploy/bin/noodle" ]; then
  echo "install: no build in $tree/deploy/target/lib; build first from $tree:" >&2
  echo "  mvn -q -B -DskipTests package" >&2
  exit 1
fi
command -v java >/dev/null 2>&1 || echo "install: warning: java is not on the PATH;" \
  "install openjdk-17-jre-headless (or run deploy/setup-tools.sh)" >&2

if ! getent group noodle >/dev/null; then
  groupadd --system noodle
fi
if ! id -u noodle >/dev/null 2>&1; then
  useradd --system --gid noodle --home-dir "$state" --no-create-home \
    --shell /usr/sbin/nologin noodle
fi

# Program files: replaced as a whole so no jar of an older build stays on the class path.
install -d -m 0755 "$prefix/deploy/bin" "$prefix/deploy/target" "$prefix/docs"
install -m 0755 "$tree/deploy/bin/noodle" "$prefix/deploy/bin/noodle"
rm -rf "$prefix/deploy/target/lib.new"
cp -r "$tree/deploy/target/lib" "$prefix/deploy/target/lib.new"
rm -rf "$prefix/deploy/target/lib"
mv "$prefix/deploy/target/lib.new" "$prefix/deploy/target/lib"
chmod -R a+rX "$prefix/deploy/target/lib"
cp "$tree"/docs/*.md "$prefix/docs/"

install -d -m 0750 -o noodle -g noodle "$state" "$state/work"
install -d -m 0755 "$etc"
for role in coordinator worker; do
  if [ -e "$etc/$role.yaml" ]; then
    echo "Kept $etc/$role.yaml"
  else
    install -m 0644 "$here/$role.yaml" "$etc/$role.yaml"
    echo "Installed $etc/$role.yaml (an example: set host and addresses)"
  fi
  install -m 0644 "$here/noodle-$role.service" "$units/noodle-$role.service"
done
if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
  systemctl daemon-reload
fi

echo "Installed Noodle in $prefix, units noodle-coordinator and noodle-worker."
echo "Next: edit $etc/coordinator.yaml or $etc/worker.yaml, then one of"
echo "  systemctl enable --now noodle-coordinator"
echo "  systemctl enable --now noodle-worker"
