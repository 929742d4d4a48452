#!/bin/sh
# The daily backup (Cloud Run job todo-backup, infra/terraform/backup.tf): restores the replica into a
# fresh file, checks it (restore-check.sh), and copies the verified file and its report into the
# backup bucket, mounted at $BACKUP_DIR. The bucket's locked retention policy keeps every copy for its
# retention period; this job's account may create objects there, not delete them.
set -eu
here=$(dirname "$0")
stamp=$(date -u +%Y-%m-%dT%H%M%SZ)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$here/restore-check.sh" "$work/todo.db" ${1:+"$1"} | tee "$work/report.txt"
dest="${BACKUP_DIR:?}/$stamp"
mkdir -p "$dest"
cp "$work/todo.db" "$dest/todo.db"
cp "$work/report.txt" "$dest/report.txt"
echo "backup: $dest/todo.db"
