#!/bin/sh
# The Firefox smoke tests (tests/engines/) drive Debian's Firefox ESR over WebDriver BiDi with
# puppeteer-core (npm; it downloads no browser). Install Firefox where we can (root on Debian,
# as in CI); otherwise say exactly what is needed.
set -e
FIREFOX="${FIREFOX:-/usr/bin/firefox-esr}"
if [ -x "$FIREFOX" ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Firefox ESR ontbreekt; installeren met apt-get (Debian-pakket firefox-esr)..."
  # Another session may hold the apt lock for a while: wait for it instead of failing.
  apt-get -o DPkg::Lock::Timeout=600 update -qq
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq firefox-esr >/dev/null
  exit 0
fi
echo "Firefox ESR is nodig voor de Firefox-tests maar niet gevonden op $FIREFOX." >&2
echo "Installeer het als beheerder:  sudo apt-get install firefox-esr" >&2
echo "of wijs een bestaande Firefox aan:  FIREFOX=/pad/naar/firefox make test" >&2
exit 1
