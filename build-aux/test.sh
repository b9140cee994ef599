#!/usr/bin/env bash
# The README's second command: install what is missing, build and run the
# whole test suite. Extra arguments go to `meson setup` (CI passes
# -Dwerror=true -Db_sanitize=address,undefined). Ends with a line
# "N passed, N failed[, N skipped]" counting every test case.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1

bash build-aux/install-deps.sh --with-zh-locale || exit 1
builddir=${SANZHANG_BUILDDIR:-_build}

# SANZHANG_PKG_TEST=1 (CI sets it) also builds the Debian package and tries
# it in a clean Debian 12 root (tests/pkg/test-deb.sh, as root).  It runs
# beside the suite: most of its time is downloading.
pkg_pid=
pkg_log=
if [ "${SANZHANG_PKG_TEST:-0}" = 1 ]; then
  pkg_log=$(mktemp /tmp/sanzhang-pkg-test.XXXXXX)
  bash tests/pkg/test-deb.sh >"$pkg_log" 2>&1 &
  pkg_pid=$!
fi
if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir" "$@" || exit 1
elif [ $# -gt 0 ]; then
  meson configure "$builddir" "$@" || exit 1
fi
meson compile -C "$builddir" || exit 1

# A throwaway PostgreSQL 15 cluster (build-aux/pg-cluster.sh) for the
# suite: the tests in tests/pg/ use it (they skip without it), and the core
# suite runs a second time against it.  It goes on any exit, Ctrl-C too.
unset SANZHANG_TEST_PG_HOST SANZHANG_TEST_PG_PORT
pg_bindir=/usr/lib/postgresql/15/bin
pg_dir=
stop_pg() {
  if [ -n "$pg_dir" ]; then
    bash build-aux/pg-cluster.sh stop "$pg_dir" \
      || echo "Could not stop the PostgreSQL test cluster in $pg_dir." >&2
    pg_dir=
  fi
}
trap stop_pg EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
if [ -x "$pg_bindir/postgres" ] && [ -x "$pg_bindir/initdb" ]; then
  pg_dir=$(mktemp -d /tmp/sanzhang-pg.XXXXXX)
  if pg_env=$(bash build-aux/pg-cluster.sh start "$pg_dir") && eval "$pg_env" \
     && [ -n "${SANZHANG_TEST_PG_HOST:-}" ] && [ -n "${SANZHANG_TEST_PG_PORT:-}" ]; then
    export SANZHANG_TEST_PG_HOST SANZHANG_TEST_PG_PORT
    echo "PostgreSQL test cluster: socket in $SANZHANG_TEST_PG_HOST, port $SANZHANG_TEST_PG_PORT."
  else
    unset SANZHANG_TEST_PG_HOST SANZHANG_TEST_PG_PORT
    echo "WARNING: the PostgreSQL test cluster did not start (see above): the PostgreSQL tests skip, and the core suite does not run against PostgreSQL." >&2
  fi
else
  echo "WARNING: no PostgreSQL 15 in $pg_bindir: the PostgreSQL tests skip, and the core suite does not run against PostgreSQL." >&2
fi

meson test -C "$builddir" --print-errorlogs --num-processes 2
status=$?
logs=("$builddir/meson-logs/testlog.json")
missing_logs=0

# The core suite again, on PostgreSQL (the setup "pg" of tests/meson.build).
# meson names the log of a setup's run testlog-SETUP.json.
if [ -n "${SANZHANG_TEST_PG_HOST:-}" ]; then
  pg_log="$builddir/meson-logs/testlog-pg.json"
  rm -f "$pg_log"
  echo "---- the core suite on PostgreSQL ----"
  meson test -C "$builddir" --setup pg --suite core-db --print-errorlogs --num-processes 2 || status=1
  if [ -f "$pg_log" ]; then
    logs+=("$pg_log")
  else
    echo "The core suite's run on PostgreSQL left no $pg_log." >&2
    missing_logs=$((missing_logs + 1))
    status=1
  fi
else
  echo "No PostgreSQL test cluster: the core suite did not run a second time, on PostgreSQL."
fi
stop_pg

# The parsers of outside input (CSV, .xlsx, .xls) are fuzzed for a short
# while when clang's libFuzzer is there: a build of their targets alone,
# with the sanitizers, in a folder of its own.  SANZHANG_FUZZ_SECONDS=0
# leaves it out.
fuzz_seconds=${SANZHANG_FUZZ_SECONDS:-20}
if [ "$fuzz_seconds" -gt 0 ] && command -v clang >/dev/null 2>&1 \
   && echo 'int LLVMFuzzerTestOneInput(const char*d,unsigned long n){return 0;}' \
        | clang -x c -fsanitize=fuzzer - -o /dev/null 2>/dev/null; then
  fuzzdir="$builddir-fuzz"
  if [ ! -f "$fuzzdir/build.ninja" ]; then
    CC=clang meson setup "$fuzzdir" -Dfuzzing=true -Dfuzz_seconds="$fuzz_seconds" -Dbenchmarks=false \
      -Db_sanitize=address,undefined -Dbuildtype=debugoptimized >/dev/null || status=1
  else
    meson configure "$fuzzdir" -Dfuzz_seconds="$fuzz_seconds" >/dev/null || status=1
  fi
  if meson compile -C "$fuzzdir" fuzz-csv fuzz-xlsx fuzz-xls >/dev/null; then
    meson test -C "$fuzzdir" --suite fuzz --no-rebuild --print-errorlogs --num-processes 2 || status=1
    logs+=("$fuzzdir/meson-logs/testlog.json")
  else
    echo "The fuzz targets did not build." >&2
    status=1
  fi
else
  echo "No clang with libFuzzer here: the parsers' seed corpora ran in the suite, without fuzzing."
fi

pkg_rc=
if [ -n "$pkg_pid" ]; then
  wait "$pkg_pid"
  pkg_rc=$?
  echo "---- tests/pkg/test-deb.sh (exit $pkg_rc) ----"
  cat "$pkg_log"
  rm -f "$pkg_log"
  case $pkg_rc in 0|77) ;; *) status=1 ;; esac
fi

# meson counts test programs; count the TAP test cases inside them.
PKG_RC=$pkg_rc MISSING_LOGS=$missing_logs python3 - "${logs[@]}" <<'PY'
import json, os, re, sys
passed = failed = skipped = 0
failed += int(os.environ.get("MISSING_LOGS") or 0)  # a run that left no log
pkg = os.environ.get("PKG_RC", "")
if pkg == "0": passed += 1
elif pkg == "77": skipped += 1
elif pkg: failed += 1
lines = [l for path in sys.argv[1:] for l in open(path, encoding="utf-8")]
for line in lines:
    t = json.loads(line)
    cases = [l for l in (t.get("stdout") or "").splitlines() if re.match(r"(not )?ok \d+", l)]
    if not cases:  # a program that died before its plan, or a non-TAP test
        if t["result"] in ("OK", "EXPECTEDFAIL"): passed += 1
        elif t["result"] == "SKIP": skipped += 1
        else: failed += 1
        continue
    for c in cases:
        if "# SKIP" in c: skipped += 1
        elif c.startswith("ok"): passed += 1
        else: failed += 1
    if t["result"] not in ("OK", "SKIP", "EXPECTEDFAIL") and not any(c.startswith("not ok") for c in cases):
        failed += 1  # crashed after its last reported case
line = f"{passed} passed, {failed} failed"
if skipped: line += f", {skipped} skipped"
print(line)
PY
exit $status
