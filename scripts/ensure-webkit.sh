#!/bin/sh
# The WebKit smoke tests (tests/engines/) drive Debian's WebKitGTK (the engine of Safari) through
# its own WebKitWebDriver under a virtual X display (xvfb-run); never a downloaded driver.
# Install them where we can (root on Debian, as in CI); otherwise say exactly what is needed.
set -e
DRIVER="${WEBKIT_DRIVER:-/usr/bin/WebKitWebDriver}"
if [ -x "$DRIVER" ] && command -v xvfb-run >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "WebKitWebDriver of xvfb ontbreekt; installeren met apt-get..."
  # Another session may hold the apt lock for a while: wait for it instead of failing.
  apt-get -o DPkg::Lock::Timeout=600 update -qq
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq \
    webkit2gtk-driver xvfb xauth >/dev/null
  exit 0
fi
echo "WebKit (WebKitWebDriver) en xvfb zijn nodig voor de WebKit-tests maar niet gevonden." >&2
echo "Installeer als beheerder:  sudo apt-get install webkit2gtk-driver xvfb xauth" >&2
exit 1
