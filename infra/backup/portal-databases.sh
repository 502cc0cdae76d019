#!/usr/bin/env bash
# Dumps and restores the portal's databases: Backstage keeps one PostgreSQL
# database per plugin, named <prefix><plugin id> (backstage_plugin_catalog,
# backstage_plugin_scaffolder, ...), and a backup must hold all of them.
#
#   portal-databases.sh list
#   portal-databases.sh dump <dir>               one pg_dump (custom format) per database + SHA256SUMS
#   portal-databases.sh restore [--replace] <dir>
#
# Connection: the usual libpq variables (PGHOST, PGPORT, PGUSER, PGPASSWORD,
# PGSSLMODE). PORTAL_DB_PREFIX is the backend's backend.database.prefix
# (default backstage_plugin_). Stop the portal (scale it to 0) before a
# restore: --replace drops databases that still exist, with their sessions.
set -euo pipefail

prefix="${PORTAL_DB_PREFIX:-backstage_plugin_}"

die() { printf 'portal-databases: %s\n' "$*" >&2; exit 1; }
log() { printf 'portal-databases: %s\n' "$*" >&2; }

for tool in psql pg_dump pg_restore createdb dropdb sha256sum; do
  command -v "$tool" >/dev/null || die "$tool is not installed (Debian: postgresql-client, the server's major version)."
done

databases() {
  psql -X -At -d postgres -v prefix="$prefix" <<'SQL'
SELECT datname FROM pg_database
WHERE starts_with(datname, :'prefix') AND NOT datistemplate
ORDER BY datname;
SQL
}

exists() {
  [ "$(psql -X -At -d postgres -v name="$1" <<<"SELECT 1 FROM pg_database WHERE datname = :'name';")" = 1 ]
}

dump() {
  local dir=$1
  mkdir -p "$dir"
  local names
  names="$(databases)"
  [ -n "$names" ] || die "no database starts with '$prefix' on ${PGHOST:-the default host}: is PORTAL_DB_PREFIX right?"
  : >"$dir/SHA256SUMS"
  while IFS= read -r db; do
    log "dumping $db"
    pg_dump --format=custom --no-owner --file "$dir/$db.dump" --dbname "$db"
    (cd "$dir" && sha256sum "$db.dump" >>SHA256SUMS)
  done <<<"$names"
  log "dumped $(wc -l <"$dir/SHA256SUMS") databases into $dir"
}

restore() {
  local replace=false
  if [ "${1:-}" = --replace ]; then
    replace=true
    shift
  fi
  local dir=${1:?restore needs the dump folder}
  [ -f "$dir/SHA256SUMS" ] || die "$dir has no SHA256SUMS: not a dump made by this script."
  (cd "$dir" && sha256sum --quiet --check SHA256SUMS) || die "a dump in $dir does not match SHA256SUMS; not restoring."
  local file db
  while read -r _ file; do
    db="${file%.dump}"
    case "$db" in
      "$prefix"*) ;;
      *) die "$file does not start with the prefix '$prefix': set PORTAL_DB_PREFIX to the prefix it was dumped with." ;;
    esac
    if exists "$db"; then
      "$replace" || die "$db exists: stop the portal and pass --replace to drop it, or restore onto another server."
      log "dropping $db"
      dropdb --force "$db"
    fi
    log "restoring $db"
    createdb "$db"
    pg_restore --exit-on-error --no-owner --dbname "$db" "$dir/$file"
  done <"$dir/SHA256SUMS"
  log "restored $(wc -l <"$dir/SHA256SUMS") databases from $dir"
}

case "${1:-}" in
  list) databases ;;
  dump) dump "${2:?dump needs a folder}" ;;
  restore) shift && restore "$@" ;;
  *) die "usage: $0 list | dump <dir> | restore [--replace] <dir>" ;;
esac
