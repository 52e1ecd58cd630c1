#!/bin/sh
# hotline-backup: dump the hotline database to HOTLINE_BACKUP_DIR and delete dumps older than
# HOTLINE_BACKUP_KEEP_DAYS. Run by deploy/hotline-backup.service (nightly, hotline-backup.timer)
# with the server's own /etc/hotline/hotline.env, or by hand:
#   HOTLINE_DATABASE_URL=postgresql://hotline@127.0.0.1/hotline hotline-backup
# Restore: createdb -O hotline hotline && pg_restore --no-owner -d hotline FILE.dump
# The dump holds contact data and messages encrypted with HOTLINE_DATA_KEY and pseudonyms made
# with HOTLINE_PSEUDONYM_KEY; keep those two keys apart from the dumps: a restore needs them,
# and a dump without them reveals no contact data.
set -eu

url=${HOTLINE_DATABASE_URL:-}
dir=${HOTLINE_BACKUP_DIR:-/var/lib/hotline-backups}
keep=${HOTLINE_BACKUP_KEEP_DAYS:-14}

case "$url" in
postgresql://* | postgresql+*://* | postgres://*) ;;
"")
	echo "hotline-backup: HOTLINE_DATABASE_URL is not set: give the server's (/etc/hotline/hotline.env)" >&2
	exit 2
	;;
*)
	echo "hotline-backup: HOTLINE_DATABASE_URL is not PostgreSQL: back up an SQLite file with the server stopped" >&2
	exit 2
	;;
esac
case "$keep" in
'' | *[!0-9]*)
	echo "hotline-backup: HOTLINE_BACKUP_KEEP_DAYS=$keep: give a number of days, e.g. 14" >&2
	exit 2
	;;
esac
# The server's URL may name its driver (postgresql+asyncpg://); pg_dump takes plain libpq URLs.
url=$(printf '%s' "$url" | sed 's|^postgresql+[a-z0-9]*://|postgresql://|')

umask 077
mkdir -p "$dir"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
file="$dir/hotline-$stamp.dump"
# Written aside and renamed: a dump that failed half-way never looks like a backup.
pg_dump --format=custom --no-owner --dbname="$url" --file="$file.part"
mv "$file.part" "$file"
find "$dir" -maxdepth 1 -name 'hotline-*.dump' -mtime +"$keep" -delete
find "$dir" -maxdepth 1 -name 'hotline-*.dump.part' -mmin +60 -delete
echo "hotline-backup: $file ($(du -k "$file" | cut -f1) kB); dumps kept $keep days in $dir"
