"""Rendering: draws what it is handed (graph, positions, styles) as a self-contained HTML page.

The page inlines the vis-network build that ships inside pyvis, so it works offline and loads
nothing from a CDN. Everything from the workbook reaches the page as JSON data (with ``<``
escaped, so no cell can close the script) or through ``html.escape``; tooltips are plain strings,
which vis-network shows as text. pyvis' own template is not used: it inserts some values as raw
HTML (its Jinja environment does not autoescape, so the heading and the node names in its select
menu go into the page unescaped, and its tooltip popup sets ``innerHTML`` to the node title), and
it loads vis-network's CSS from a CDN.

Every page carries a Content-Security-Policy (:func:`with_csp`): only its own script blocks
run (by their SHA-256, computed when the page is built), no inline event handler, nothing is
fetched from anywhere (pictures and fonts only as ``data:``/``blob:``), no form is sent. Were
some text ever to slip through unescaped, an ``<img onerror=…>``, a ``<script>`` or a picture
from a server would do nothing.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
from collections.abc import Iterable, Mapping
from functools import cache, lru_cache
from importlib import resources
from importlib.util import find_spec
from pathlib import Path
from typing import Any

import networkx as nx

from ..text import by_language
from .styling import NodeStyle, legend

__all__ = ["content_security_policy", "label_engine_js", "label_ranks", "network_html",
           "ranks_of", "vis_network_js", "with_csp"]

_WORDS = by_language("drawing.rendering")


@lru_cache(maxsize=1)
def vis_network_js() -> str:
    """The vis-network library bundled with pyvis (read once per process).

    Found without importing pyvis: its ``__init__`` imports IPython and Jinja, 0.2 s of every
    HTML export's start on the reference machine, for one file we only read."""
    spec = find_spec("pyvis")
    folders = list(spec.submodule_search_locations or []) if spec is not None else []
    for folder in folders:
        lib = Path(folder) / "templates" / "lib" / "vis-9.1.2" / "vis-network.min.js"
        if lib.is_file():
            return lib.read_text(encoding="utf-8")
    bundled = resources.files("pyvis") / "templates" / "lib" / "vis-9.1.2" / "vis-network.min.js"
    return bundled.read_text(encoding="utf-8")  # a zipped install: through pyvis after all


