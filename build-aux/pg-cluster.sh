#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the tests.
#
#   bash build-aux/pg-cluster.sh start DIR
#       DIR: an empty folder the caller made (mktemp -d).  Makes a cluster
#       in DIR/data and starts it, its unix socket in DIR and TCP on
#       127.0.0.1 at a free port from 54320 up.  Prints on stdout only
#           SANZHANG_TEST_PG_HOST=DIR
#           SANZHANG_TEST_PG_PORT=N
#       (for eval).  User "postgres", no password (trust).  On failure it
#       says why on stderr, removes what it made, DIR included, and exits 1.
#   bash build-aux/pg-cluster.sh stop DIR
#       Stops it (fast, then immediate, then SIGKILL) and removes DIR.
#
# The cluster is for tests only: fsync, synchronous_commit and
# full_page_writes are off.  initdb and pg_ctl refuse root: as root the
# server runs as the "postgres" system user and DIR is given to it.
set -uo pipefail

bindir=/usr/lib/postgresql/15/bin   # not /usr/local/bin: another initdb lives there
first_port=54320
last_port=54419
marker=.sanzhang-pg-cluster

# Messages go to the stderr the script was started with (fd 9), also from a
# trap that runs inside a redirected command.
exec 9>&2
say() { printf 'pg-cluster: %s\n' "$*" >&9; }

usage() {
  echo "usage: bash $0 start|stop DIR" >&2
  exit 2
}

# Settings from the environment must not send psql or pg_ctl elsewhere.
for v in $(compgen -e); do
  case $v in PG*) unset "$v" ;; esac
done

[ $# -eq 2 ] || usage
cmd=$1
case $cmd in start|stop) ;; *) usage ;; esac
[ -n "$2" ] || usage
if [ -d "$2" ]; then
  dir=$(cd "$2" && pwd -P) || exit 1
elif [ "$cmd" = stop ] && [ ! -e "$2" ]; then
  exit 0   # already gone (a failed start removes it)
else
  say "$2 is not a folder"
  exit 1
fi
# Absolute paths from here on; the caller's folder may be closed to the
# postgres user.
cd / || exit 1

am_root=0
[ "$(id -u)" -eq 0 ] && am_root=1

# Runs a command as the owner of the cluster: "postgres" for root,
# else oneself.
run_as_owner() {
  if [ "$am_root" = 1 ]; then
    runuser -u "$owner" -- "$@"
  else
    "$@"
  fi
}

server_running() {
  [ -f "$dir/data/postmaster.pid" ] && run_as_owner "$bindir/pg_ctl" status -D "$dir/data" >/dev/null 2>&1
}

