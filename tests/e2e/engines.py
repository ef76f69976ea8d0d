"""WebKit and Firefox for the cross-engine smoke tests (test_engines.py), behind one small interface.

- WebKit: Debian's WebKitGTK (Safari's engine), its own ``WebKitWebDriver`` and ``MiniBrowser``,
  driven by Selenium with the driver's path given (Selenium never downloads a driver then), on a
  virtual X display of its own (``Xvfb -displayfd``; the package that brings it also brings
  ``xvfb-run``).
- Firefox: Debian's Firefox ESR over WebDriver BiDi with puppeteer-core (tests/e2e/firefox_bridge.mjs,
  a Node process this module talks to one JSON line at a time).

Both are installed by ``scripts/ensure-webkit.sh`` and ``scripts/ensure-firefox.sh`` (``make test``).
Every wait is on the page's own signals, bounded by ``READY_S``.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import shutil
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
WEBKIT_DRIVER = os.environ.get("WEBKIT_DRIVER", "/usr/bin/WebKitWebDriver")
MINIBROWSER = os.environ.get("MINIBROWSER", "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser")
FIREFOX = os.environ.get("FIREFOX", "/usr/bin/firefox-esr")
BRIDGE = ROOT / "tests" / "e2e" / "firefox_bridge.mjs"
# WebKit needs about 5 s to its first live answer on a quiet machine; CI shares 2 cores.
READY_S = 120.0
POLL_S = 0.1


def _left_page(error: str) -> bool:
    """Firefox's message for a load cut off by leaving the page (see Firefox.errors)."""
    return error.strip() == "NS_BINDING_ABORTED" or (
        "A ServiceWorker intercepted the request and encountered an unexpected error" in error
        and "/assets/javascripts/" in error
    )


def _real_clock() -> dict[str, str]:
    """This environment without libfaketime (make test-klok): Firefox hangs at start-up under it.
    The pages pin their own day (tests/e2e/helpers.py pinned_site), so the engine's clock is moot."""
    return {k: v for k, v in os.environ.items() if k != "LD_PRELOAD" and not k.startswith("FAKETIME")}


class EngineError(AssertionError):
    pass


def missing(name: str) -> str | None:
    """Why engine ``name`` cannot run here (what to install), or None."""
    if name == "webkit":
        if not Path(WEBKIT_DRIVER).exists() or not Path(MINIBROWSER).exists() or not shutil.which("Xvfb"):
            return "WebKit ontbreekt: sh scripts/ensure-webkit.sh (webkit2gtk-driver, xvfb en xauth)"
    elif name == "firefox":
        if not Path(FIREFOX).exists():
            return "Firefox ontbreekt: sh scripts/ensure-firefox.sh (apt-get install firefox-esr)"
        if not (ROOT / "node_modules" / "puppeteer-core").is_dir():
            return "puppeteer-core ontbreekt: npm ci"
    return None


class Engine:
    """One browser session: a page to open, script to run in it, and user actions."""

    name = ""

    def goto(self, url: str) -> None:
        raise NotImplementedError

    def js(self, source: str, *args: Any) -> Any:
        """Call the JavaScript function ``source`` in the page with ``args``; its (awaited) value."""
        raise NotImplementedError

    def click(self, css: str) -> None:
        raise NotImplementedError

    def fill(self, css: str, text: str) -> None:
        raise NotImplementedError

    def select(self, css: str, value: str) -> None:
        raise NotImplementedError

    def errors(self) -> list[str]:
        """Page errors and console errors since the last call (where the engine reports them)."""
        return []

    def requests(self) -> list[str]:
        """Every request URL since the last call: the engine's own record where it has one,
        else the page's resource timing entries."""
        return list(self.js("() => performance.getEntriesByType('resource').map((e) => e.name)"))

    def close(self) -> None:
        raise NotImplementedError

    def wait(self, source: str, *args: Any, timeout: float = READY_S, what: str = "") -> Any:
        """Until the function ``source`` returns something truthy in the page; that value."""
        deadline = time.monotonic() + timeout
        last: Any = None
        while True:
            try:
                last = self.js(source, *args)
            except EngineError:
                last = None  # a navigation in progress: the page's context is being replaced
            if last:
                return last
            if time.monotonic() > deadline:
                raise EngineError(f"{self.name}: na {timeout:.0f} s nog niet: {what or source}")
            time.sleep(POLL_S)


