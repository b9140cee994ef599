#!/usr/bin/env bash
# The README's first command: install what is missing, build, create the
# demo database (once) and show it.
set -euo pipefail
cd "$(dirname "$0")/.."

bash build-aux/install-deps.sh
builddir=${SANZHANG_BUILDDIR:-_build}
[ -f "$builddir/build.ninja" ] || meson setup "$builddir" >/dev/null
meson compile -C "$builddir" >/dev/null

# Translations straight from the build tree, so the program speaks the
# desktop's language without being installed.
export SANZHANG_LOCALEDIR="$PWD/$builddir/po"
cli="$builddir/src/cli/sanzhang-cli"
db=${SANZHANG_DATABASE:-${XDG_DATA_HOME:-$HOME/.local/share}/sanzhang/sanzhang.db}

if [ ! -f "$db" ]; then
  "$cli" --database "$db" demo
  echo
fi
"$cli" --database "$db" tree
echo
echo "sanzhang-cli: $PWD/$cli --help"