def _json(value: Any) -> str:
    """JSON that is safe inside a <script> element."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _node_tooltip(attrs: dict[str, Any], words: Mapping[str, Any]) -> str:
    if "tooltip" in attrs:  # a group of the overview says what it is itself
        return str(attrs["tooltip"])
    lines = [str(attrs.get("label", ""))]
    if attrs.get("categories"):
        lines.append(f"{words['categories']}: {', '.join(attrs['categories'])}")
    for key in ("type", "place", "reach"):
        if attrs.get(key):
            lines.append(f"{words[key]}: {attrs[key]}")
    span = [f"{words[k]} {attrs[k]}" for k in ("since", "until") if attrs.get(k)]
    if span:
        lines.append(", ".join(span))
    return "\n".join(lines)


def _edge_tooltip(attrs: dict[str, Any], words: Mapping[str, Any]) -> str:
    if "tooltip" in attrs:
        return str(attrs["tooltip"])
    lines = []
    for relation in attrs.get("relations", []):
        lines.append(f"{words['relation']}: {relation.get('kind') or '–'}")
    if attrs.get("activities"):
        lines.append(f"{words['activities']}: {'; '.join(attrs['activities'])}")
    if attrs.get("programmes"):
        lines.append(f"{words['programmes']}: {'; '.join(attrs['programmes'])}")
    if attrs.get("kind") == "category":
        lines.append(", ".join(attrs.get("categories") or []))
    return "\n".join(lines)


def label_ranks(graph: nx.Graph, styles: Mapping[Any, NodeStyle]) -> dict[Any, int]:
    """The order in which the label engine (labels.js) names the nodes: 0 is named first.

    The hub comes first, then bigger nodes, then nodes with more ties, then by name; the engine
    names as many as fit without overlap, so at the overview the most important names show.

    >>> graph = nx.Graph([("hub", "a"), ("hub", "b"), ("a", "b"), ("b", "c")])
    >>> graph.nodes["hub"]["kind"] = "hub"
    >>> styles = {n: NodeStyle("#000000", 10.0, n) for n in graph}
    >>> sorted(label_ranks(graph, styles).items(), key=lambda item: item[1])
    [('hub', 0), ('b', 1), ('a', 2), ('c', 3)]
    """
    hubs = {node for node, kind in graph.nodes(data="kind") if kind == "hub"}
    return ranks_of(((node, node in hubs, degree) for node, degree in graph.degree()), styles)


def ranks_of(nodes: Iterable[tuple[Any, bool, int]], styles: Mapping[Any, NodeStyle]
             ) -> dict[Any, int]:
    """:func:`label_ranks` from ``(node, is the hub, number of ties)`` in one pass, for callers
    that count the ties themselves; nodes that rank alike keep the order given.

    >>> styles = {n: NodeStyle("#000000", 10.0, n) for n in "abc"}
    >>> ranks_of([("a", False, 1), ("b", False, 2), ("c", True, 0)], styles)
    {'c': 0, 'b': 1, 'a': 2}
    """
    keyed = []
    for node, hub, degree in nodes:
        style = styles[node]
        keyed.append(((0 if hub else 1, -float(style.size), -degree,
                       str(style.label).casefold()), node))
    keyed.sort(key=lambda item: item[0])
    return {node: rank for rank, (_, node) in enumerate(keyed)}


def vis_data(graph: nx.Graph, positions: dict[Any, tuple[float, float]],
             styles: dict[Any, NodeStyle], lang: str = "de") -> dict[str, list[dict]]:
    """Nodes and edges as vis-network wants them; node ids are indexes, not names.

    ``label`` is the name the label engine draws (the pages hand vis nodes without it) and
    ``rank`` its order (:func:`label_ranks`).
    """
    words = _WORDS[lang]
    ids = {node: i for i, node in enumerate(graph.nodes)}
    ranks = label_ranks(graph, styles)
    nodes = []
    for node, attrs in graph.nodes(data=True):
        style = styles[node]
        x, y = positions.get(node, (0.0, 0.0))
        nodes.append({
            "id": ids[node], "label": style.label, "title": _node_tooltip(attrs, words),
            "x": x, "y": y, "color": style.color, "size": style.size, "shape": style.shape,
            "kind": attrs.get("kind"), "rank": ranks[node],
        })
    edges = []
    for a, b, attrs in graph.edges(data=True):
        hub_edge = attrs.get("kind") == "category"
        edges.append({
            "from": ids[a], "to": ids[b], "title": _edge_tooltip(attrs, words),
            # the strength on the lab's 1–5 scale (the weight may be a foreign 291)
            "width": 1 if hub_edge else min(1 + attrs.get("strength", attrs.get("weight", 1)), 8),
            # ties between the overview's groups lighter: they cross each other a lot
            "color": "#C8C8C8" if hub_edge else "#9A9A9A" if attrs.get("kind") == "group"
            else "#555555",
        })
    return {"nodes": nodes, "edges": edges}


_PAGE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
html, body {{ margin: 0; padding: 0; font-family: "DejaVu Sans", Arial, sans-serif;
  background: #ffffff; color: #1f1f1f; }}
body {{ display: flex; flex-direction: column; height: 100vh; }}
#bar {{ display: flex; flex-wrap: wrap; align-items: center; gap: 6px 16px; padding: 6px 10px;
  border-bottom: 1px solid #e0e0e0; background: #fafafa; font-size: 15px; }}
#legend {{ flex: 1 1 auto; }}
#legend h2 {{ display: inline; font-size: 15px; margin: 0 12px 0 0; }}
#legend ul {{ display: inline; list-style: none; margin: 0; padding: 0; }}
#legend li {{ display: inline-block; margin: 2px 16px 2px 0; }}
#legend .swatch {{ display: inline-block; width: 14px; height: 14px; border-radius: 7px;
  margin-right: 6px; vertical-align: -2px; }}
#fit {{ font: inherit; font-size: 14px; padding: 4px 10px; background: #ffffff; color: #1f1f1f;
  border: 1px solid #8c8c8c; border-radius: 4px; cursor: pointer; }}
#fit:hover {{ background: #f0f0f0; }}
#fit:focus-visible, #network .vis-network:focus-visible {{ outline: 3px solid #0072B2;
  outline-offset: -3px; }}
#stage {{ position: relative; flex: 1 1 {height}px; min-height: 240px; }}
#network {{ position: absolute; inset: 0; }}
#hint {{ position: absolute; left: 50%; top: 50%; transform: translate(-50%, -50%);
  margin: 0; padding: 10px 18px; border-radius: 6px; pointer-events: none; z-index: 5;
  background: rgba(31, 31, 31, 0.82); color: #ffffff; font-size: 16px; }}
#hint[hidden] {{ display: none; }}
#caption {{ font-size: 13px; color: #555; padding: 2px 10px 4px 10px; text-align: right; }}
#caption:empty {{ display: none; }}
/* vis-network's own style sheet is not in the page: without a position of its own the tooltip
   stood below the picture, outside the window. A name of thousands of characters: the
   tooltip stays on screen, a long word wraps. */
div.vis-tooltip {{ position: absolute; visibility: hidden; z-index: 5; pointer-events: none;
  padding: 5px 8px; white-space: pre-line; font-size: 14px; max-width: 420px;
  max-height: 50vh; overflow: hidden; overflow-wrap: anywhere; color: #000000;
  background-color: #f5f4ed; border: 1px solid #808074; border-radius: 3px; }}
{search_css}</style>
</head>
<body>
<div id="bar">
<div id="legend" aria-label="{legend_word}"><h2>{legend_word}</h2>
<ul>{legend}</ul></div>
{search_box}<button type="button" id="fit" title="{fit_help}">{fit}</button>
</div>
<div id="stage" data-hint="{zoom_hint}" data-hint-mac="{zoom_hint_mac}">
<div id="network" role="img" aria-label="{graph_word}: {title}"></div>
<p id="hint" role="status" hidden></p>
</div>
<div id="caption">{caption}</div>
<script>{vis}</script>
<script>
{labels}
var graphData = {data};
var LABEL_SIZE = 16;
var sizes = graphData.nodes.map(function (node) {{ return node.size; }});
// The names are drawn by the label engine (labels.js), not by vis.
var network = new vis.Network(
  document.getElementById("network"),
  {{ nodes: new vis.DataSet(graphData.nodes.map(function (node) {{
       var plain = Object.assign({{}}, node); delete plain.label; return plain; }})),
     edges: new vis.DataSet(graphData.edges) }},
  {{
    physics: {{ enabled: false }},
    // Keys act only while the picture has the focus: "-", "+" and the arrows bound to the
    // window could not be typed into the search box.
    interaction: {{ hover: true, tooltipDelay: 150,
                   keyboard: {{ enabled: true, bindToWindow: false, autoFocus: false }} }},
    nodes: {{ borderWidth: 1 }},
    edges: {{ smooth: false }}
  }}
);
// vis' own frame takes the focus (a click or the Tab key) for its keys; it is what a screen
// reader announces (a focusable part inside role="img" would be hidden from it).
(function () {{
  var box = document.getElementById("network");
  var frame = box.querySelector(".vis-network");
  if (!frame) return;
  frame.setAttribute("tabindex", "0");
  frame.setAttribute("role", "application");
  frame.setAttribute("aria-label", box.getAttribute("aria-label"));
  box.removeAttribute("role");
  box.removeAttribute("aria-label");
}})();
var labels = PartnernetzLabels.attach(network, {{
  names: graphData.nodes.map(function (node) {{ return node.label; }}),
  ranks: graphData.nodes.map(function (node) {{ return node.rank; }}),
  sizes: sizes, fontSize: LABEL_SIZE,
  first: function () {{ return network.getSelectedNodes(); }},
  canvas: function () {{ return document.querySelector("#network canvas"); }}
}});
// Test hooks (tests/test_label_overlap.py): the names drawn right now with their boxes in page
// coordinates, [{{name, x, y, w, h}}], and every dot on screen, [{{name, x, y, r}}].
window.__partnernetzLabels = function () {{ return labels.boxes(); }};
window.__partnernetzDots = function () {{ return labels.dots(); }};
// Refitted when the window changes size, until the user zooms or pans.
var fitted = PartnernetzLabels.keepFitted(network, function () {{ showAll(false); }});
function showAll(animate) {{
  fitted.fitted();
  var box = document.getElementById("network");
  PartnernetzLabels.fit(network, sizes, {{ width: box.clientWidth, height: box.clientHeight,
    fontSize: LABEL_SIZE, animate: animate }});
}}
document.getElementById("fit").addEventListener("click", function () {{ showAll(true); }});
(function () {{
  var stage = document.getElementById("stage");
  var hint = document.getElementById("hint");
  var timer = null;
  PartnernetzLabels.guardWheel(stage, function () {{
    hint.textContent = stage.getAttribute(
      PartnernetzLabels.isMac() ? "data-hint-mac" : "data-hint");
    hint.hidden = false;
    clearTimeout(timer);
    timer = setTimeout(function () {{ hint.hidden = true; }}, 1600);
  }});
}})();
network.once("afterDrawing", function () {{
  showAll(false);
  document.body.setAttribute("data-drawn", "1");
}});
{search_script}</script>
</body>
</html>
"""


