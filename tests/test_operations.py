"""The operations guide (docs/operations.md), followed once as written on a clean install.

Its non-container path, step by step: the repository's files (what ``git clone`` gives: tracked
and not ignored) copied to a fresh "/opt/partnernetz", a fresh venv there with ``pip install .``
(not editable), the workspace in a fresh "/srv/partnernetz", the app started with exactly the
``ExecStart``, ``WorkingDirectory`` and ``Environment`` of ``deploy/partnernetz.service``, and
nginx in front of it with ``deploy/nginx.conf`` and a self-signed certificate. Only the paths
and ports are moved into a temporary folder (each substitution must hit, so neither file can
drift from what is tested). Then, through nginx over HTTPS: the health check, the app's page,
the websocket upgrade (a raw handshake and the app rendered in Chromium), the redirect from
plain HTTP, a body over the upload limit refused with 413 and one of 50 MB let through; and
``systemd-analyze verify`` of the unit.

nginx comes from Debian (``./dev test`` installs it); without it the test skips, and fails in
CI (NETWORK_APP_REQUIRE_TOOLS). The container path is tested by tests/test_container.py.
"""

from __future__ import annotations

import base64
import hashlib
import http.client
import os
import re
import shlex
import shutil
import socket
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from browser import free_port
from conftest import ROOT, require_tool

UNIT = ROOT / "deploy" / "partnernetz.service"
NGINX_SITE = ROOT / "deploy" / "nginx.conf"
APP_PORT = "8501"
#: What the app takes (MB, .streamlit/config.toml) and nginx's limit (deploy/nginx.conf).
UPLOAD_MB = 50
MB = 1024 * 1024
#: The password of the login set up as the guide's step 3 says.
PASSWORD = "Rathaus-Soest-2026"

pytestmark = pytest.mark.timeout(600)


def read_unit(text: str) -> dict[str, list[str]]:
    """The unit's ``Key=value`` lines, each key's values in order (``Environment`` repeats)."""
    found: dict[str, list[str]] = {}
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith(("#", ";", "[")):
            continue
        key, _, value = line.partition("=")
        found.setdefault(key.strip(), []).append(value.strip())
    return found


def test_unit_reads_as_the_guide_says() -> None:
    unit = read_unit(UNIT.read_text(encoding="utf-8"))
    command = shlex.split(unit["ExecStart"][0])
    assert command[:3] == ["/opt/partnernetz/.venv/bin/streamlit", "run", "streamlit_app.py"]
    options = dict(zip(command[3::2], command[4::2], strict=True))
    assert options["--server.address"] == "127.0.0.1"
    assert options["--server.port"] == APP_PORT
    assert options["--server.headless"] == "true"
    assert unit["WorkingDirectory"] == ["/opt/partnernetz"]
    assert "PARTNERNETZ_WORKSPACE=/srv/partnernetz" in unit["Environment"]
    assert "PARTNERNETZ_LOGIN=required" in unit["Environment"]  # never open to everyone
    assert unit["ReadWritePaths"] == ["/srv/partnernetz"]
    for hardening in ("ProtectSystem=strict", "NoNewPrivileges=true", "PrivateTmp=true"):
        key, value = hardening.split("=")
        assert unit[key] == [value]
    assert unit["User"] == ["partnernetz"]
    # The upload limits agree: the app's, the loader's and nginx's (which leaves room for the
    # form around a 50 MB file).
    from network_app.workbook.limits import MAX_UPLOAD_MB
    config = (ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8")
    assert f"maxUploadSize = {UPLOAD_MB}" in config and MAX_UPLOAD_MB == UPLOAD_MB
    site = NGINX_SITE.read_text(encoding="utf-8")
    assert re.search(rf"client_max_body_size {UPLOAD_MB + 1}m;", site)


@dataclass
class Install:
    root: Path  # stands for /
    opt: Path  # /opt/partnernetz
    workspace: Path  # /srv/partnernetz
    state: Path  # /var/lib/partnernetz
    app_port: int
    https_port: int
    http_port: int
    certificate: Path
    unit: Path  # the unit with the paths moved

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.https_port}"

    def tls(self) -> ssl.SSLContext:
        """Trusts the test's own certificate only (and checks it: name and chain)."""
        return ssl.create_default_context(cafile=str(self.certificate))


