#!/bin/sh
# The browser tests drive Debian's Chromium (never a downloaded browser build).
# Install it where we can (root on Debian, as in CI); otherwise say exactly what is needed.
set -e
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium ontbreekt; installeren met apt-get (Debian-pakket chromium)..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "Chromium is nodig voor de browsertests maar niet gevonden op $CHROMIUM." >&2
echo "Installeer het als beheerder:  sudo apt-get install chromium" >&2
echo "of wijs een bestaande Chromium aan:  CHROMIUM=/pad/naar/chromium make test" >&2
exit 1
