#!/usr/bin/env bash
# tests/pkg/test-deb.sh [SOURCE_TREE]
#
# Builds the Debian package from SOURCE_TREE (default: the tree this script
# is in), checks it with lintian (errors fail, warnings are printed), makes
# a clean Debian 12 root with debootstrap --variant=minbase, installs the
# .deb there with apt (its Depends come from the mirror), and in that root
# runs "sanzhang-cli demo", exports boards to PDF, reads the CLI's help in
# Chinese and finds the man pages.  Prints how long each step took.
#
# Needs root (debootstrap, chroot, mount), dpkg-buildpackage, debhelper,
# lintian, debootstrap, pdfinfo/pdffonts (poppler-utils) and the network;
# without one of them it says which and exits 77 (skipped).  Everything it
# makes is in one temporary folder, unmounted and removed on any exit.
#
# Environment:
#   SANZHANG_DEBIAN_MIRROR   the Debian mirror (default: the first one for
#                            bookworm main in this machine's apt sources)
#   SANZHANG_TMPFS=0         make the root on disk, not in a tmpfs (the
#                            tmpfs, when 3 GB of memory are free, makes
#                            dpkg's many fsyncs and the removal fast)
#   SANZHANG_KEEP=1          keep the temporary folder (printed) for a look
#
# Copyright 2026 The Sanzhang developers
# SPDX-License-Identifier: GPL-3.0-or-later
set -uo pipefail
t_all=$(date +%s)

SKIP=77
here=$(cd "$(dirname "$0")" && pwd)
tree=$(cd "${1:-$here/../..}" && pwd) || { echo "No source tree: ${1:-}" >&2; exit 1; }
suite=bookworm

skip() { echo "SKIP: $*"; exit $SKIP; }
fail() { echo "FAIL: $*" >&2; exit 1; }

# ---------------------------------------------------------------- what is needed
[ "$(id -u)" -eq 0 ] || skip "needs root (debootstrap, chroot and mount /proc); run it as root or with sudo"
[ -f "$tree/debian/control" ] || fail "$tree has no debian/ folder"
missing=()
for tool in dpkg-buildpackage:dpkg-dev dh:debhelper lintian:lintian debootstrap:debootstrap \
            pdfinfo:poppler-utils pdffonts:poppler-utils pdftotext:poppler-utils chroot:coreutils; do
  command -v "${tool%%:*}" >/dev/null 2>&1 || missing+=("${tool#*:}")
