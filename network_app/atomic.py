"""Atomic writes: a file appears complete or not at all.

Every writer of the project (template, exports, deck) writes to a temporary file in the target
folder and moves it over the target only when writing succeeded, so a crash, a full disk or bad
data never leaves a half-written file or destroys the previous one.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from collections.abc import Iterator
from pathlib import Path

__all__ = ["atomic_target"]


@contextlib.contextmanager
def atomic_target(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path next to ``path``; on success move it over ``path``.

    Raises FileNotFoundError when the folder does not exist. On any failure the temporary file
    is removed and an existing ``path`` stays as it was.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> with atomic_target(folder / "a.txt") as temporary:
    ...     _ = temporary.write_text("fertig")
    >>> (folder / "a.txt").read_text(), sorted(p.name for p in folder.iterdir())
    ('fertig', ['a.txt'])
    """
    target = Path(path)
    folder = target.parent
    if not folder.is_dir():
        raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(folder))
    temporary = folder / f".{target.name}.{secrets.token_hex(6)}.tmp"
    try:
        yield temporary
        with open(temporary, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