# The search box (``search=True``): the names reach the <datalist> only through textContent,
# built in the browser from graphData by search.js, so no workbook text is ever parsed as HTML.
_SEARCH_CSS = """#search {{ position: relative; font-size: 15px; }}
#search input {{ font-size: 15px; width: 16em; margin-left: 6px; }}
#search-status {{ position: absolute; right: 0; top: calc(100% + 6px); z-index: 6;
  white-space: nowrap; font-size: 13px; color: #1f1f1f; background: #ffffff;
  border: 1px solid #d0d0d0; border-radius: 4px; padding: 2px 8px; }}
#search-status:empty {{ display: none; }}
"""
_SEARCH_BOX = """<div id="search"><label for="search-input">{label}</label><input id="search-input"
 type="search" list="search-names" autocomplete="off"><datalist id="search-names"></datalist>
<span id="search-status" role="status" aria-live="polite" data-not-found="{not_found}"
 data-found-many="{found_many}"></span>
</div>
"""


@cache
def _search_script() -> str:
    """search.js beside this module (package data), read once per process."""
    return resources.files("network_app.drawing").joinpath("search.js").read_text(encoding="utf-8")


@cache
def label_engine_js() -> str:
    """labels.js beside this module (package data): the label engine that the exported page
    and the app's network component share (it defines ``PartnernetzLabels``)."""
    return resources.files("network_app.drawing").joinpath("labels.js").read_text(encoding="utf-8")