done
[ ${#missing[@]} -eq 0 ] || skip "missing tools: apt-get install ${missing[*]}"
[ -e /usr/share/perl5/Debian/Debhelper/Buildsystem/meson.pm ] || skip "debhelper has no meson build system"
# Build dependencies under the nocheck profile (the test suite does not run).
if ! bd=$(cd "$tree" && dpkg-checkbuilddeps -Pnocheck 2>&1); then
  skip "build dependencies missing: ${bd#*: }"
fi

# The mirror: the first bookworm main in this machine's apt sources.
find_mirror() {
  python3 - "$suite" <<'PY'
import glob, re, sys
suite = sys.argv[1]
files = ["/etc/apt/sources.list"] + sorted(glob.glob("/etc/apt/sources.list.d/*.list")) \
        + sorted(glob.glob("/etc/apt/sources.list.d/*.sources"))
for path in files:
    try:
        text = open(path, encoding="utf-8").read()
    except OSError:
        continue
    if path.endswith(".sources"):
        for stanza in re.split(r"\n\s*\n", text):
            f = {}
            for line in stanza.splitlines():
                if line.startswith("#") or ":" not in line or line[:1].isspace():
                    continue
                k, v = line.split(":", 1)
                f[k.strip().lower()] = v.split()
            if "deb" in f.get("types", []) and suite in f.get("suites", []) \
               and "main" in f.get("components", []) and f.get("enabled", ["yes"])[0] != "no":
                print(f["uris"][0].rstrip("/")); sys.exit(0)
    else:
        for line in text.splitlines():
            w = re.sub(r"\[[^]]*\]", "", line.split("#", 1)[0]).split()
            if len(w) >= 4 and w[0] == "deb" and w[2] == suite and "main" in w[3:]:
                print(w[1].rstrip("/")); sys.exit(0)
sys.exit(1)
PY
}
mirror=${SANZHANG_DEBIAN_MIRROR:-$(find_mirror)}
mirror=${mirror:-http://deb.debian.org/debian}
if command -v curl >/dev/null; then
  curl -fsS -m 20 -o /dev/null "$mirror/dists/$suite/Release" 2>/dev/null || skip "no network: $mirror/dists/$suite/Release cannot be fetched"
elif command -v wget >/dev/null; then
  wget -q -T 20 -O /dev/null "$mirror/dists/$suite/Release" || skip "no network: $mirror/dists/$suite/Release cannot be fetched"
fi

# ---------------------------------------------------------------- cleanup, timing
timings=()
work=$(mktemp -d /tmp/sz-test-deb.XXXXXX)
root="$work/root"
cleanup() {
  local status=$? m
  [ ${#timings[@]} -eq 0 ] || print_timings
  # Unmount everything under the work folder, deepest first.
  for m in $(findmnt -rn -o TARGET | grep -F "$work/" | sort -r); do
    umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true
  done
  if findmnt -rn -o TARGET | grep -qF "$work/"; then
    echo "Still mounted under $work: not removed" >&2
  elif [ "${SANZHANG_KEEP:-0}" = 1 ]; then
    echo "Kept: $work"
  else
    local t=$(date +%s)
    rm -rf --one-file-system "$work"
    echo "   cleanup (umount, rm): $(( $(date +%s) - t )) s; all: $(( $(date +%s) - t_all )) s"
  fi
  exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

step_start() { step_name=$1; t_step=$(date +%s.%N); echo "== $step_name"; }
step_end() {
  local s
  s=$(awk -v a="$t_step" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
  timings+=("$(printf '%-34s %7ss' "$step_name" "$s")")
  echo "   ($s s)"
}
print_timings() {
  echo "== Timings"
  printf '   %s\n' "${timings[@]}"
  echo "   total so far, checks included: $(( $(date +%s) - t_all )) s"
}
in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root "$@"; }

# ---------------------------------------------------------------- 1. build
step_start "copy the source tree"
mkdir -p "$work/src/sanzhang"
tar -C "$tree" --exclude='./_build*' --exclude=./.git --exclude='./obj-*' \
    --exclude=./debian/.debhelper --exclude=./debian/sanzhang --exclude=./debian/tmp -cf - . \
  | tar -C "$work/src/sanzhang" -xf - || fail "copying $tree"
step_end

step_start "dpkg-buildpackage (nocheck)"
if ! (cd "$work/src/sanzhang" && DEB_BUILD_OPTIONS="nocheck parallel=2" \
      dpkg-buildpackage -us -uc -b -Pnocheck) > "$work/build.log" 2>&1; then
  tail -n 60 "$work/build.log"
  fail "dpkg-buildpackage failed (the last lines above)"
fi
deb=$(ls "$work"/src/sanzhang_*.deb 2>/dev/null | head -n 1)
[ -n "$deb" ] || fail "no sanzhang_*.deb was built"
echo "   $(basename "$deb"): $(du -k "$deb" | cut -f1) KiB"
step_end

step_start "lintian"
lintian --fail-on error "$deb" "$work"/src/sanzhang_*.changes \
  > "$work/lintian.log" 2>&1
lintian_status=$?
grep -v 'running with root privileges' "$work/lintian.log" | sed 's/^/   /'
[ $lintian_status -eq 0 ] || fail "lintian reports errors (E: above)"
echo "   errors: 0, warnings: $(grep -c '^W: ' "$work/lintian.log")"
step_end

# What the package must hold.
step_start "package contents"
dpkg-deb -c "$deb" | awk '{ print $6 }' | sed 's|^\./|/|' > "$work/contents"
for f in /usr/bin/sanzhang /usr/bin/sanzhang-cli \
         /usr/share/locale/zh_CN/LC_MESSAGES/sanzhang.mo \
         /usr/share/applications/org.sanzhang.Sanzhang.desktop \
         /usr/share/metainfo/org.sanzhang.Sanzhang.metainfo.xml \
         /usr/share/icons/hicolor/scalable/apps/org.sanzhang.Sanzhang.svg \
         /usr/share/icons/hicolor/symbolic/apps/org.sanzhang.Sanzhang-symbolic.svg \
         /usr/share/glib-2.0/schemas/org.sanzhang.Sanzhang.gschema.xml \
         /usr/share/man/man1/sanzhang.1.gz /usr/share/man/man1/sanzhang-cli.1.gz \
         /usr/share/doc/sanzhang/copyright; do
  grep -qxF "$f" "$work/contents" || fail "the package has no $f"
done
depends=$(dpkg-deb -f "$deb" Depends)
for d in fonts-wqy-zenhei fonts-arphic-uming fonts-hanazono libgtk-4-1 libsqlite3-0 libzbar0; do
  grep -qE "(^|, )$d( |,|$)" <<<"$depends" || fail "Depends has no $d: $depends"
done
echo "   all files there; Depends: $depends"
step_end

# ---------------------------------------------------------------- 2. a clean root
# The Depends come with apt afterwards: debootstrap --include of them (one
# call instead of two) fails on bookworm minbase (dconf-service does not
# configure), and would save seconds at most.
step_start "debootstrap $suite minbase"
avail_kb=$(awk '/^MemAvailable:/ { print $2 }' /proc/meminfo)
mkdir -p "$root"
if [ "${SANZHANG_TMPFS:-1}" = 1 ] && [ "${avail_kb:-0}" -gt 3000000 ]; then
  mount -t tmpfs -o size=2g,mode=0755 sz-test-deb "$root" || fail "cannot mount a tmpfs on $root"
  echo "   (root in a tmpfs)"
fi
if ! debootstrap --variant=minbase "$suite" "$root" "$mirror" > "$work/debootstrap.log" 2>&1; then
  tail -n 30 "$work/debootstrap.log"
  fail "debootstrap $suite from $mirror failed"
fi
step_end

step_start "apt-get install the .deb"
cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
mount -t proc proc "$root/proc" || fail "cannot mount /proc in the root"
cp "$deb" "$root/tmp/"
if ! in_root sh -c "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
       -o Dpkg::Options::=--force-unsafe-io --no-install-recommends /tmp/$(basename "$deb")" > "$work/apt.log" 2>&1; then
  tail -n 40 "$work/apt.log"
  fail "apt-get could not install $(basename "$deb") in a clean $suite"
fi
grep -E '^(Setting up|Processing triggers)' "$work/apt.log" | wc -l | sed 's/^/   packages set up and triggers run: /'
step_end

# ---------------------------------------------------------------- 3. use it there
step_start "sanzhang-cli demo and boards"
mkdir -p "$root/tmp/t"
in_root sanzhang-cli --database /tmp/t/demo.db demo > "$work/demo.log" 2>&1 \
  || { cat "$work/demo.log"; fail "sanzhang-cli demo failed in the clean root"; }
tail -n 2 "$work/demo.log" | sed 's/^/   /'
in_root sanzhang-cli --database /tmp/t/demo.db boards -o /tmp/t/boards.pdf > "$work/boards.log" 2>&1 \
  || { cat "$work/boards.log"; fail "sanzhang-cli boards failed in the clean root"; }
head -n 1 "$work/boards.log" | sed 's/^/   /'
pdf="$root/tmp/t/boards.pdf"
[ -s "$pdf" ] || fail "no boards.pdf"
pages=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
[ "${pages:-0}" -ge 1 ] || fail "boards.pdf has no pages"
# As many pages as the CLI said it wrote ("Wrote 148 boards on 148 pages").
said=$(grep -oE 'on [0-9]+ pages' "$work/boards.log" | grep -oE '[0-9]+')
[ -z "$said" ] || [ "$said" = "$pages" ] || fail "the CLI said $said pages, boards.pdf has $pages"
# The board font came with the package's Depends, and the text reads back.
pdffonts "$pdf" 2>/dev/null > "$work/fonts.log"
grep -qiE 'zenhei|wenquanyi' "$work/fonts.log" || { cat "$work/fonts.log"; fail "boards.pdf does not use WenQuanYi Zen Hei"; }
pdftotext -f 1 -l 1 "$pdf" - 2>/dev/null | grep -q '社区' || fail "page 1 of boards.pdf has no 社区 in its text"
echo "   boards.pdf: $pages pages, $(du -k "$pdf" | cut -f1) KiB, Zen Hei embedded"
step_end

step_start "the app starts far enough (schema)"
# The GSettings schema was compiled by the trigger: without it the app
# aborts before it prints its version.
out=$(in_root sanzhang --version 2>&1) || { echo "$out"; fail "sanzhang --version failed in the clean root"; }
echo "   $out"
[ -f "$root/usr/share/glib-2.0/schemas/gschemas.compiled" ] || fail "no gschemas.compiled"
step_end

step_start "Chinese help"
[ -f "$root/usr/share/locale/zh_CN/LC_MESSAGES/sanzhang.mo" ] || fail "no zh_CN sanzhang.mo installed"
if in_root locale -a 2>/dev/null | grep -qix 'zh_CN.utf-\?8'; then
  lang_env=(LANG=zh_CN.UTF-8)
else
  # No zh_CN locale in a minbase root: C.UTF-8 with LANGUAGE still
  # selects the translation.
  lang_env=(LANG=C.UTF-8 LANGUAGE=zh_CN)
fi
in_root "${lang_env[@]}" sanzhang-cli --help > "$work/help-zh.txt" 2>&1
grep -q '用法' "$work/help-zh.txt" || { cat "$work/help-zh.txt"; fail "sanzhang-cli --help is not in Chinese under ${lang_env[*]}"; }
echo "   ${lang_env[*]}: $(head -n 1 "$work/help-zh.txt")"
step_end

step_start "man pages"
for page in sanzhang sanzhang-cli; do
  if in_root sh -c 'command -v man' >/dev/null 2>&1; then
    in_root man -w "$page" >/dev/null || fail "man -w $page finds nothing"
  fi
  f="$root/usr/share/man/man1/$page.1.gz"
  [ -s "$f" ] || fail "no $f"
  zcat "$f" | grep -q '^\.TH ' || fail "$f is not a man page"
done
# Every command "sanzhang-cli --help" lists has its section in the man page.
in_root env LANG=C.UTF-8 sanzhang-cli --help > "$work/help.txt" 2>&1
cmds=$(awk '/^Commands:/ { on = 1; next } on && /^  [a-z]/ { print $1 } on && /^$/ { exit }' "$work/help.txt")
[ -n "$cmds" ] || fail "no commands in sanzhang-cli --help"
for c in $cmds; do
  zcat "$root/usr/share/man/man1/sanzhang-cli.1.gz" | grep -qx "\.SS $c" \
    || fail "sanzhang-cli(1) has no section for the command $c (listed by sanzhang-cli --help)"
done
echo "   both pages there; sanzhang-cli(1) covers: $(echo $cmds)"
step_end

echo "PASS: the package builds, passes lintian, installs into a clean $suite and runs there"
