"""Pictures for print and reports: PNG (300 dpi), SVG and PDF (vector) with matplotlib.

A landscape page (A4 or A3) with the title, a reading aid, the network drawn at the app's
positions and in the app's colours, the legend and a footer with Datenstand, source and date.
The texts are measured and wrapped to the page (a long source takes a second line instead of
being cut), and the network gets all the room between them. The legend says "dicker = enger"
only when the ties between partners are drawn in different widths.

The network itself is :func:`network_app.drawing.picture.draw_network`, the same drawing as in
the council deck: labels in DejaVu Sans at print size (9 pt on A4, scaled up on A3), wrapped
after about 24 characters, on a white backing so lines never cross the text, never overlapping
another label or a dot (further out with a dotted leader line, or in smaller type, where there
is no room next to the dot). In a crowded picture (hundreds of partners) the largest keep their
label and the others get one only where there is room; a line above the footer then says how
many names are missing.

matplotlib is imported inside :func:`write_picture` (as networkx does), drawing on a plain
``Figure`` with no pyplot, so no global backend or state is touched and ``import network_app``
stays light.
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import networkx as nx

from ..drawing.picture import HUB_EDGE, MAX_LABELS, PARTNER_EDGE, draw_network
from ..drawing.settings import picture_settings
from ..drawing.styling import HUB_COLOR, NodeStyle, tie_widths_vary
from ..text import by_language, fill, say
from .common import ExportMeta, atomic_target

__all__ = ["DPI", "PAPER_SIZES", "PICTURE_FORMATS", "picture_page", "write_picture"]

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
    # How text is written into the file: as text in SVG, with embedded fonts in PDF.
    with picture_settings({"svg.fonttype": "none", "pdf.fonttype": 42,
                          "svg.hashsalt": "stadtlabor", "path.simplify": False}):
        figure = picture_page(graph, positions, styles, legend, meta, paper)
        with atomic_target(path) as temporary:
            figure.savefig(temporary, format=fmt, dpi=DPI, metadata=_metadata(meta, fmt))
    return Path(path)


def picture_page(graph: nx.Graph, positions: dict[Any, tuple[float, float]],
                 styles: dict[Any, NodeStyle], legend: list[tuple[str, str]],
                 meta: ExportMeta, paper: str = "A4") -> Any:
    """The page :func:`write_picture` writes, as a matplotlib ``Figure`` (same parameters).

    The network's axes are ``figure.axes[0]``. When names found no room even in smaller type
    and further out, a line above the footer says how many: the page is drawn again with room
    for it (or with that room from the start when the network has more nodes than labels are
    tried for).
    """
    if paper not in PAPER_SIZES:
        raise ValueError(f"unknown paper size {paper!r}; use A4 or A3")
    # parse_math off: a name such as "Kosten $5 und $10" is text, not (broken) mathtext.
    # A network larger than the labels tried surely has names missing: the note from the start.
    certain = graph.number_of_nodes() > MAX_LABELS
    with picture_settings({"font.family": [FONT, "sans-serif"], "text.parse_math": False}):
        figure, missing = _page(graph, positions, styles, legend, meta, paper, note=certain)
        if missing and not certain:
            figure, missing = _page(graph, positions, styles, legend, meta, paper, note=True)
    return figure


def _metadata(meta: ExportMeta, fmt: str) -> dict[str, Any]:
    title = meta.display_title or meta.words["untitled"]
    if fmt == "png":
        return {"Title": title, "Description": meta.footer(), "Software": "stadtLABOR Partnernetz"}
    if fmt == "pdf":
        return {"Title": title, "Subject": meta.footer(), "Creator": "stadtLABOR Partnernetz",
                "CreationDate": None, "Keywords": "intern" if meta.include_personal else None}
    return {"Title": title, "Description": meta.footer(), "Date": None,
            "Creator": "stadtLABOR Partnernetz"}


def _page(graph: nx.Graph, positions: dict[Any, tuple[float, float]],
          styles: dict[Any, NodeStyle], legend: list[tuple[str, str]], meta: ExportMeta,
          paper: str, *, note: bool) -> tuple[Any, int]:
    """The page, laid out from the top (title, reading aid) and from the bottom (footer, the
    note's line when ``note``, legend) by the texts' measured sizes, the network in between;
    returns the figure and how many names found no room."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    width, height = PAPER_SIZES[paper]
    scale = width / PAPER_SIZES["A4"][0]  # A3 gets everything √2 larger
    words = _WORDS[meta.lang]
    figure = Figure(figsize=(width, height), dpi=DPI)
    renderer = FigureCanvasAgg(figure).get_renderer()
    page = _Page(figure, renderer, scale)

    top = page.head(meta, meta.title or meta.words["untitled"],
                    _reading(graph, styles, words, meta.lang))

    small = {"fontsize": 8.5 * scale, "color": "#444444"}
    footer = page.text(0.02, meta.footer(), 0.97, lines=FOOTER_LINES, bottom=True, **small)
    bottom = page.above(footer, 0.006)
    note_at = bottom
    if note:
        bottom += page.line_height(8.5 * scale) + 0.006
    bottom = _draw_legend(page, graph, legend, words, bottom + 0.012)

    axes = figure.add_axes((0.02, bottom + 0.01, 0.96, max(top - bottom - 0.01, 0.05)))
    axes.set_axis_off()
    labelled = 0
    if graph.number_of_nodes() == 0:
        axes.text(0.5, 0.5, words["empty"], transform=axes.transAxes, ha="center",
                  fontsize=16 * scale, color="#444444")
    else:
        labelled = len(draw_network(figure, axes, graph, positions, styles,
                                    label_size=LABEL_PT * scale))
    missing = graph.number_of_nodes() - labelled
    if note and missing:
        page.text(note_at, say("exports.pictures.unlabelled", meta.lang, count=missing), 0.97,
                  lines=1, bottom=True, **small)
    return figure, missing


#: Ties of the bipartite view: a partner takes part in an activity or a programme.
MEMBER_TIES = frozenset({"activity", "programme"})
#: The footer's source line wraps onto this many lines at most; a longer source is shortened.
FOOTER_LINES = 4


class _Page:
    """Texts on a figure, wrapped to a width and stacked by their measured height."""

    def __init__(self, figure: Any, renderer: Any, scale: float) -> None:
        self.figure, self.renderer, self.scale = figure, renderer, scale
        self.width_px = figure.get_figwidth() * figure.dpi
        self.height_px = figure.get_figheight() * figure.dpi

    def fraction(self, pixels: float, axis: str) -> float:
        return pixels / (self.width_px if axis == "x" else self.height_px)

    def line_height(self, fontsize: float) -> float:
        return fontsize * 1.25 * self.figure.dpi / 72 / self.height_px

    def text(self, y: float, text: str, right: float, *, lines: int, bottom: bool = False,
             **style: Any) -> Any:
        """``text`` from x = 0.03 to ``right``, its top (or with ``bottom`` its bottom) at
        ``y``, wrapped onto at most ``lines`` lines (a longer text is shortened with "…")."""
        artist = self.figure.text(0.03, y, "", ha="left", va="bottom" if bottom else "top",
                                  **style)
        artist.set_text(self._wrap(artist, " ".join(text.split()),
                                   (right - 0.03) * self.width_px, lines))
        return artist

    def head(self, meta: Any, title: str, reading: str) -> float:
        """The page's top: the "intern" badge when personal data is in it, the title (two
        lines at most) and the reading aid (three); returns where the picture may begin."""
        scale = self.scale
        right = 0.97
        if meta.include_personal:
            badge = self.figure.text(0.97, 0.955, say("exports.pictures.intern", meta.lang),
                                     fontsize=13 * scale, fontweight="bold", ha="right",
                                     va="top", color="#B00020",
                                     bbox={"boxstyle": "round,pad=0.4", "fc": "white",
                                           "ec": "#B00020", "lw": 1.5 * scale})
            right = self.fraction(badge.get_window_extent(self.renderer).x0, "x") - 0.015
        title_artist = self.text(0.955, title, right, lines=2, fontsize=20 * scale,
                                 fontweight="bold", color="#1F1F1F")
        reading_artist = self.text(self.below(title_artist, 0.012), reading, 0.97, lines=3,
                                   fontsize=10.5 * scale, color="#444444")
        return self.below(reading_artist, 0.015)

    def below(self, artist: Any, gap: float) -> float:
        return self.fraction(artist.get_window_extent(self.renderer).y0, "y") - gap

    def above(self, artist: Any, gap: float) -> float:
        return self.fraction(artist.get_window_extent(self.renderer).y1, "y") + gap

    def _wrap(self, artist: Any, text: str, width: float, lines: int) -> str:
        """Greedy by measured width; a word wider than a line (a long file name) is broken."""
        def fits(candidate: str) -> bool:
            artist.set_text(candidate)
            return bool(artist.get_window_extent(self.renderer).width <= width)

        done: list[str] = []
        current = ""
        for word in text.split(" "):
            trial = f"{current} {word}" if current else word
            if fits(trial):
                current = trial
                continue
            if current:
                done.append(current)
            while not fits(word) and len(word) > 1:
                cut = max(n for n in range(1, len(word)) if n == 1 or fits(word[:n]))
                done.append(word[:cut])
                word = word[cut:]
            current = word
        done.append(current)
        if len(done) > lines:
            last = done[lines - 1]
            while last and not fits(last + " …"):
                last = last[:-1].rstrip()
            done = [*done[:lines - 1], last + " …"]
        return "\n".join(done)


def _reading(graph: nx.Graph, styles: dict[Any, NodeStyle], words: Mapping[str, Any],
             lang: str) -> str:
    hub = next((n for n, k in graph.nodes(data="kind") if k == "hub"), None)
    if hub is not None:
        return fill(words["reading"], lang, hub=styles[hub].label)
    if any(category for _, category in graph.nodes(data="category")):
        return str(words["reading_no_hub"])
    return str(words["reading_plain"])  # a network from another tool: no colours to read


def _draw_legend(page: _Page, graph: nx.Graph, legend: list[tuple[str, str]],
                 words: Mapping[str, Any], bottom: float) -> float:
    """The legend in rows above ``bottom`` (node colours above line kinds); returns its top.

    Line widths are explained only when the ties between partners are drawn in different
    widths."""
    from matplotlib.lines import Line2D

    scale = page.scale
    nodes: list[tuple[Any, str]] = []
    for label, color in legend:
        marker = "*" if color == HUB_COLOR else "o"
        nodes.append((Line2D([], [], linestyle="", marker=marker, markersize=
                             (15 if marker == "*" else 11) * scale, markerfacecolor=color,
                             markeredgecolor="white"), label))
    lines: list[tuple[Any, str]] = []
    kinds = {k for *_, k in graph.edges(data="kind")}
    if "category" in kinds:
        lines.append((Line2D([], [], color=HUB_EDGE, linewidth=1.5 * scale), words["hub_ties"]))
    if kinds & MEMBER_TIES:
        lines.append((Line2D([], [], color=PARTNER_EDGE, linewidth=1.5 * scale),
                       words["member_ties"]))
    if kinds - {"category"} - MEMBER_TIES:
        varied = tie_widths_vary(graph)
        lines.append((Line2D([], [], color=PARTNER_EDGE, linewidth=(2.5 if varied else 1.5)
                             * scale),
                      words["partner_ties_widths" if varied else "partner_ties"]))
    for row in (lines, nodes):
        if row:
            bottom = page.above(_legend_row(page, row, bottom), 0.008)
    return bottom


def _legend_row(page: _Page, row: list[tuple[Any, str]], bottom: float) -> Any:
    """One row of legend entries centred above ``bottom``, in more rows when too wide."""
    columns = len(row)
    while True:
        entry = page.figure.legend([h for h, _ in row], [t for _, t in row], loc="lower center",
                                   bbox_to_anchor=(0.5, bottom), ncol=columns, frameon=False,
                                   fontsize=10.5 * page.scale, handlelength=2.2,
                                   columnspacing=2.0, borderaxespad=0, borderpad=0)
        if columns == 1 or entry.get_window_extent(page.renderer).width <= 0.94 * page.width_px:
            return entry
        entry.remove()
        columns = math.ceil(columns / 2)
