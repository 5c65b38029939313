"""Pictures with matplotlib's Agg canvas (no pyplot): figures, PNGs, view boxes and labels."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .text import _font_family
from .theme import MUTED, PICTURE_DPI, TEXT


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


def _drawing(draw: Any, width: float, height: float, *args: Any, **kwargs: Any) -> Any:
    """Run ``draw(figure, axes, ...)`` on a fresh figure in the deck's font; its PNG and result."""
    import matplotlib

    with matplotlib.rc_context({"font.family": "sans-serif",
                                "font.sans-serif": _font_family()}):
        figure, axes = _figure(width, height)
        result = draw(figure, axes, *args, **kwargs)
        return _png(figure), result


@dataclass
class _Label:
    """A label to place next to a point: text, anchor (data units), marker radius (points)."""

    text: str
    x: float
    y: float
    radius: float
    directions: list[tuple[float, float]]
    size: float = 11.0
    bold: bool = False


#: How much further out a label may sit, joined to its marker by a thin line.
LEADER_PT = 22

_DIRECTIONS = [(1.0, 0.0), (-1.0, 0.0), (0.0, 1.0), (0.0, -1.0),
               (0.71, 0.71), (-0.71, 0.71), (0.71, -0.71), (-0.71, -0.71)]


def _directions_from(ux: float, uy: float) -> list[tuple[float, float]]:
    """All eight directions, the one nearest (ux, uy) first."""
    return sorted(_DIRECTIONS, key=lambda d: -(d[0] * ux + d[1] * uy))


def _place_labels(figure: Any, axes: Any, labels: Sequence[_Label],
                  obstacles: Sequence[tuple[float, float, float]], *,
                  leaders: bool = False) -> list[int]:
    """Place labels in order where they overlap nothing and stay in the picture; skip the rest.

    ``obstacles`` are markers as (x, y, radius in points). With ``leaders`` a label may also sit
    further out, joined to its marker by a thin line (on maps; in a network a line is a tie).
    Returns the indices of the labels placed.
    """
    import numpy as np
    from matplotlib import patheffects

    renderer = figure.canvas.get_renderer()
    px = PICTURE_DPI / 72  # pixels per point
    frame = axes.bbox
    if obstacles:
        centres = axes.transData.transform([(x, y) for x, y, _ in obstacles])
        radii = np.array([r for *_, r in obstacles]) * px
        boxes = np.column_stack([centres[:, 0] - radii, centres[:, 1] - radii,
                                 centres[:, 0] + radii, centres[:, 1] + radii])
    else:
        boxes = np.zeros((0, 4))
    placed: list[tuple[float, float, float, float]] = []
    halo = [patheffects.withStroke(linewidth=4, foreground="white")]
    done: list[int] = []
    for index, label in enumerate(labels):
        probe = axes.text(0, 0, label.text, fontsize=label.size,
                          fontweight="bold" if label.bold else "normal", parse_math=False)
        extent = probe.get_window_extent(renderer)
        probe.remove()
        w, h = extent.width + 2, extent.height + 2
        cx, cy = axes.transData.transform((label.x, label.y))
        near = (label.radius + 3) * px
        # next to the marker first; then further out, with a thin line back to it
        candidates = [(near, d) for d in label.directions]
        if leaders:
            candidates += [(near + LEADER_PT * px, d) for d in label.directions]
        for gap, (ux, uy) in candidates:
            ox, oy = ux * gap, uy * gap
            ha = "left" if ux > 0.3 else "right" if ux < -0.3 else "center"
            va = "bottom" if uy > 0.3 else "top" if uy < -0.3 else "center"
            x0 = cx + ox - {"left": 0, "right": w, "center": w / 2}[ha]
            y0 = cy + oy - {"bottom": 0, "top": h, "center": h / 2}[va]
            box = (x0, y0, x0 + w, y0 + h)
            if not (frame.x0 <= box[0] and box[2] <= frame.x1 and frame.y0 <= box[1]
                    and box[3] <= frame.y1):
                continue
            if any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3]
                   for b in placed):
                continue
            hits = ((boxes[:, 0] < box[2]) & (box[0] < boxes[:, 2]) & (boxes[:, 1] < box[3])
                    & (box[1] < boxes[:, 3]))
            if hits.any():
                continue
            leader = None if gap == near else {
                "arrowstyle": "-", "color": "#" + MUTED, "linewidth": 1.0,
                "shrinkA": 1, "shrinkB": label.radius + 1}
            axes.annotate(label.text, (label.x, label.y), xytext=(ox / px, oy / px),
                          textcoords="offset points", ha=ha, va=va, fontsize=label.size,
                          fontweight="bold" if label.bold else "normal", color="#" + TEXT,
                          path_effects=halo, zorder=6, parse_math=False, arrowprops=leader)
            placed.append(box)
            done.append(index)
            break
    return done


def width_in(figure: Any) -> float:
    return float(figure.get_figwidth())


def height_in(figure: Any) -> float:
    return float(figure.get_figheight())


def _fit_box(axes: Any, box: tuple[float, float, float, float], width: float,
             height: float) -> None:
    """Show ``box`` (x0, x1, y0, y1) centred, undistorted, in a picture of width × height."""
    x0, x1, y0, y1 = box
    scale = max((x1 - x0) / width, (y1 - y0) / height)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    axes.set_xlim(cx - scale * width / 2, cx + scale * width / 2)
    axes.set_ylim(cy - scale * height / 2, cy + scale * height / 2)