# The page's own script blocks: plain <script> tags written by this package (workbook text
# inside them is JSON with "<" escaped, so none can end a block early).
_OPEN, _CLOSE = "<script>", "</script>"
_CHARSET = '<meta charset="utf-8">\n'


def content_security_policy(page: str) -> str:
    """The policy for ``page``: its own inline scripts run (each by its SHA-256), nothing else
    does, and nothing is loaded from outside the file.

    >>> content_security_policy("<script>var a = 1;</script>").split("; ")[:2]
    ["default-src 'none'", "script-src 'sha256-+dZ6udsWxNVoGfScAq7t5IIF5UJb4F6RhjbN6oe1p4w='"]
    """
    hashes = [
        "'sha256-" + base64.b64encode(hashlib.sha256(block.encode("utf-8")).digest()).decode()
        + "'" for block in _script_blocks(page)]
    return "; ".join([
        "default-src 'none'", "script-src " + (" ".join(hashes) or "'none'"),
        "style-src 'unsafe-inline'", "img-src data: blob:", "font-src data:",
        "connect-src 'none'", "media-src 'none'", "object-src 'none'", "frame-src 'none'",
        "worker-src 'none'", "base-uri 'none'", "form-action 'none'"])


def _script_blocks(page: str) -> list[str]:
    """The text of every ``<script>…</script>`` block, in order (what the regular expression
    ``<script>(.*?)</script>`` finds, by ``str.find``: the lazy pattern stepped through the
    half megabyte of vis-network character by character, 16 ms a page).

    >>> _script_blocks("<p><script>a</script> <script></script><script>b")
    ['a', '']
    """
    blocks = []
    start = 0
    while (begin := page.find(_OPEN, start)) >= 0:
        end = page.find(_CLOSE, begin + len(_OPEN))
        if end < 0:
            break
        blocks.append(page[begin + len(_OPEN):end])
        start = end + len(_CLOSE)
    return blocks


