#!/bin/bash
# Many staff on one server, briefly: tests/bench/bench-server with 4
# clients for 8 seconds against a new database of the test cluster.  It
# fails on a lost update or a record whose state is not its history's
# fold, never on time (the figures are printed for the log).
set -uo pipefail
bench=${1:?the path of bench-server}
if [ -z "${SANZHANG_TEST_PG_HOST:-}" ] || [ -z "${SANZHANG_TEST_PG_PORT:-}" ]; then
  echo "1..0 # SKIP no PostgreSQL cluster (build-aux/pg-cluster.sh)"
  exit 77
fi
echo "1..2"
db="sz_load_$$"
out=$("$bench" --server "postgresql:///$db?host=$SANZHANG_TEST_PG_HOST&port=$SANZHANG_TEST_PG_PORT&user=postgres" \
        --clients 4 --seconds 8 2>&1)
rc=$?
echo "$out" | sed 's/^/# /'
if [ $rc -eq 0 ]; then echo "ok 1 - the load ran and every acknowledged action is there"; else echo "not ok 1 - bench-server exited $rc"; fi
if echo "$out" | grep -q '^lost updates *0$' && echo "$out" | grep -q '^states ≠ history *0$'; then
  echo "ok 2 - no lost update, every state is its history's fold"
else
  echo "not ok 2 - lost updates or broken states"
fi
psql -X -q -h "$SANZHANG_TEST_PG_HOST" -p "$SANZHANG_TEST_PG_PORT" -U postgres -d postgres \
  -c "DROP DATABASE IF EXISTS \"$db\"" >/dev/null 2>&1 || true
[ $rc -eq 0 ]
