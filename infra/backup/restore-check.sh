#!/bin/sh
# Restores the database into a fresh file and proves it usable: `pragma integrity_check` must say ok,
# then every table's row count is printed. The daily backup job and the restore runbook
# (infra/README.md, "Backups and restore") both run it; infra/checks runs it on a local fake replica.
# Usage: restore-check.sh <fresh database file> [<snapshot file>]
#   with a snapshot (a daily copy from the backup bucket, or any SQLite file): copied with sqlite3's
#   online .backup; without: `litestream restore` from the replica named in $TODO_LITESTREAM_CONFIG.
set -eu
out=$1
snapshot=${2:-}
[ ! -e "$out" ] || { echo "restore-check: $out exists; give a fresh file" >&2; exit 2; }

if [ -n "$snapshot" ]; then
  [ -f "$snapshot" ] || { echo "restore-check: no snapshot at $snapshot" >&2; exit 2; }
  sqlite3 -bail "file:$snapshot?mode=ro" ".backup '$out'"
else
  litestream restore -config "${TODO_LITESTREAM_CONFIG:-/etc/litestream.yml}" -o "$out" "${TODO_DATABASE_FILE:?}"
fi

result=$(sqlite3 -bail "$out" 'pragma integrity_check;')
if [ "$result" != ok ]; then
  echo "restore-check: integrity_check failed for $out:" >&2
  echo "$result" >&2
  exit 1
fi
echo "integrity_check ok $out"
for table in $(sqlite3 "$out" "select name from sqlite_schema where type = 'table' and name not like 'sqlite_%' order by name;"); do
  echo "rows $table $(sqlite3 "$out" "select count(*) from \"$table\";")"
done
