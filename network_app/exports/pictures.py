"""Pictures for print and reports: PNG (300 dpi), SVG and PDF (vector) with matplotlib.

A landscape page (A4 or A3) with the title, a one-line reading aid, the network drawn at the
app's positions and in the app's colours, the legend and a footer with Datenstand, source and
date. The network itself is :func:`network_app.drawing.picture.draw_network`, the same drawing
as in the council deck: labels in DejaVu Sans at print size (9 pt on A4, scaled up on A3),
wrapped after about 24 characters, on a white backing so lines never cross the text, never
overlapping another label or a dot (further out with a leader line where there is no room next
to the dot). In a crowded picture (hundreds of partners) the largest keep their label and the
others get one only where there is room; the page then says so.

matplotlib is imported inside :func:`write_picture` (as networkx does), drawing on a plain
``Figure`` with no pyplot, so no global backend or state is touched and ``import network_app``
stays light.
"""

from __future__ import annotations

import math
import os
import textwrap
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import networkx as nx

from ..drawing.picture import HUB_EDGE, PARTNER_EDGE, draw_network
from ..drawing.styling import HUB_COLOR, NodeStyle
from ..text import by_language, fill
from .common import ExportMeta, atomic_target

__all__ = ["DPI", "PAPER_SIZES", "PICTURE_FORMATS", "write_picture"]

PICTURE_FORMATS = ("png", "svg", "pdf")
DPI = 300
#: Paper sizes in inches, landscape (ISO 216: 297 × 210 mm and 420 × 297 mm), rounded up to
#: whole pixels at DPI so an A4 PNG is the full 3508 × 2481 pixels.
PAPER_SIZES: dict[str, tuple[float, float]] = {
    name: (math.ceil(w / 25.4 * DPI) / DPI, math.ceil(h / 25.4 * DPI) / DPI)
    for name, (w, h) in {"A4": (297, 210), "A3": (420, 297)}.items()
}
FONT = "DejaVu Sans"
#: Label size on an A4 page; A3 gets everything √2 larger.
LABEL_PT = 9.0

_WORDS = by_language("exports.pictures")


def write_picture(path: str | os.PathLike[str], graph: nx.Graph,
                  positions: dict[Any, tuple[float, float]], styles: dict[Any, NodeStyle],
                  legend: list[tuple[str, str]], meta: ExportMeta, *, fmt: str = "png",
                  paper: str = "A4") -> Path:
    """Draw the network on a landscape page and write it as PNG, SVG or PDF.

    Parameters
    ----------
    path : path-like
        The file to write (replaced atomically).
    graph, positions, styles, legend
        What the user sees: the (filtered) graph, positions ``{node: (x, y)}`` with y growing
        downwards as on screen, a :class:`~network_app.drawing.styling.NodeStyle` per node and the
        legend entries ``[(label, colour)]``.
    meta : ExportMeta
        Title, Datenstand, source, language; with ``include_personal`` the page says "INTERN".
    fmt : {"png", "svg", "pdf"}
        PNG at 300 dpi; SVG and PDF are vector (text stays text, fonts embedded in the PDF).
    paper : {"A4", "A3"}
        Landscape page size.
    """
    if fmt not in PICTURE_FORMATS:
        raise ValueError(f"unknown picture format {fmt!r}; use one of {PICTURE_FORMATS}")
    if paper not in PAPER_SIZES:
        raise ValueError(f"unknown paper size {paper!r}; use A4 or A3")
    import matplotlib

    # parse_math off: a name such as "Kosten $5 und $10" is text, not (broken) mathtext.
    with matplotlib.rc_context({"font.family": [FONT, "sans-serif"], "svg.fonttype": "none",
                                "pdf.fonttype": 42, "svg.hashsalt": "stadtlabor",
                                "path.simplify": False, "text.parse_math": False}):
        figure = _draw(graph, positions, styles, legend, meta, paper)
        with atomic_target(path) as temporary:
            figure.savefig(temporary, format=fmt, dpi=DPI, metadata=_metadata(meta, fmt))
    return Path(path)


