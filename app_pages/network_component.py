"""A two-way network picture for the app: vis-network as a Streamlit components-v2 module.

Why it exists: ``st.iframe`` with the static page from ``network_app.drawing.rendering`` can only
show the network. The "Explore" pages need the picture to talk back: a click on a partner tells
Python which one it was, the search box centres the view on a partner, and a path ("Wie sind wir
mit X verbunden?") is drawn emphasised. ``st.components.v2.component`` runs a small JavaScript
module in the page (no iframe, no build step) that can send values back to Python.

How it is put together:

* The vis-network 9.1.2 build that ships inside pyvis is inlined in a second, data-less
  component (the *loader*, one per page, same key on every page). Its message never changes, so
  Streamlit sends the ~470 KB once and afterwards only a reference to the browser's cached copy
  (sent again only after the page was left for more than two reruns). The network component
  itself carries 12 KB of code plus the data (about 30 KB for the bundled workbook). Nothing is
  loaded from the internet.
* Node positions come from Python and physics is off, so the picture never jumps; a rerun
  updates the existing network (highlight, focus) and only rebuilds it when the graph changes.
* The module's code and style are the files ``network_component.js`` and
  ``network_component.css`` beside this one, read once at import, with the label engine
  ``network_app/drawing/labels.js`` (shared with the HTML export) in front of the code;
  everything that varies (words, sizes, the path colour) reaches them in ``data``.
* Names are not vis labels: the label engine draws them in screen pixels, the most important
  first, and leaves out any name that would overlap another or a dot (more show as the user
  zooms in; all are in the tooltips and, with ``side_list``, in a list beside the picture).
* Every new graph opens fitted whole; the "Alles zeigen" button fits it again. The mouse wheel
  scrolls the page and zooms only with Ctrl (or Cmd), with a short hint.

Safety rules (workbook text is untrusted):

* Workbook text travels only as JSON ``data``; nothing from the workbook is put into the
  component's ``html``, ``css`` or ``js``.
* Labels are drawn on the canvas with ``fillText``; tooltips are plain strings, which
  vis-network 9 shows with ``innerText`` (never an HTML element, never pyvis' "href" switch);
  the legend and the side list are built with ``textContent``. No ``innerHTML`` anywhere.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
from collections.abc import Hashable, Mapping, Sequence
from pathlib import Path
from typing import Any

import networkx as nx
import streamlit as st
from streamlit.errors import StreamlitDuplicateElementKey

from network_app.drawing.rendering import label_engine_js, vis_data, vis_network_js
from network_app.drawing.styling import NodeStyle
from network_app.drawing.styling import legend as default_legend
from network_app.text import by_language, say

__all__ = ["PATH_COLOR", "chart_data", "network_chart", "send_library"]

#: Colour of an emphasised path (edges and node borders).
PATH_COLOR = "#B3001B"

_WORDS = by_language("app.network_component")

#: The names' size in screen pixels, and the smallest and largest a caller may ask for.
LABEL_SIZE = 14
MIN_LABEL_SIZE = 12
MAX_LABEL_SIZE = 40


def _without_source_map(code: str) -> str:
    """The build ends with a source-map comment that developer tools would try to fetch."""
    # split("\n"), not splitlines(): the build holds U+0085 inside strings, which
    # splitlines() would take for a line end (and so break the code).
    return "\n".join(line for line in code.split("\n")
                     if not line.startswith("//# sourceMappingURL="))


# --- The loader: vis-network, evaluated once per page -----------------------------------------
# The UMD build assigns ``globalThis.vis`` (``this`` is undefined in a module). The guard skips
# it when vis is already there; the event tells waiting network modules that it is ready.
_LOADER_JS = (
    "// vis-network 9.1.2 from the pyvis wheel, loaded once per page.\n"
    "if (!(globalThis.vis && globalThis.vis.Network)) {\n"
    + _without_source_map(vis_network_js())
    + "\n}\n"
    "globalThis.dispatchEvent(new Event('partnernetz:vis-ready'));\n"
    "export default function () {\n"
    "  // Nothing to draw: this element only carries the library.\n"
    "}\n"
)

_HTML = """<div class="pn-root">
  <div class="pn-stage">
    <div class="pn-canvas"></div>
    <button type="button" class="pn-fit"></button>
    <p class="pn-hint" role="status" hidden></p>
  </div>
  <div class="pn-legend" hidden></div>
  <p class="pn-status" role="status"></p>
  <div class="pn-side" hidden></div>
