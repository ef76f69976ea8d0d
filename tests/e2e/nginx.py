"""Debian's nginx serving the built site with deploy/nginx.conf, on a free port on 127.0.0.1.

The configuration file is used as shipped; only its `listen` lines and its `root` are pointed
at the test (port, site folder), and it is wrapped in the smallest main configuration Debian's
own /etc/nginx/nginx.conf would give it (the brotli module, mime types come from the file).
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONF = ROOT / "deploy" / "nginx.conf"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
MISSING = (
    "nginx met de brotli-module ontbreekt: sh scripts/ensure-nginx.sh "
    "(of sudo apt-get install nginx libnginx-mod-http-brotli-static)"
)


def available() -> bool:
    return Path(NGINX).exists() and MODULE.exists()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def site_config(site: Path, port: int) -> str:
    """deploy/nginx.conf with its listen lines and root pointed at the test."""
    text = CONF.read_text(encoding="utf-8")
    text, n_listen = re.subn(r"^(\s*)listen \[::\]:80;\n", "", text, flags=re.M)
    text, n_port = re.subn(r"^(\s*)listen 80;", rf"\1listen 127.0.0.1:{port};", text, flags=re.M)
    text, n_root = re.subn(r"^(\s*)root [^;]+;", rf"\1root {site};", text, flags=re.M)
    assert n_port == 1 and n_root == 1, "deploy/nginx.conf: listen 80 en root niet gevonden"
    return text


def write_config(site: Path, work: Path) -> tuple[Path, int]:
    """The main configuration around deploy/nginx.conf in ``work``, on a free port; returns its
    path and the port (``site`` need not exist for ``check``)."""
    port = _free_port()
    for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (work / name).mkdir(parents=True, exist_ok=True)
    (work / "site.conf").write_text(site_config(site.resolve(), port), encoding="utf-8")
    # As root, nginx would serve files as "nobody", who may not read a checkout under a private
    # folder (a CI clone): let its workers be the user running the tests.
    user = "user root;" if os.geteuid() == 0 else ""
    main = f"""
load_module {MODULE};
{user}
daemon off;
worker_processes 1;
pid {work}/nginx.pid;
error_log {work}/error.log warn;
events {{ worker_connections 256; }}
http {{
    access_log off;
    sendfile on;
    client_body_temp_path {work}/body;
    proxy_temp_path {work}/proxy;
    fastcgi_temp_path {work}/fastcgi;
    uwsgi_temp_path {work}/uwsgi;
    scgi_temp_path {work}/scgi;
    include {work}/site.conf;
}}
"""
    conf = work / "nginx.conf"
    conf.write_text(main, encoding="utf-8")
    return conf, port


def check(conf: Path) -> subprocess.CompletedProcess[str]:
    """``nginx -t`` of ``conf``: its exit code, and on stderr its errors and warnings."""
    return subprocess.run([NGINX, "-t", "-q", "-c", str(conf)], capture_output=True, text=True)


@contextmanager
def running(site: Path, work: Path) -> Iterator[str]:
    """nginx in the foreground as a child process; yields its base URL."""
    conf, port = write_config(site, work)
    result = check(conf)
    assert result.returncode == 0, f"nginx -t: {result.stderr}"
    proc = subprocess.Popen([NGINX, "-c", str(conf)], stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/", timeout=1).close()
                break
            except OSError:
                if proc.poll() is not None:
                    err = proc.stderr.read().decode() if proc.stderr else ""
                    raise RuntimeError(f"nginx stopte: {err}") from None
                time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)