def _metadata(meta: ExportMeta, fmt: str) -> dict[str, Any]:
    title = meta.display_title or meta.words["untitled"]
    if fmt == "png":
        return {"Title": title, "Description": meta.footer(), "Software": "stadtLABOR Partnernetz"}
    if fmt == "pdf":
        return {"Title": title, "Subject": meta.footer(), "Creator": "stadtLABOR Partnernetz",
                "CreationDate": None, "Keywords": "intern" if meta.include_personal else None}
    return {"Title": title, "Description": meta.footer(), "Date": None,
            "Creator": "stadtLABOR Partnernetz"}


def _draw(graph: nx.Graph, positions: dict[Any, tuple[float, float]],
          styles: dict[Any, NodeStyle], legend: list[tuple[str, str]], meta: ExportMeta,
          paper: str) -> Any:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    width, height = PAPER_SIZES[paper]
    scale = width / PAPER_SIZES["A4"][0]  # A3 gets everything √2 larger
    words = _WORDS[meta.lang]
    figure = Figure(figsize=(width, height), dpi=DPI)
    FigureCanvasAgg(figure)

    figure.text(0.03, 0.955, meta.title or meta.words["untitled"], fontsize=20 * scale,
                fontweight="bold", ha="left", va="top", color="#1F1F1F")
    if meta.include_personal:
        figure.text(0.97, 0.955, words["intern"], fontsize=13 * scale, fontweight="bold",
                    ha="right", va="top", color="#B00020",
                    bbox={"boxstyle": "round,pad=0.4", "fc": "white", "ec": "#B00020",
                          "lw": 1.5 * scale})
    figure.text(0.03, 0.02, meta.footer(width=110), fontsize=8.5 * scale,
                ha="left", va="bottom", color="#444444")

    axes = figure.add_axes((0.02, 0.135, 0.96, 0.745))
    axes.set_axis_off()
    labelled = 0
    if graph.number_of_nodes() == 0:
        axes.text(0.5, 0.5, words["empty"], transform=axes.transAxes, ha="center",
                  fontsize=16 * scale, color="#444444")
    else:
        labelled = len(draw_network(figure, axes, graph, positions, styles,
                                    label_size=LABEL_PT * scale))
    hub = next((n for n, k in graph.nodes(data="kind") if k == "hub"), None)
    if hub is not None:
        reading = fill(words["reading"], meta.lang, hub=styles[hub].label)
    elif any(category for _, category in graph.nodes(data="category")):
        reading = words["reading_no_hub"]
    else:  # a network from another tool: no categories to read the colours by
        reading = words["reading_plain"]
    if labelled < graph.number_of_nodes():
        reading += words["some_labels"]
    figure.text(0.03, 0.905, textwrap.fill(reading, int(150 * scale)), fontsize=10.5 * scale,
                ha="left", va="top", color="#444444")
    _draw_legend(figure, graph, legend, words, scale)
    return figure


def _draw_legend(figure: Any, graph: nx.Graph, legend: list[tuple[str, str]],
                 words: Mapping[str, Any], scale: float) -> None:
    from matplotlib.lines import Line2D

    handles, labels = [], []
    for label, color in legend:
        marker = "*" if color == HUB_COLOR else "o"
        handles.append(Line2D([], [], linestyle="", marker=marker, markersize=
                              (15 if marker == "*" else 11) * scale, markerfacecolor=color,
                              markeredgecolor="white"))
        labels.append(label)
    kinds = {k for *_, k in graph.edges(data="kind")}
    if "category" in kinds:
        handles.append(Line2D([], [], color=HUB_EDGE, linewidth=1.5 * scale))
        labels.append(words["hub_ties"])
    if kinds - {"category"}:
        handles.append(Line2D([], [], color=PARTNER_EDGE, linewidth=2.5 * scale))
        labels.append(words["partner_ties"])
    if not handles:
        return
    nodes = len(legend)
    rows = [(handles[:nodes], labels[:nodes], 0.094), (handles[nodes:], labels[nodes:], 0.062)]
    for row_handles, row_labels, y in rows:
        if row_handles:
            figure.legend(row_handles, row_labels, loc="center", bbox_to_anchor=(0.5, y),
                          ncol=len(row_handles), frameon=False, fontsize=10.5 * scale,
                          handlelength=2.2, columnspacing=2.0, borderaxespad=0)