</div>
"""


@functools.cache
def _asset(name: str) -> str:
    """A file beside this module (network_component.css, .js), read once per process.

    Streamlit takes a one-line css/js string holding "/" or "*" for a path into a packaged
    component's asset folder, so a file whose text is a single line would be refused.
    """
    text = Path(__file__).with_name(name).read_text(encoding="utf-8")
    if "\n" not in text.strip():
        raise RuntimeError(f"{name} must span more than one line")
    return text


_LOADER_KEY = "partnernetz-vis-library"

# Registered once at import time; a rerun only re-sends `data` (and the small module of
# network_component.js).
_loader = st.components.v2.component("partnernetz_vis_library", js=_LOADER_JS,
                                     isolate_styles=False)
_chart = st.components.v2.component(
    "partnernetz_network", html=_HTML,
    css=_asset("network_component.css") + "\n" + _asset("network_map.css"),
    js="// The label engine (network_app/drawing/labels.js), the map layer, the component.\n"
       + label_engine_js() + "\n" + _asset("network_map.js") + "\n"
       + _asset("network_component.js"))


def _ignore() -> None:
    """The click needs a callback to be registered as a trigger; the value is read below."""


def send_library(place: Any = None) -> None:
    """Send vis-network to the browser now (into ``place``, default the sidebar, where the
    element shows nothing), so that the browser reads its ~470 KB while the server still
    computes what the page draws; the chart of the same run then sends it no second time. A
    page whose first run is long (a big workbook's overview) calls this before its work."""
    with (place if place is not None else st.sidebar), contextlib.suppress(
            StreamlitDuplicateElementKey):
        _loader(key=_LOADER_KEY)


def _graph_key(payload: Mapping[str, Any]) -> str:
    """Fingerprint of what is drawn: the browser rebuilds the network only when it changes."""
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def _map_data(layer: Mapping[str, Any], names: Sequence[str]) -> dict[str, Any]:
    """The map layer as the browser wants it: pies by node index, numbers as numbers, words
    as strings (textContent only)."""
    index = {name: i for i, name in enumerate(names)}
    backdrop = layer.get("backdrop") or {}
    return {
        "countries": backdrop.get("countries", []),
        "states": backdrop.get("states", []),
        "names": [{"text": str(name["text"]), **{k: float(name[k]) for k in "xywh"}}
                  for name in backdrop.get("names", [])],
        "views": [{"key": str(view["key"]), "label": str(view["label"]),
                   "box": [float(v) for v in view["box"]]} for view in layer.get("views", [])],
        "pies": {str(index[str(node)]): [[str(colour), int(count)] for colour, count in slices]
                 for node, slices in (layer.get("pies") or {}).items() if str(node) in index},
    }


def chart_data(graph: nx.Graph, positions: Mapping[Hashable, tuple[float, float]],
               styles: Mapping[Hashable, NodeStyle], *, key: str, lang: str = "de",
               focus: str | None = None, highlight: Sequence[str] = (),
               legend: Sequence[tuple[str, str]] | None = None,
               height: int = 650, font_size: int | None = None,
               side_list: bool = False,
               map_layer: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The JSON ``data`` for the component (also handy for tests without a browser)."""
    if legend is None:
        legend = default_legend(graph, lang)
    base = vis_data(graph, dict(positions), dict(styles), lang)
    for node in base["nodes"]:
        node["x"], node["y"] = float(node["x"]), float(node["y"])
        node["size"] = float(node["size"])
        # The browser hands vis the nodes without "label": the label engine draws the names
        # (in the order of "rank").
        node["label"], node["rank"] = str(node["label"]), int(node["rank"])
    for edge in base["edges"]:
        edge["width"] = float(edge["width"])
    names = [str(node) for node in graph.nodes]
    size = LABEL_SIZE if font_size is None else min(max(int(font_size), MIN_LABEL_SIZE),
                                                     MAX_LABEL_SIZE)
    # The label size is drawn into the network, so a new size rebuilds it.
    drawn = {"names": names, "nodes": base["nodes"], "edges": base["edges"],
             "fontSize": size, "sideList": bool(side_list)}
    if map_layer is not None:
        drawn["map"] = _map_data(map_layer, names)
    words: dict[str, Any] = {name: text for name, text in _WORDS[lang].items()
                             if isinstance(text, str)}
    words["side_more"] = dict(_WORDS[lang]["side_more"])  # plural forms, chosen in the browser
    words["aria"] = say("app.network_component.aria", lang,
                        nodes=say("app.network_component.aria_nodes", lang,
                                  count=graph.number_of_nodes()),
                        edges=say("app.network_component.aria_edges", lang,
                                  count=graph.number_of_edges()))
    known = set(names)
    return {
        **drawn,
        "graphKey": _graph_key(drawn),
        "key": key,
        "lang": lang,
        "height": int(height),
        "pathColor": PATH_COLOR,
        "legend": [{"label": str(label), "color": str(color)} for label, color in legend],
        "focus": str(focus) if focus is not None and str(focus) in known else None,
        "highlight": [str(name) for name in highlight if str(name) in known],
        "words": words,
    }


def network_chart(graph: nx.Graph, positions: Mapping[Hashable, tuple[float, float]],
                  styles: Mapping[Hashable, NodeStyle], *, key: str, lang: str = "de",
                  focus: str | None = None, highlight: Sequence[str] = (),
                  legend: Sequence[tuple[str, str]] | None = None,
                  height: int = 650, font_size: int | None = None,
                  side_list: bool = False,
                  map_layer: Mapping[str, Any] | None = None) -> str | None:
    """Draw ``graph`` at ``positions``; return the name of the node clicked, else None.

    The click is returned only on the rerun it caused (keep it in ``st.session_state`` to
    remember it). ``focus`` selects that node; when it changes on a graph already drawn (a
    search), the view centres and zooms on it, once per new value: reruns with the same focus
    leave the view where the user moved it. A new graph always opens fitted whole.
    ``highlight`` is a path of node names: its nodes and the edges between consecutive ones are
    emphasised in dark red, everything else is faded, and a new path is fitted into view (this
    wins over moving to ``focus`` when both change at once). Names not in the graph are
    ignored. The browser rebuilds the network only when the graph, positions or styles change.
    ``legend`` is a list of (label, colour), as ``network_app.drawing.styling.legend`` gives it
    (pass the same keywords as to ``node_styles``); by default the category legend. Triggers do not
    work inside ``st.form``. ``font_size`` is the names' size in screen pixels at any zoom
    (default 14, kept between 12 and 40); above 15 the legend grows with it, for a projector.
    ``side_list`` lists the nodes in the picture drawn without their name right now in a
    column beside it.

    ``map_layer`` draws the graph on a map (app_pages/network_map.js): ``backdrop`` (the
    outlines, :func:`network_app.drawing.netmap.map_backdrop`), ``views`` (the view buttons,
    the first shown at the start: :func:`~network_app.drawing.netmap.map_views`) and ``pies``
    ({node: [(colour, count), …]} for dots of several colours); the positions are then
    projected coordinates and the styles' sizes are radii on screen, whatever the zoom.
    """
    data = chart_data(graph, positions, styles, key=key, lang=lang, focus=focus,
                      highlight=highlight, legend=legend, height=height,
                      font_size=font_size, side_list=side_list, map_layer=map_layer)
    with st.container(gap=None):
        # One loader per page and one key on every page: its message is the same everywhere,
        # so Streamlit sends the library once and then references its cached copy.
        with contextlib.suppress(StreamlitDuplicateElementKey):  # a second chart on the page
            _loader(key=_LOADER_KEY)
        result = _chart(key=key, data=data, height=int(height), on_clicked_change=_ignore)
    clicked = result.get("clicked")
    return str(clicked) if clicked is not None else None
