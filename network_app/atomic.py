"""Atomic writes: a file appears complete or not at all.

Every writer of the project (template, exports, deck) writes to a temporary file in the target
folder, syncs it to disk and moves it over the target only when writing succeeded (then syncs the
folder, so the rename survives a power cut), so a crash, a full disk or bad data never leaves a
half-written file or destroys the previous one.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from collections.abc import Iterator
from pathlib import Path

__all__ = ["atomic_target", "fsync_folder"]


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
    fsync_folder(folder)


def fsync_folder(folder: str | os.PathLike[str]) -> None:
    """Make a rename or removal in ``folder`` durable (after a power cut the folder names the
    new file, not the old one). Best effort: a file system or platform that cannot sync a
    folder (Windows, some network drives) is left to its own guarantees."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
