"""A self-contained interactive HTML page for the intranet, built on rendering.network_html.

A network of more than ``OVERVIEW_LIMIT`` partners is written as the overview of its groups
instead (:mod:`.html_overview`), each group openable in the page.

The page is the app's picture (same positions, colours, tooltips, inlined vis-network, no
request leaves the machine) with a visible title bar (title, Datenstand, source), the legend
handed in, and a search box that selects and centres a partner. Workbook text reaches the page
only escaped or as JSON data (see :mod:`network_app.drawing.rendering`).
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path
from typing import Any

import networkx as nx

from ..drawing.rendering import network_html
from ..drawing.styling import NodeStyle
from ..network.overview import is_big
from .common import ExportMeta, atomic_target

__all__ = ["write_html"]

# The title bar sits above the bar of legend, search box and "Alles zeigen" button; the
# network fills the rest of the window (the page is a column of the window's height).
_EXTRA_CSS = """<style>
#export-head { padding: 10px 16px 6px 16px; border-bottom: 1px solid #ddd; }
#export-head h1 { font-size: 24px; margin: 0; }
#export-head p { font-size: 14px; margin: 4px 0 0 0; color: #444; overflow-wrap: anywhere; }
#export-head .intern { color: #b00020; font-weight: bold; }
#stage { min-height: 420px; }
</style>
"""
_LEGEND_LIST = re.compile(r'(<div id="legend"[^>]*><h2>[^<]*</h2>\n<ul>)(.*?)(</ul></div>)',
                          re.DOTALL)


def _legend_items(legend: list[tuple[str, str]]) -> str:
    return "".join(
        f'<li><span class="swatch" style="background:{_colour(color)}"></span>'
        f"{html.escape(label)}</li>"
        for label, color in legend
    )


def _colour(color: str) -> str:
    """Only ``#RRGGBB`` colours reach the style attribute."""
    return color if re.fullmatch(r"#[0-9A-Fa-f]{6}", color) else "#8C8C8C"


def page(graph: nx.Graph, positions: dict[Any, tuple[float, float]],
         styles: dict[Any, NodeStyle], legend: list[tuple[str, str]], meta: ExportMeta) -> str:
    """The HTML text of the export (what :func:`write_html` writes): for a network of more
    than ``OVERVIEW_LIMIT`` partners the overview of its groups
    (:mod:`network_app.exports.html_overview`), as the app shows it."""
    if is_big(graph):
        from .html_overview import overview_page  # the communities only for a big network

        return overview_page(graph, positions, styles, meta)
    caption = meta.footer()  # the whole source: the line wraps (a source may be a paragraph)
    text = network_html(graph, positions, styles, title=meta.display_title, caption="",
                        lang=meta.lang, height=700, search=True)
    text = _LEGEND_LIST.sub(lambda m: m.group(1) + _legend_items(legend) + m.group(3), text,
                            count=1)
    intern = (f' <span class="intern">{html.escape(meta.words["intern"].upper())}</span>'
              if meta.include_personal else "")
    head = (f'<header id="export-head"><h1>{html.escape(meta.title or meta.words["untitled"])}'
            f"{intern}"
            f"</h1><p>{html.escape(caption)}</p></header>\n")
    text = text.replace("</head>", _EXTRA_CSS + "</head>", 1)
    return text.replace("<body>\n", "<body>\n" + head, 1)


def write_html(path: str | os.PathLike[str], graph: nx.Graph,
               positions: dict[Any, tuple[float, float]], styles: dict[Any, NodeStyle],
               legend: list[tuple[str, str]], meta: ExportMeta) -> Path:
    """Write the network as one offline HTML file (UTF-8), replacing ``path`` atomically."""
    text = page(graph, positions, styles, legend, meta)
    with atomic_target(path) as temporary:
        temporary.write_text(text, encoding="utf-8")
    return Path(path)