def moved(text: str, replacements: dict[str, str]) -> str:
    for old, new in replacements.items():
        assert old in text, f"{old!r} is no longer in the file: update the guide and the test"
        text = text.replace(old, new)
    return text


def copy_checkout(target: Path) -> None:
    """What a clone holds: the tracked files and new ones not ignored, as they are now."""
    listing = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT, check=True, capture_output=True).stdout.decode().split("\0")
    for name in filter(None, listing):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)


def wait_for(url: str, context: ssl.SSLContext | None, process: subprocess.Popen[bytes],
             log: Path, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(log.read_text(errors="replace"))
        try:
            with urllib.request.urlopen(url, timeout=3, context=context) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError(f"{url} did not answer; log:\n{log.read_text(errors='replace')}")


def stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope="module")
def install() -> Iterator[Install]:
    nginx = require_tool("nginx")
    openssl = require_tool("openssl")
    root = Path(tempfile.mkdtemp(prefix="partnernetz-guide-"))
    opt, workspace, state = root / "opt/partnernetz", root / "srv/partnernetz", root / "var/lib"
    for folder in (opt, workspace, state):
        folder.mkdir(parents=True)
    processes: list[subprocess.Popen[bytes]] = []
    try:
        # Installation: the checkout, a venv, pip install . (the guide's commands; pip's cache
        # spares the downloads, --no-compile the byte-compiling of every installed module,
        # which the server needs and the test does not).
        started = time.monotonic()
        copy_checkout(opt)
        subprocess.run([sys.executable, "-m", "venv", str(opt / ".venv")], check=True)
        pip = subprocess.run([str(opt / ".venv/bin/pip"), "install", "--quiet",
                              "--disable-pip-version-check", "--no-compile", "."],
                             cwd=opt, capture_output=True, text=True)
        assert pip.returncode == 0, pip.stdout + pip.stderr
        print(f"checkout + venv + pip install .: {time.monotonic() - started:.1f} s")
        # Step 3, the login: the example copied, the line of `network-app password` under its
        # [login] (the unit's PARTNERNETZ_LOGIN=required locks the app without it).
        made = subprocess.run([str(opt / ".venv/bin/network-app"), "password"], cwd=opt,
                              input=PASSWORD + "\n", capture_output=True, text=True, check=True)
        hash_line = next(line for line in made.stdout.splitlines()
                         if line.startswith("password_hash = "))
        example = (opt / ".streamlit/secrets.example.toml").read_text(encoding="utf-8")
        secrets_file = opt / ".streamlit/secrets.toml"
        secrets_file.write_text(moved(example, {"[login]\n": f"[login]\n{hash_line}\n"}),
                                encoding="utf-8")
        secrets_file.chmod(0o600)

        # The service, as systemd would start it: the unit's directory, environment and command.
        app_port, https_port, http_port = free_port(), free_port(), free_port()
        unit_text = moved(UNIT.read_text(encoding="utf-8"), {
            "/opt/partnernetz": str(opt), "/srv/partnernetz": str(workspace),
            "/var/lib/partnernetz": str(state / "partnernetz"),
            f"--server.port {APP_PORT}": f"--server.port {app_port}"})
        unit_path = root / "partnernetz.service"
        unit_path.write_text(unit_text, encoding="utf-8")
        unit = read_unit(unit_text)
        environment = {"PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8"}
        for assignment in unit["Environment"]:
            key, _, value = assignment.partition("=")
            environment[key] = value
        (state / "partnernetz").mkdir()  # StateDirectory=
        app_log = root / "app.log"
        with app_log.open("wb") as log:
            processes.append(subprocess.Popen(
                shlex.split(unit["ExecStart"][0]), cwd=unit["WorkingDirectory"][0],
                env=environment, stdout=log, stderr=subprocess.STDOUT))
        wait_for(f"http://127.0.0.1:{app_port}/_stcore/health", None, processes[-1], app_log)

        # nginx with the guide's site file, a self-signed certificate and its own ports.
        certificate, key = root / "cert.pem", root / "key.pem"
        subprocess.run(
            [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
             "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
             "-keyout", str(key), "-out", str(certificate)], check=True, capture_output=True)
        site = moved(NGINX_SITE.read_text(encoding="utf-8"), {
            "server 127.0.0.1:8501;": f"server 127.0.0.1:{app_port};",
            "    listen 80;": f"    listen 127.0.0.1:{http_port};",
            "    listen [::]:80;": "",
            "    listen 443 ssl http2;": f"    listen 127.0.0.1:{https_port} ssl http2;",
            "    listen [::]:443 ssl http2;": "",
            "/etc/ssl/partnernetz/fullchain.pem": str(certificate),
            "/etc/ssl/partnernetz/privkey.pem": str(key)})
        (root / "nginx").mkdir()
        (root / "nginx/site.conf").write_text(site, encoding="utf-8")
        temp_paths = "\n".join(f"    {kind}_temp_path {root}/nginx/{kind};"
                               for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
        (root / "nginx/nginx.conf").write_text(
            # As root, nginx's workers would run as "nobody", who may not write the temp folder.
            ("user root;\n" if os.geteuid() == 0 else "")
            + f"daemon off;\nworker_processes 1;\npid {root}/nginx/nginx.pid;\n"
            f"error_log {root}/nginx/error.log;\nevents {{ worker_connections 64; }}\n"
            f"http {{\n    access_log {root}/nginx/access.log;\n{temp_paths}\n"
            f"    include {root}/nginx/site.conf;\n}}\n", encoding="utf-8")
        nginx_command = [nginx, "-p", f"{root}/nginx", "-c", f"{root}/nginx/nginx.conf",
                         "-e", f"{root}/nginx/error.log"]
        check = subprocess.run([*nginx_command, "-t"], capture_output=True, text=True)
        assert check.returncode == 0, check.stderr
        nginx_log = root / "nginx/error.log"
        processes.append(subprocess.Popen(nginx_command, stdout=subprocess.DEVNULL,
                                          stderr=subprocess.DEVNULL))
        result = Install(root, opt, workspace, state, app_port, https_port, http_port,
                         certificate, unit_path)
        wait_for(result.url + "/_stcore/health", result.tls(), processes[-1], nginx_log)
        yield result
    finally:
        for process in reversed(processes):
            stop(process)
        # The venv is large: removed by a process of its own, which the test does not wait for.
        subprocess.Popen(["rm", "-rf", "--", str(root)], start_new_session=True)


def test_health_and_page_over_https(install: Install) -> None:
    with urllib.request.urlopen(install.url + "/_stcore/health", context=install.tls(),
                                timeout=10) as answer:
        assert (answer.status, answer.read()) == (200, b"ok")
    with urllib.request.urlopen(install.url + "/", context=install.tls(), timeout=10) as answer:
        page = answer.read().decode()
        assert answer.status == 200
        assert answer.headers["Strict-Transport-Security"] == "max-age=31536000"
    assert '<div id="root">' in page
    # Plain HTTP only leads to HTTPS.
    connection = http.client.HTTPConnection("127.0.0.1", install.http_port, timeout=10)
    connection.request("GET", "/Netzwerk")
    answer = connection.getresponse()
    assert answer.status == 301
    assert answer.getheader("Location") == "https://127.0.0.1/Netzwerk"


def test_websocket_upgrade_through_nginx(install: Install) -> None:
    key = base64.b64encode(os.urandom(16)).decode()
    request = (f"GET /_stcore/stream HTTP/1.1\r\nHost: 127.0.0.1:{install.https_port}\r\n"
               "Upgrade: websocket\r\nConnection: Upgrade\r\n"
               f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
               "Sec-WebSocket-Protocol: streamlit\r\n\r\n")
    with socket.create_connection(("127.0.0.1", install.https_port), timeout=10) as raw, \
            install.tls().wrap_socket(raw, server_hostname="127.0.0.1") as connection:
        connection.sendall(request.encode())
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = connection.recv(4096)
            assert chunk, head
            head += chunk
    status, *lines = head.split(b"\r\n\r\n")[0].decode().split("\r\n")
    headers = {name.lower(): value for name, _, value in
               (line.partition(": ") for line in lines)}
    assert status.startswith("HTTP/1.1 101"), head
    accept = base64.b64encode(hashlib.sha1(
        (key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").encode()).digest()).decode()
    assert headers["sec-websocket-accept"] == accept
    assert headers["upgrade"].lower() == "websocket"


def test_app_renders_in_chromium_through_nginx(install: Install, browser) -> None:
    """The page gets everything over the websocket: the pages of the navigation, the network."""
    context = browser.new_context(ignore_https_errors=True)
    try:
        page = context.new_page()
        page.goto(install.url + "/", wait_until="domcontentloaded")
        field = page.get_by_label("Passwort", exact=True)  # the login the guide set up
        field.fill(PASSWORD)
        field.press("Enter")
        page.get_by_role("link", name="Arbeitsstand").wait_for(timeout=90_000)
        page.wait_for_function("document.title === 'Partnernetz stadtLABOR'", timeout=30_000)
        # The network page on the workspace's workbook (the bundled example: 64 partners).
        page.get_by_text("Gezeigt: 64 von 64 Partnern").wait_for(timeout=60_000)
        shots = ROOT / "test-artifacts" / "operations"
        shots.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(shots / "app-through-nginx.png"))
    finally:
        context.close()
    # The first start put the bundled example into the unit's workspace, as a first version.
    assert [p.name for p in (install.workspace / "aktuell").iterdir()] == \
        ["stadtlabor_soest.xlsx"]
    versions = list((install.workspace / "versionen").iterdir())
    assert len(versions) == 1 and (versions[0] / "version.json").is_file()


def upload(install: Install, size: int, send_body: bool) -> int:
    """The status of a PUT of ``size`` bytes to the app's upload address through nginx."""
    connection = http.client.HTTPSConnection("127.0.0.1", install.https_port,
                                             context=install.tls(), timeout=60)
    boundary = "partnernetz-test"
    head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; "
            "filename=\"gross.xlsx\"\r\nContent-Type: application/octet-stream\r\n\r\n").encode()
    tail = f"\r\n--{boundary}--\r\n".encode()
    connection.putrequest("PUT", "/_stcore/upload_file/session/file")
    connection.putheader("Content-Type", f"multipart/form-data; boundary={boundary}")
    connection.putheader("Content-Length", str(len(head) + size + len(tail)))
    connection.endheaders()
    if send_body:
        connection.send(head)
        block = b"\0" * MB
        for start in range(0, size, MB):
            connection.send(block[:min(MB, size - start)])
        connection.send(tail)
    status = connection.getresponse().status
    connection.close()
    return status


def test_upload_limit_at_the_proxy(install: Install) -> None:
    # Over the limit: refused by nginx on the announced length, before any byte reaches the app.
    assert upload(install, (UPLOAD_MB + 2) * MB, send_body=False) == 413
    # nginx logs the request when it is done with it (after a lingering close: a moment).
    logged = r'"PUT /_stcore/upload_file/session/file HTTP/1.1" 413'
    deadline = time.monotonic() + 15
    while not re.search(logged, (install.root / "nginx/access.log").read_text()):
        assert time.monotonic() < deadline, "nginx did not log its 413"
        time.sleep(0.2)
    # A file of exactly the app's limit, in its form, gets through to the app (which refuses it
    # only for the made-up session: not nginx's 413, nor a gateway error).
    status = upload(install, UPLOAD_MB * MB, send_body=True)
    assert status not in (413, 502, 504) and 400 <= status < 500, status


def test_systemd_accepts_the_unit(install: Install) -> None:
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed (systemd)")
    verify = subprocess.run([analyze, "verify", str(install.unit)], capture_output=True,
                            text=True)
    problems = [line for line in (verify.stdout + verify.stderr).splitlines()
                if "partnernetz.service" in line]
    assert verify.returncode == 0 and not problems, verify.stdout + verify.stderr
