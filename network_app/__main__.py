"""The command line: ``network-app`` and ``python -m network_app`` (:func:`run`)."""

import sys


def run() -> int:
    """Run the command line's command (:func:`network_app.cli.main`) in a process of its own.

    pandas imports pyarrow only to offer it as the storage of text columns; no command needs
    it (the app does: Streamlit sends its tables as Arrow). Left out before anything imports
    pandas, a command starts 60-70 ms sooner and peaks 45 MB lower; pandas then keeps text in
    Python strings: same values, same words, same files (tests/test_cli_exit.py compares a
    command-line run with one in a process that has pyarrow).
    """
    if "pandas" not in sys.modules:
        sys.modules.setdefault("pyarrow", None)  # type: ignore[arg-type]
    from .cli import main

    return main()


if __name__ == "__main__":
    sys.exit(run())
