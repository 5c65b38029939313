"""The operations guide's container (deploy/Containerfile) builds and serves the app.

Built with Debian's podman as docs/operations.md says, on a base image made the guide's way
without Docker Hub (debootstrap of Debian 12 with python3 and python3-venv, ``podman import``;
made once per machine and kept as ``localhost/partnernetz-test-base:bookworm``), then run with
the workspace in a volume and the port on 127.0.0.1 only: the health check answers, the page
loads, the app renders in Chromium, runs as its own user (uid 10001) and puts the example into
the volume on its first start; the image's HEALTHCHECK passes; after a restart the volume still
holds the workspace.

Two things this machine kind needs that a city's server should not (both passed only when they
apply): Debian's crun refuses cgroups in "hybrid" mode, so the test runs podman with runc when
it is installed; the machine's containers may not raise resource limits, so the test sets the
open files and processes to what it has. Behind a TLS-inspecting proxy (PIP_CERT set, as here)
the build gets that certificate as the guide describes. Without podman the test skips, and
fails in CI (NETWORK_APP_REQUIRE_TOOLS); ./dev test installs podman, runc and debootstrap.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser import free_port
from conftest import ROOT, require_tool

from network_app.access import hash_password

BASE = "localhost/partnernetz-test-base:bookworm"
IMAGE = "localhost/partnernetz:test"
PASSWORD = "Rathaus-Soest-2026"

pytestmark = pytest.mark.timeout(1200)


def podman(*args: str, check: bool = True,
           timeout: float = 900) -> subprocess.CompletedProcess[str]:
    tool = require_tool("podman")
    runtime = ["--runtime", "runc"] if shutil.which("runc") else []
    done = subprocess.run([tool, *runtime, *args], capture_output=True, text=True,
                          timeout=timeout)
    if check:
        assert done.returncode == 0, f"podman {' '.join(args)}:\n{done.stdout}\n{done.stderr}"
    return done


def limits() -> list[str]:
    """The open files and processes this process has (podman would ask for more)."""
    files = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
    processes = min(resource.getrlimit(resource.RLIMIT_NPROC)[0], 4096)
    return ["--ulimit", f"nofile={files}:{files}", "--ulimit", f"nproc={processes}:{processes}"]


def ensure_base() -> None:
    """The guide's base without Docker Hub: debootstrap, then podman import (once a machine)."""
    if podman("image", "exists", BASE, check=False).returncode == 0:
        return
    debootstrap = require_tool("debootstrap")
    with tempfile.TemporaryDirectory(prefix="partnernetz-base-") as folder:
        subprocess.run(
            [debootstrap, "--variant=minbase", "--include=python3,python3-venv,ca-certificates",
             "bookworm", folder, "http://deb.debian.org/debian"],
            check=True, capture_output=True, timeout=900)
        archive = subprocess.Popen(["tar", "-C", folder, "-c", "."], stdout=subprocess.PIPE)
        imported = subprocess.run([require_tool("podman"), "import", "-", BASE],
                                  stdin=archive.stdout, capture_output=True, text=True)
        archive.wait()
        assert imported.returncode == 0, imported.stderr


def wait_healthy(name: str, url: str) -> None:
    deadline = time.monotonic() + 120
    while True:
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=3) as answer:
                assert answer.read() == b"ok"
                return
        except OSError:
            if time.monotonic() > deadline:
                raise TimeoutError(podman("logs", name, check=False).stderr) from None
            time.sleep(0.5)


@pytest.fixture(scope="module")
def container() -> Iterator[tuple[str, str]]:
    require_tool("podman")
    started = time.monotonic()
    ensure_base()
    print(f"base image: {time.monotonic() - started:.1f} s")
    build = ["build", "--format", "docker", "--network", "host", *limits(),
             "--build-arg", f"BASE={BASE}", "-t", IMAGE, "-f", "deploy/Containerfile"]
    certificate = os.environ.get("PIP_CERT")
    if certificate and os.path.isfile(certificate):
        build += ["-v", f"{certificate}:/run/ca.crt:ro", "--build-arg", "PIP_CERT=/run/ca.crt"]
    started = time.monotonic()
    podman(*build, str(ROOT))
    print(f"podman build: {time.monotonic() - started:.1f} s")
    name = f"partnernetz-test-{os.getpid()}"
    port = free_port()
    # The login, mounted as the guide says (the image sets PARTNERNETZ_LOGIN=required): a
    # secrets.toml only the container's user reads.
    folder = Path(tempfile.mkdtemp(prefix="partnernetz-secrets-"))
    secrets_file = folder / "secrets.toml"
    secrets_file.write_text(f'[login]\npassword_hash = "{hash_password(PASSWORD)}"\n',
                            encoding="utf-8")
    if os.geteuid() == 0:
        os.chown(secrets_file, 10001, 10001)
        secrets_file.chmod(0o600)
    else:  # rootless podman maps uid 10001 elsewhere: readable for all, in a private folder
        secrets_file.chmod(0o644)
    try:
        podman("run", "-d", "--name", name, *limits(), "-p", f"127.0.0.1:{port}:8501",
               "-v", f"{name}:/srv/partnernetz",
               "-v", f"{secrets_file}:/opt/partnernetz/.streamlit/secrets.toml:ro", IMAGE)
        url = f"http://127.0.0.1:{port}"
        wait_healthy(name, url)
        yield name, url
    finally:
        podman("rm", "-f", name, check=False)
        podman("volume", "rm", "-f", name, check=False)
        shutil.rmtree(folder, ignore_errors=True)


def test_container_serves_the_app(container: tuple[str, str], browser) -> None:
    name, url = container
    with urllib.request.urlopen(url + "/", timeout=10) as answer:
        assert answer.status == 200
        assert '<div id="root">' in answer.read().decode()
    assert podman("exec", name, "id", "-u").stdout.strip() == "10001"
    assert podman("healthcheck", "run", name, check=False).returncode == 0
    page = browser.new_page()
    try:
        page.goto(url + "/", wait_until="domcontentloaded")
        field = page.get_by_label("Passwort", exact=True)
        field.fill(PASSWORD)
        field.press("Enter")
        page.get_by_role("link", name="Arbeitsstand").wait_for(timeout=90_000)
    finally:
        page.close()
    # The first start wrote the example into the volume, as the unprivileged user.
    listing = podman("exec", name, "ls", "-n", "/srv/partnernetz/aktuell").stdout
    assert "stadtlabor_soest.xlsx" in listing and " 10001 " in listing
    versions = podman("exec", name, "ls", "/srv/partnernetz/versionen").stdout.split()
    assert len(versions) == 1
    # A restart (an update, a reboot) keeps the workspace: the volume outlives the process.
    podman("restart", name)
    wait_healthy(name, url)
    assert podman("exec", name, "ls", "/srv/partnernetz/versionen").stdout.split() == versions
    assert "stadtlabor_soest.xlsx" in podman("exec", name, "ls", "/srv/partnernetz/aktuell").stdout