stop_server() {
  [ -f "$dir/data/postmaster.pid" ] || return 0
  if server_running; then
    run_as_owner "$bindir/pg_ctl" stop -D "$dir/data" -m fast -w -t 30 >/dev/null 2>&1
  fi
  if server_running; then
    say "the server did not stop in 30 s (fast): stopping it at once"
    run_as_owner "$bindir/pg_ctl" stop -D "$dir/data" -m immediate -w -t 30 >/dev/null 2>&1
  fi
  local pid
  pid=$(head -n 1 "$dir/data/postmaster.pid" 2>/dev/null)
  if [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null \
     && [ "$(readlink "/proc/$pid/exe" 2>/dev/null)" = "$bindir/postgres" ]; then
    say "the server (pid $pid) is still there: killing it"
    local children
    children=$(pgrep -P "$pid" || true)
    # shellcheck disable=SC2086  # a list of pids
    kill -KILL "$pid" $children 2>/dev/null
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
}

if [ "$cmd" = stop ]; then
  if [ ! -f "$dir/$marker" ]; then
    # A start that failed before making anything leaves the caller's
    # empty folder.
    rmdir "$dir" 2>/dev/null && exit 0
    say "$dir was not made by pg-cluster.sh start: left alone"
    exit 1
  fi
  owner=$(stat -c %U "$dir")
  stop_server
  rm -rf "$dir"
  if [ -e "$dir" ]; then
    say "could not remove $dir"
    exit 1
  fi
  exit 0
fi

# ---- start ----

made=0   # whether DIR is ours to remove on failure
port=

fail() {
  say "$*"
  if [ -s "$dir/server.log" ]; then
    say "the end of $dir/server.log:"
    tail -n 20 "$dir/server.log" >&9
  fi
  if [ "$made" = 1 ]; then
    stop_server
    rm -rf "$dir"
  fi
  exit 1
}
trap 'fail "interrupted"' INT TERM HUP

for tool in initdb pg_ctl postgres psql; do
  [ -x "$bindir/$tool" ] || fail "$bindir/$tool is missing (Debian: apt-get install postgresql-15)"
done
# The socket's path goes into postgresql.conf and a sockaddr_un (107 bytes).
[[ $dir =~ ^[A-Za-z0-9._/-]+$ ]] || fail "$dir: only letters, digits and . _ - / please"
sock="/.s.PGSQL.$last_port"
[ $(( ${#dir} + ${#sock} )) -le 107 ] || fail "$dir is too long for a unix socket's path"
if [ -n "$(ls -A "$dir")" ]; then
  fail "$dir is not empty"
fi

made=1
: >"$dir/$marker" || fail "cannot write in $dir"

if [ "$am_root" = 1 ]; then
  owner=postgres
  if ! getent passwd "$owner" >/dev/null; then
    useradd --system --user-group --home-dir /var/lib/postgresql --no-create-home \
      --shell /usr/sbin/nologin "$owner" || fail "cannot create the system user $owner"
  fi
  chown "$owner:" "$dir" || fail "cannot give $dir to $owner"
else
  owner=$(id -un)
fi
chmod 755 "$dir" || fail "cannot chmod $dir"
run_as_owner test -w "$dir" || fail "$owner cannot write in $dir (is a folder above it closed?)"

if ! run_as_owner "$bindir/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 \
       --no-sync --no-instructions >"$dir/initdb.log" 2>&1; then
  cat "$dir/initdb.log" >&9
  fail "initdb failed"
fi

cat >>"$dir/data/postgresql.conf" <<EOF

# pg-cluster.sh: a throwaway cluster for the tests
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 100
shared_buffers = 128MB
EOF

# Whether something answers on 127.0.0.1:$1.
port_taken() {
  timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null
}

for p in $(seq "$first_port" "$last_port"); do
  port_taken "$p" && continue
  rm -f "$dir/server.log"
  if run_as_owner "$bindir/pg_ctl" start -D "$dir/data" -l "$dir/server.log" -o "-p $p" \
       -w -t 120 >/dev/null 2>"$dir/pg_ctl.err"; then
    port=$p
    break
  fi
  # Taken between the check and the start (another run beside this one):
  # the next one.
  if grep -qE 'could not bind|Address already in use|could not create any TCP/IP sockets' \
       "$dir/server.log" 2>/dev/null && ! server_running; then
    continue
  fi
  cat "$dir/pg_ctl.err" >&9
  fail "the server did not start"
done
[ -n "$port" ] || fail "no free port in $first_port-$last_port"

psql_q() {
  "$bindir/psql" -X -q -A -t -v ON_ERROR_STOP=1 -U postgres -d postgres -p "$port" "$@"
}
# Through the socket (as the caller: for root, not the server's user), and
# the ICU collation the core sorts names by.
got=$(psql_q -h "$dir" -c "SELECT collname FROM pg_collation WHERE collname = 'zh-x-icu'") \
  || fail "psql cannot connect through the socket in $dir"
[ "$got" = zh-x-icu ] || fail "the server has no ICU collation zh-x-icu (PostgreSQL built without ICU?)"
# Through TCP on the loopback, to this server and not another one.
got=$(psql_q -h 127.0.0.1 -c "SHOW data_directory") \
  || fail "psql cannot connect to 127.0.0.1:$port"
[ "$got" = "$dir/data" ] || fail "127.0.0.1:$port is another server ($got)"

echo "SANZHANG_TEST_PG_HOST=$dir"
echo "SANZHANG_TEST_PG_PORT=$port"
