"""Start the app on a free local port and drive Debian's chromium with Playwright."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def running_app(timeout: float = 60, script: Path | None = None, *,
                options: Sequence[str] = (), port: int | None = None) -> Iterator[str]:
    """The app's URL while it runs; ``script`` defaults to the main app (streamlit_app.py).

    ``options``: more of Streamlit's command-line options, e.g. ``["--secrets.files",
    path]`` for a secrets.toml of the test's own; ``port``: a port chosen beforehand (an
    address the test must know before the start, as OIDC's redirect_uri).
    """
    port = port or free_port()
    env = {**os.environ, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    # The app's output goes to a file: a pipe nobody reads would block a chatty app.
    log = tempfile.TemporaryFile()
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(script or ROOT / "streamlit_app.py"),
         "--server.headless", "true", "--server.address", "127.0.0.1",
         "--server.port", str(port), "--browser.gatherUsageStats", "false",
         "--server.fileWatcherType", "none", *options],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if process.poll() is not None:
                log.seek(0)
                raise RuntimeError(log.read().decode(errors="replace"))
            try:
                with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                time.sleep(0.3)
        else:
            raise TimeoutError("the app did not start")
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


#: Every element of the page, shadow roots included, that markup from a cell could have made.
FIND_INJECTED = """() => {
  const found = [];
  const walk = (node) => {
    for (const el of node.querySelectorAll("*")) {
      const tag = el.tagName.toLowerCase();
      if (tag === "img" && (el.getAttribute("src") === "x" || el.hasAttribute("onerror"))) {
        found.push(el.outerHTML);
      }
      if (tag === "script" && el.textContent.includes("alert(")) found.push(el.outerHTML);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  return found;
}"""


def watch_requests(page: Any, app_url: str) -> Any:
    """Record on ``page.outside_requests`` every request that is not for the app itself (nor
    a ``data:``, ``blob:`` or ``about:`` address): the tests assert it stays empty."""
    page.outside_requests = []
    page.on("request", lambda r: None if r.url.startswith(
        (app_url, "data:", "blob:", "about:")) else page.outside_requests.append(r.url))
    return page
