"""Pictures with matplotlib's Agg canvas (no pyplot): a figure in the deck's font, its PNG, and
view boxes. What goes into a picture is drawn by :mod:`network_app.drawing.picture` (the
network) and :mod:`.geo` (the map); labels are placed by :mod:`network_app.drawing.labels`."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from ...drawing.settings import picture_settings
from .text import font_family
from .theme import PICTURE_DPI

__all__ = ["fit_box", "height_in", "render", "width_in"]


def _figure(width: float, height: float) -> tuple[Any, Any]:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), dpi=PICTURE_DPI, facecolor="white")
    FigureCanvasAgg(figure)
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_axis_off()
    return figure, axes


def _png(figure: Any) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=PICTURE_DPI, facecolor="white")
    return buffer.getvalue()


def render(draw: Callable[..., Any], width: float, height: float, *args: Any,
           **kwargs: Any) -> tuple[bytes, Any]:
    """Run ``draw(figure, axes, ...)`` on a fresh ``width`` × ``height`` inch figure in the deck's
    font (mathtext off: workbook text is text); return its PNG and what ``draw`` returned."""
    with picture_settings({"font.family": "sans-serif", "font.sans-serif": font_family(),
                          "text.parse_math": False}):
        figure, axes = _figure(width, height)
        result = draw(figure, axes, *args, **kwargs)
        return _png(figure), result


def width_in(figure: Any) -> float:
    return float(figure.get_figwidth())


def height_in(figure: Any) -> float:
    return float(figure.get_figheight())


def fit_box(axes: Any, box: tuple[float, float, float, float], width: float,
            height: float) -> None:
    """Show ``box`` (x0, x1, y0, y1) centred, undistorted, in a picture of width × height."""
    x0, x1, y0, y1 = box
    scale = max((x1 - x0) / width, (y1 - y0) / height)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    axes.set_xlim(cx - scale * width / 2, cx + scale * width / 2)
    axes.set_ylim(cy - scale * height / 2, cy + scale * height / 2)
