"""The Streamlit server, started as users start it, asks nothing of the internet, and users never
see a traceback.

The server runs with an observer: a ``sitecustomize`` module (found first on PYTHONPATH) that
wraps the socket functions every Python network client goes through (name lookups, connect,
sendto). A target that is not this machine is written to a file and refused, so nothing leaves
even when the test fails. A control run with the shipped config minus
``browser.serverAddress`` shows that the observer sees Streamlit's external-IP lookup.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from browser import free_port
from conftest import ROOT

from network_app.text import say

CONFIG = ROOT / ".streamlit" / "config.toml"

OBSERVER = r'''
import ipaddress
import os
import socket

_LOG = os.environ["OBSERVED_CONNECTIONS"]
_LOCAL_NAMES = {None, "", "localhost", "localhost.localdomain", "ip6-localhost",
                socket.gethostname()}


def _local(host):
    if isinstance(host, bytes):
        host = host.decode()
    if host in _LOCAL_NAMES:
        return True
    try:
        address = ipaddress.ip_address(str(host).split("%")[0])
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


def _refuse(what, host, port):
    with open(_LOG, "a", encoding="utf-8") as log:
        log.write(f"{what} {host} {port}\n")
    raise OSError(f"outside request refused by the test: {host}")


def _target(address):
    if isinstance(address, tuple) and len(address) >= 2:
        return address[0], address[1]
    return None, None  # a Unix socket: a path, this machine


_getaddrinfo = socket.getaddrinfo
_gethostbyname = socket.gethostbyname
_connect = socket.socket.connect
_connect_ex = socket.socket.connect_ex
_sendto = socket.socket.sendto


def getaddrinfo(host, port, *args, **kwargs):
    if not _local(host):
        _refuse("lookup", host, port)
    return _getaddrinfo(host, port, *args, **kwargs)


def gethostbyname(host):
    if not _local(host):
        _refuse("lookup", host, "")
    return _gethostbyname(host)


def connect(self, address):
    host, port = _target(address)
    if not _local(host):
        _refuse("connect", host, port)
    return _connect(self, address)


def connect_ex(self, address):
    host, port = _target(address)
    if not _local(host):
        _refuse("connect", host, port)
    return _connect_ex(self, address)


def sendto(self, data, *args):
    host, port = _target(args[-1])
    if not _local(host):
        _refuse("sendto", host, port)
    return _sendto(self, data, *args)


socket.getaddrinfo = getaddrinfo
socket.gethostbyname = gethostbyname
socket.socket.connect = connect
socket.socket.connect_ex = connect_ex
socket.socket.sendto = sendto
'''


@contextmanager
def observed_server(tmp_path: Path, script: Path, cwd: Path) -> Iterator[tuple[str, Path, Path]]:
    """``streamlit run <script> --server.headless true`` on a free port, as users start it
    (only the port and headless on the command line, the rest from the config files), with
    the observer; yields the URL, the file of refused targets and Streamlit's output."""
    observer = tmp_path / "observer"
    observer.mkdir()
    (observer / "sitecustomize.py").write_text(OBSERVER, encoding="utf-8")
    home = tmp_path / "home"  # no personal ~/.streamlit config or credentials
    home.mkdir()
    refused, output = tmp_path / "refused.txt", tmp_path / "streamlit.log"
    refused.touch()
    env = {key: value for key, value in os.environ.items() if not key.startswith("STREAMLIT_")}
    env.update(HOME=str(home), PYTHONPATH=str(observer), OBSERVED_CONNECTIONS=str(refused),
               PYTHONUNBUFFERED="1")
    port = free_port()
    with output.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(script),
             "--server.headless", "true", "--server.port", str(port)],
            cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            assert process.poll() is None, output.read_text(errors="replace")
            try:
                with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                time.sleep(0.3)
        else:
            raise TimeoutError(output.read_text(errors="replace"))
        yield url, refused, output
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def settle(output: Path) -> str:
    """Streamlit's output once start-up is over (the URL banner is the last thing it prints)."""
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and "URL" not in output.read_text(errors="replace"):
        time.sleep(0.2)
    time.sleep(3)  # a lookup would come right after the banner
    return output.read_text(errors="replace")


