"""The public API is small and explicit, and the core never imports Streamlit."""

from __future__ import annotations

import subprocess
import sys

import network_app


def test_all_names_exist():
    for name in network_app.__all__:
        assert hasattr(network_app, name), name


def test_public_names_are_listed():
    public = {n for n in dir(network_app) if not n.startswith("_")}
    modules = {n for n in public if type(getattr(network_app, n)).__name__ == "module"}
    assert public - modules == set(network_app.__all__) - {"__version__"}


def test_importing_the_library_loads_no_streamlit():
    code = ("import sys, network_app, network_app.cli; "
            "print(any(m == 'streamlit' or m.startswith('streamlit.') for m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "False"