class WebKit(Engine):
    name = "webkit"

    def __init__(self) -> None:
        from selenium import webdriver
        from selenium.webdriver.webkitgtk.service import Service

        read, write = os.pipe()
        self._xvfb = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x900x24", "-nolisten", "tcp"],
            pass_fds=(write,),
            stderr=subprocess.DEVNULL,
            env=_real_clock(),
        )
        os.close(write)
        try:
            display = _read_line(read, 30.0)
        finally:
            os.close(read)
        options = webdriver.WebKitGTKOptions()
        options.binary_location = MINIBROWSER
        options.add_argument("--automation")
        options.set_capability("pageLoadStrategy", "normal")
        env = dict(_real_clock(), DISPLAY=f":{display}", LANG="nl_NL.UTF-8")
        service = Service(executable_path=WEBKIT_DRIVER, env=env)
        try:
            self.driver = webdriver.WebKitGTK(options=options, service=service)
        except Exception:
            self._xvfb.terminate()
            raise
        self.driver.set_page_load_timeout(READY_S)
        self.driver.set_script_timeout(READY_S)
        self.version = str(self.driver.capabilities.get("browserVersion", ""))

    def goto(self, url: str) -> None:
        self.driver.get(url)

    def js(self, source: str, *args: Any) -> Any:
        from selenium.common.exceptions import WebDriverException

        try:
            # WebDriver's Execute Script awaits a returned promise.
            return self.driver.execute_script(f"return ({source})(...arguments);", *args)
        except WebDriverException as error:
            raise EngineError(f"webkit: {error.msg}") from error

    def _element(self, css: str):  # type: ignore[no-untyped-def]
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support import expected_conditions
        from selenium.webdriver.support.wait import WebDriverWait

        return WebDriverWait(self.driver, 30).until(
            expected_conditions.element_to_be_clickable((By.CSS_SELECTOR, css))
        )

    def click(self, css: str) -> None:
        self._element(css).click()

    def fill(self, css: str, text: str) -> None:
        element = self._element(css)
        element.clear()
        element.send_keys(text)

    def select(self, css: str, value: str) -> None:
        from selenium.webdriver.support.select import Select

        Select(self._element(css)).select_by_value(value)

    def close(self) -> None:
        try:
            self.driver.quit()
        finally:
            self._xvfb.terminate()
            self._xvfb.wait(timeout=30)


class Firefox(Engine):
    name = "firefox"

    def __init__(self) -> None:
        self._proc = subprocess.Popen(
            ["node", str(BRIDGE)],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=dict(_real_clock(), FIREFOX=FIREFOX),
        )
        self._lines: queue.Queue[str | None] = queue.Queue()
        self._stderr: list[str] = []
        threading.Thread(target=self._pump, daemon=True).start()
        threading.Thread(target=self._pump_stderr, daemon=True).start()
        self._id = 0
        self._answer(0, READY_S)  # the bridge says "klaar" once Firefox runs
        self.version = str(self._call("version"))

    def _pump(self) -> None:
        assert self._proc.stdout is not None
        for line in self._proc.stdout:
            self._lines.put(line)
        self._lines.put(None)

    def _pump_stderr(self) -> None:
        assert self._proc.stderr is not None
        for line in self._proc.stderr:
            self._stderr.append(line)

    def _answer(self, wanted: int, timeout: float) -> Any:
        deadline = time.monotonic() + timeout
        while True:
            try:
                line = self._lines.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                raise EngineError(f"firefox: geen antwoord binnen {timeout:.0f} s") from None
            if line is None:
                raise EngineError("firefox: de bridge stopte:\n" + "".join(self._stderr[-30:]))
            answer = json.loads(line)
            if answer.get("id") != wanted:
                continue
            if "fout" in answer:
                raise EngineError(f"firefox: {answer['fout']}")
            return answer.get("ok")

    def _call(self, cmd: str, **args: Any) -> Any:
        self._id += 1
        assert self._proc.stdin is not None
        self._proc.stdin.write(json.dumps({"id": self._id, "cmd": cmd, **args}) + "\n")
        self._proc.stdin.flush()
        return self._answer(self._id, READY_S + 30)

    def goto(self, url: str) -> None:
        self._call("goto", url=url)

    def js(self, source: str, *args: Any) -> Any:
        return self._call("js", source=source, args=list(args))

    def click(self, css: str) -> None:
        self._call("click", css=css)

    def fill(self, css: str, text: str) -> None:
        self._call("fill", css=css, text=text)

    def select(self, css: str, value: str) -> None:
        self._call("select", css=css, value=value)

    def errors(self) -> list[str]:
        # Firefox logs NS_BINDING_ABORTED for a request still under way when the page is left
        # (the service worker's store, the search index): the browser's doing, no page error. When
        # the service worker answers that request, the same abort reads "A ServiceWorker intercepted
        # the request and encountered an unexpected error" (seen for the search's lunr.nl.min.js
        # loading as the test moved to the next page, with both cores busy).
        return [e for e in self._call("fouten") if not _left_page(e)]

    def requests(self) -> list[str]:
        return list(self._call("verzoeken"))

    def close(self) -> None:
        with contextlib.suppress(EngineError):
            self._call("sluit")
        try:
            self._proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait(timeout=30)


def _read_line(fd: int, timeout: float) -> str:
    """The first line written to ``fd`` (Xvfb's display number), within ``timeout``."""
    import select

    data = b""
    deadline = time.monotonic() + timeout
    while not data.endswith(b"\n"):
        ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            raise EngineError("Xvfb gaf geen schermnummer")
        chunk = os.read(fd, 64)
        if not chunk:
            raise EngineError("Xvfb stopte zonder schermnummer")
        data += chunk
    return data.decode().strip()


def start(name: str) -> Engine:
    return WebKit() if name == "webkit" else Firefox()