def test_shipped_config_turns_off_every_outside_request():
    text = CONFIG.read_text(encoding="utf-8")
    import tomllib

    config = tomllib.loads(text)
    assert config["browser"]["gatherUsageStats"] is False
    assert config["browser"]["serverAddress"] == "localhost"
    assert config["server"]["showEmailPrompt"] is False
    assert config["client"]["showErrorDetails"] == "none"


@pytest.mark.browser
def test_server_started_as_users_do_asks_nothing_of_the_internet(tmp_path, browser):
    with observed_server(tmp_path, ROOT / "streamlit_app.py", ROOT) as (url, refused, output):
        started = settle(output)
        page = browser.new_page()
        try:
            page.goto(url, wait_until="domcontentloaded")
            # The network page has run: the server built the network for the bundled workbook.
            page.get_by_text("stadtLABOR Soest").first.wait_for(timeout=60_000)
            time.sleep(3)
        finally:
            page.close()
        log = output.read_text(errors="replace")
    assert "localhost" in started  # the address it prints instead of looking one up
    assert refused.read_text() == ""
    assert "external IP" not in log and "Traceback" not in log


def test_the_observer_sees_the_lookup_when_the_address_is_not_set(tmp_path):
    """The control: the same config without browser.serverAddress makes Streamlit look up
    this machine's IP addresses, and the observer catches it (so the test above can fail)."""
    project = tmp_path / "project"
    (project / ".streamlit").mkdir(parents=True)
    config = "".join(line for line in CONFIG.read_text(encoding="utf-8").splitlines(True)
                     if not line.startswith("serverAddress"))
    assert "serverAddress" not in config.replace("browser.serverAddress", "")
    (project / ".streamlit" / "config.toml").write_text(config, encoding="utf-8")
    script = project / "app.py"
    script.write_text("import streamlit as st\nst.write('hallo')\n", encoding="utf-8")
    with observed_server(tmp_path, script, project) as (_url, refused, output):
        log = settle(output)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and "checkip" not in refused.read_text():
            time.sleep(0.3)
    attempts = refused.read_text()
    assert "8.8.8.8" in attempts  # the internal IP, by a UDP socket towards Google's DNS
    assert "checkip.amazonaws.com" in attempts  # the external IP, over the internet
    assert "Did not auto detect external IP" in log


def test_an_unforeseen_error_shows_the_sentence_not_a_traceback(monkeypatch):
    """The app's one handler (streamlit_app.py): a page that fails shows what to do, in the
    user's language, and no exception element."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    import network_app

    def broken(*args, **kwargs):
        raise RuntimeError("kaputt: interne Einzelheit")

    monkeypatch.setattr(network_app, "build_graph", broken)
    # Earlier app tests in this process may have cached the bundled workbook's graph.
    st.cache_data.clear()
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120)
    at.run()
    assert len(at.exception) == 0
    assert [e.value for e in at.error] == [say("app.common.unexpected", "de")]
    assert "kaputt" not in str([e.value for e in at.error])
    at.radio(key="language").set_value("en").run()
    assert [e.value for e in at.error] == [say("app.common.unexpected", "en")]


def test_error_details_stay_off_when_the_handler_is_passed(tmp_path):
    """Streamlit reads showErrorDetails = "none" from the shipped config."""
    project = tmp_path / "project"
    (project / ".streamlit").mkdir(parents=True)
    shutil.copy(CONFIG, project / ".streamlit" / "config.toml")
    code = ("from streamlit import config\n"
            "config.get_config_options(force_reparse=True)\n"
            "print(config.get_option('client.showErrorDetails'),"
            " config.get_option('browser.gatherUsageStats'),"
            " config.get_option('server.showEmailPrompt'))\n")
    shown = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                           text=True, timeout=60, cwd=project,
                           env={**os.environ, "HOME": str(tmp_path)}).stdout.split()
    assert shown == ["none", "False", "False"]
