#!/usr/bin/env bash
# The README's first command: install what is missing, build, and start the
# desktop app on its database (a new one gets the demo community, with a
# note in the window and a button to start an empty community instead).
set -euo pipefail
cd "$(dirname "$0")/.."

bash build-aux/install-deps.sh
builddir=${SANZHANG_BUILDDIR:-_build}
[ -f "$builddir/build.ninja" ] || meson setup "$builddir" >/dev/null
meson compile -C "$builddir" >/dev/null

# Run from the build tree: translations, the settings schema and the app
# itself, without installing anything.
export SANZHANG_LOCALEDIR="$PWD/$builddir/po"
export GSETTINGS_SCHEMA_DIR="$PWD/$builddir/resources"
app="$builddir/src/app/sanzhang"

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "No graphical display here: start the app from a desktop session with" >&2
  echo "  GSETTINGS_SCHEMA_DIR=$GSETTINGS_SCHEMA_DIR SANZHANG_LOCALEDIR=$SANZHANG_LOCALEDIR $PWD/$app" >&2
  echo "or install it (meson install -C $builddir) and choose Sanzhang in the menu." >&2
  echo "The command line works anywhere: $PWD/$builddir/src/cli/sanzhang-cli --help" >&2
  exit 1
fi
exec "$app" ${SANZHANG_DATABASE:+--database "$SANZHANG_DATABASE"} "$@"
