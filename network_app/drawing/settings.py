"""matplotlib's settings for one picture, safe when several pictures are drawn at once.

matplotlib keeps its settings (``rcParams``) for the whole process, and
``matplotlib.rc_context`` changes them there and puts them back on leaving. The app's server
draws in one thread per visitor and page run: when two pictures are drawn at the same time,
the first to finish puts back what the other still needs. Then an SVG written with
``svg.fonttype = "none"`` (text stays text: searchable, sharp, readable by screen readers)
came out with every letter as a path (seen on the presentation's reach view, while the
previous page's run was still drawing). :func:`picture_settings` takes one lock for the
settings and the drawing, so one picture at a time is drawn under its settings. Every picture
is drawn under it: the network page (:mod:`network_app.exports.pictures`), the map page
(:mod:`network_app.exports.maps`), the screen map (:func:`network_app.drawing.places.map_svg`),
the deck's pictures (:mod:`network_app.exports.pptx.drawing`) and the reach view; one drawn
outside it could still put back settings under another's feet
(tests/test_picture_settings.py).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from typing import Any

__all__ = ["picture_settings"]

#: Held while a picture is drawn under settings of its own (re-entrant: a picture may draw
#: another inside).
_LOCK = threading.RLock()


@contextlib.contextmanager
def picture_settings(settings: dict[str, Any]) -> Iterator[None]:
    """``matplotlib.rc_context(settings)`` for one picture, one picture at a time.

    >>> with picture_settings({"svg.fonttype": "none"}):
    ...     import matplotlib
    ...     matplotlib.rcParams["svg.fonttype"]
    'none'
    """
    import matplotlib

    with _LOCK, matplotlib.rc_context(settings):  # type: ignore[arg-type]
        yield
