#!/usr/bin/env bash
# Installs the Debian 12 packages Sanzhang needs to build, run and test,
# if any are missing. Uses sudo when not run as root.
set -euo pipefail

packages=(
  meson ninja-build pkg-config gcc libc6-dev
  libglib2.0-dev libsqlite3-dev libicu-dev
  # Spreadsheets in: .xlsx (a zip of XML), .xls (libfreexl); Unihan's
  # readings for the pinyin of surnames
  libzip-dev libexpat1-dev libfreexl-dev unicode-data
  # Spreadsheets out: .xlsx exports of the roster, hotlines and records
  libxlsxwriter-dev
  gettext sqlite3 locales tzdata
  # Boards: layout, PDF and PNG (ARCHITECTURE.md)
  libcairo2-dev libpango1.0-dev libfontconfig-dev libfreetype-dev
  libgdk-pixbuf-2.0-dev libhpdf-dev libqrencode-dev
  # Sanzhang's own PDF writer: font subsets and compressed streams
  libharfbuzz-dev zlib1g-dev
  # Reading the heads' WeChat QR images (a group's code expires in 7 days)
  libzbar-dev
  # The fonts boards are drawn with: Zen Hei (required), UMing, and
  # HanaMin A/B for the rare characters of real names
  fonts-wqy-zenhei fonts-arphic-uming fonts-hanazono
  # Tests read the PDFs back as a user's tools would
  poppler-utils libpoppler-glib-dev qpdf
  # The desktop app, its data files' validators, and a display for its tests
  libgtk-4-dev gtk-update-icon-cache desktop-file-utils appstream xvfb xauth
  # Printing is tested through a real CUPS server with a PDF queue
  cups-daemon cups-client cups-filters printer-driver-cups-pdf
  # The PostgreSQL engine: libpq to build it, and the server the tests
  # run a throwaway cluster of (build-aux/pg-cluster.sh; the "main"
  # cluster the package may make is not used)
  libpq-dev postgresql-15
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The tests also read the program's Chinese output: they need the zh_CN
# locale (a desktop in Chinese has it already).
if [ "${1:-}" = "--with-zh-locale" ] && ! locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$'; then
  as_root sh -c "grep -q '^zh_CN.UTF-8 UTF-8' /etc/locale.gen || echo 'zh_CN.UTF-8 UTF-8' >> /etc/locale.gen"
  as_root locale-gen >/dev/null
fi
