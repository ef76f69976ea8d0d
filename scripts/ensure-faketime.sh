#!/bin/sh
# The clock tests (tests/test_klok.py, make test-klok) run the suite with the machine's clock
# moved on, with Debian's libfaketime. Install it where we can (root on Debian, as in CI);
# otherwise say exactly what is needed.
set -e
if command -v faketime >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "faketime ontbreekt; installeren met apt-get..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq faketime >/dev/null
  exit 0
fi
echo "faketime is nodig voor de kloktests maar niet gevonden." >&2
echo "Installeer als beheerder:  sudo apt-get install faketime" >&2
exit 1
