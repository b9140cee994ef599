#!/usr/bin/env bash
# The README's second command: install what is missing, build and run the
# whole test suite. Extra arguments go to `meson setup` (CI passes
# -Dwerror=true -Db_sanitize=address,undefined). Ends with a line
# "N passed, N failed[, N skipped]" counting every test case.
set -uo pipefail
cd "$(dirname "$0")/.."

bash build-aux/install-deps.sh --with-zh-locale || exit 1
builddir=${SANZHANG_BUILDDIR:-_build}
if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir" "$@" || exit 1
elif [ $# -gt 0 ]; then
  meson configure "$builddir" "$@" || exit 1
fi
meson compile -C "$builddir" || exit 1

meson test -C "$builddir" --print-errorlogs --num-processes 2
status=$?

# meson counts test programs; count the TAP test cases inside them.
python3 - "$builddir/meson-logs/testlog.json" <<'PY'
import json, re, sys
passed = failed = skipped = 0
for line in open(sys.argv[1], encoding="utf-8"):
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
