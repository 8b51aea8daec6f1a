#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server on a loopback port for the server-mode test suite and prints
# the DATABASE_URL to use. Installs Debian's postgresql when it is missing (CI machines start bare).
set -euo pipefail
port="${TRELLIS_PG_PORT:-55432}"
dir="${TRELLIS_PG_DIR:-/tmp/trellis-pg-$port}"
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$bin" ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 && apt-get install -y -qq postgresql >&2
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi
run_as() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$1"; else sh -c "$1"; fi; }
if ! run_as "$bin/pg_ctl -D $dir status" >/dev/null 2>&1; then
  rm -rf "$dir" && mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  run_as "$bin/initdb -D $dir -A trust -U postgres -E UTF8 --no-locale" >/dev/null
  run_as "$bin/pg_ctl -D $dir -l $dir/log -w -o '-h 127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=200' start" >/dev/null
fi
echo "postgres://postgres@127.0.0.1:$port/postgres"
