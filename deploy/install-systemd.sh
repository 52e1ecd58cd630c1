#!/bin/bash
# install-systemd.sh: hotline under systemd on Debian or Ubuntu (deploy/README.md, steps 1, 3, 4
# and 8 in one): the system user `hotline`, the program in /opt/hotline/.venv, the settings file
# /etc/hotline/hotline.env (from the example, only if there is none yet), the data folder
# /var/lib/hotline, the backup script and the unit files. Run as root, from a checkout:
#   deploy/install-systemd.sh [WHEEL_OR_SOURCE_FOLDER]      (default: this checkout)
# Run it again for an upgrade: it sets what is there to what it should be and never touches an
# existing hotline.env. PostgreSQL's role and database, the keys and the proxy are yours
# (deploy/README.md, steps 2, 3 and 5); it starts nothing.
# HOTLINE_ROOT=/some/folder installs under that folder instead of / (to look at the result, or
# for a test): no user is created, nothing changes owner, systemctl is not called.
set -euo pipefail

say() { printf 'install-systemd: %s\n' "$*"; }
fail() {
	printf 'install-systemd: %s\n' "$*" >&2
	exit 2
}

here=$(cd "$(dirname "$0")" && pwd)
source=${1:-$(dirname "$here")}
root=${HOTLINE_ROOT:-}
root=${root%/}
venv=$root/opt/hotline/.venv

case "$source" in
*.whl) [ -f "$source" ] || fail "$source: no such wheel; give a wheel or a source folder" ;;
*) [ -f "$source/pyproject.toml" ] || fail "$source: not a hotline wheel or source folder (no pyproject.toml)" ;;
esac
if [ -z "$root" ] && [ "$(id -u)" != 0 ]; then
	fail "run as root (sudo $0), or set HOTLINE_ROOT to a folder to install under"
fi
command -v python3 >/dev/null || fail "no python3: apt-get install python3-venv"

# owner USER:GROUP PATH: ownership, except under HOTLINE_ROOT.
owner() {
	if [ -z "$root" ]; then chown "$1" "$2"; fi
}

if [ -z "$root" ]; then
	getent group hotline >/dev/null || groupadd --system hotline
	if ! id -u hotline >/dev/null 2>&1; then
		useradd --system --gid hotline --home-dir /var/lib/hotline --no-create-home \
			--shell /usr/sbin/nologin hotline
		say "created the system user hotline"
	fi
fi

install -d -m 0755 "$root/opt/hotline"
if [ ! -x "$venv/bin/python" ]; then
	python3 -m venv "$venv" || fail "python3 -m venv failed: apt-get install python3-venv"
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check "$source"
say "installed $("$venv/bin/pip" show hotline | sed -n 's/^Version: /hotline /p') into $venv"

install -d -m 0750 "$root/etc/hotline"
owner root:hotline "$root/etc/hotline"
if [ -e "$root/etc/hotline/hotline.env" ]; then
	say "kept $root/etc/hotline/hotline.env"
else
	install -m 0600 "$here/hotline.env.example" "$root/etc/hotline/hotline.env"
	owner root:hotline "$root/etc/hotline/hotline.env"
	say "wrote $root/etc/hotline/hotline.env from the example: put in the keys, URLs and Twilio's account"
fi

install -d -m 0700 "$root/var/lib/hotline"
owner hotline:hotline "$root/var/lib/hotline"

install -d -m 0755 "$root/usr/local/bin" "$root/etc/systemd/system"
install -m 0755 "$here/hotline-backup.sh" "$root/usr/local/bin/hotline-backup"
install -m 0644 "$here/hotline.service" "$here/hotline-backup.service" \
	"$here/hotline-backup.timer" "$root/etc/systemd/system/"
say "installed hotline.service, hotline-backup.service and .timer into $root/etc/systemd/system"

if [ -n "$root" ]; then
	say "systemctl skipped: installed under HOTLINE_ROOT=$root"
elif [ -d /run/systemd/system ]; then
	systemctl daemon-reload
	say "next: edit /etc/hotline/hotline.env (deploy/README.md, steps 2 and 3), then systemctl enable --now hotline hotline-backup.timer"
else
	say "systemctl skipped: systemd is not running here (a container?); run systemctl daemon-reload where it is"
fi
