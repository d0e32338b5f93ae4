#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 on 127.0.0.1 and a free port, as the postgres user (the server refuses root).
# Prints the connection URL on stdout. Usage: url=$(bash .ci/postgres.sh start <dir>); bash .ci/postgres.sh stop <dir>
# `bash .ci/postgres.sh resume <dir>` starts a stopped server again on the same port (the fault tests restart it).
set -euo pipefail
cmd=${1:?start|stop}
dir=${2:?data directory}

run_as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }

start_server() {
  local pg_ctl=$1 port=$2
  run_as_pg "'$pg_ctl' -D '$dir/data' -l '$dir/postgres.log' -w -t 60 -o \"-h 127.0.0.1 -p $port -k '$dir' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200\" start >/dev/null"
}

find_bin() {
  local name=$1 candidate
  if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return; fi
  for candidate in /usr/lib/postgresql/*/bin/"$name"; do
    [ -x "$candidate" ] && { echo "$candidate"; return; }
  done
  return 1
}

case "$cmd" in
  start)
    if ! find_bin initdb >/dev/null; then
      echo "installing postgresql from Debian" >&2
      apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
    fi
    initdb=$(find_bin initdb); pg_ctl=$(find_bin pg_ctl)
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
    run_as_pg "'$initdb' -D '$dir/data' -U postgres --auth=trust -E UTF8 >/dev/null"
    echo "$port" > "$dir/data/.ci-port"
    start_server "$pg_ctl" "$port"
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  resume)
    start_server "$(find_bin pg_ctl)" "$(cat "$dir/data/.ci-port")"
    ;;
  stop)
    pg_ctl=$(find_bin pg_ctl)
    if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "'$pg_ctl' -D '$dir/data' -m fast stop" >/dev/null 2>&1 || true
    else "$pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true; fi
    ;;
esac