def with_csp(page: str) -> str:
    """``page`` with its :func:`content_security_policy` as the first thing in its head (call
    it last: a script block changed afterwards would no longer run)."""
    if _CHARSET not in page:
        raise ValueError("the page has no <meta charset> to put the policy after")
    policy = html.escape(content_security_policy(page))
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
    return page.replace(_CHARSET, _CHARSET + meta, 1)


def network_html(graph: nx.Graph, positions: dict[Any, tuple[float, float]],
                 styles: dict[Any, NodeStyle], *, title: str = "", caption: str = "",
                 lang: str = "de", height: int = 700, search: bool = False) -> str:
    """A complete, offline HTML page that draws ``graph`` at ``positions``.

    The legend and an "Alles zeigen" button stand in a bar above the picture (never over it);
    the names are drawn by the label engine (``labels.js``: no two overlap, the most important
    first, more when zoomed in); the mouse wheel scrolls the page and Ctrl + wheel zooms. With
    ``search=True`` the bar gets a search box (an ``<input list=…>``) that selects and centres
    the partner whose name contains what is typed; without it, there is no search box.
    """
    words = _WORDS[lang]
    search_parts = {"search_css": "", "search_box": "", "search_script": ""}
    if search:
        search_parts = {
            "search_css": _SEARCH_CSS.format(),
            "search_box": _SEARCH_BOX.format(label=html.escape(words["search"]),
                                             not_found=html.escape(words["not_found"]),
                                             found_many=html.escape(words["found_many"])),
            "search_script": _search_script(),
        }
    items = "".join(
        f'<li><span class="swatch" style="background:{color}"></span>{html.escape(label)}</li>'
        for label, color in legend(graph, lang)
    )
    return with_csp(_PAGE.format(
        lang=lang, title=html.escape(title), caption=html.escape(caption), legend=items,
        legend_word=words["legend"], graph_word=words["graph"], height=int(height),
        vis=vis_network_js(), data=_json(vis_data(graph, positions, styles, lang)),
        labels=label_engine_js(), fit=html.escape(words["fit"]),
        fit_help=html.escape(words["fit_help"]), zoom_hint=html.escape(words["zoom_hint"]),
        zoom_hint_mac=html.escape(words["zoom_hint_mac"]), **search_parts,
    ))
