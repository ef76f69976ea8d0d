#!/bin/sh
# The deploy tests (tests/deploy/) serve the built site with Debian's nginx and the brotli
# module, using deploy/nginx.conf. Install them where we can (root on Debian, as in CI);
# otherwise say exactly what is needed.
set -e
NGINX="${NGINX:-/usr/sbin/nginx}"
MODULE=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so
if [ -x "$NGINX" ] && [ -f "$MODULE" ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "nginx of de brotli-module ontbreekt; installeren met apt-get..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx libnginx-mod-http-brotli-static >/dev/null
  exit 0
fi
echo "nginx met de brotli-module is nodig voor de deploytests maar niet gevonden." >&2
echo "Installeer als beheerder:  sudo apt-get install nginx libnginx-mod-http-brotli-static" >&2
exit 1
