"""A two-way network picture for the app: vis-network as a Streamlit components-v2 module.

Why it exists: ``st.iframe`` with the static page from ``network_app.drawing.rendering`` can only
show
the network. The "Explore" pages need the picture to talk back: a click on a partner tells
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

Safety rules (workbook text is untrusted):

* Workbook text travels only as JSON ``data``; nothing from the workbook is put into the
  component's ``html``, ``css`` or ``js``.
* Labels are drawn on the canvas; tooltips are plain strings, which vis-network 9 shows with
  ``innerText`` (never an HTML element, never pyvis' "href" switch); the legend is built with
  ``textContent``. No ``innerHTML`` anywhere.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Hashable, Mapping, Sequence
from typing import Any

import networkx as nx
import streamlit as st
from streamlit.errors import StreamlitDuplicateElementKey

from network_app.drawing.rendering import vis_data, vis_network_js
from network_app.drawing.styling import NodeStyle
from network_app.drawing.styling import legend as default_legend
from network_app.text import by_language

__all__ = ["PATH_COLOR", "chart_data", "network_chart"]

#: Colour of an emphasised path (edges and node borders).
PATH_COLOR = "#B3001B"

_WORDS = by_language("app.network_component")


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
  <div class="pn-canvas"></div>
  <div class="pn-legend" hidden></div>
  <p class="pn-status" role="status"></p>
</div>
"""

_CSS = """
.pn-root {
  position: relative; width: 100%; box-sizing: border-box; overflow: hidden;
  display: flex; flex-direction: column;
  background: #ffffff; color: #1f1f1f; border: 1px solid #d0d0d0; border-radius: 6px;
  font-family: "DejaVu Sans", Arial, sans-serif;
}
.pn-canvas { position: relative; flex: 1 1 auto; min-height: 0; }
.pn-canvas .vis-network:focus-visible { outline: 3px solid #0072B2; outline-offset: -3px; }
/* The legend is a strip above the picture: it never hides a node or catches its click. */
.pn-legend {
  order: -1; flex: 0 0 auto; padding: 6px 10px; font-size: var(--pn-legend-size, 15px);
  border-bottom: 1px solid #e0e0e0; background: #fafafa;
}
.pn-legend[hidden] { display: none; }
.pn-legend h2 {
  display: inline; font-size: inherit; font-weight: bold; margin: 0 12px 0 0; padding: 0;
}
.pn-legend ul { display: inline; list-style: none; margin: 0; padding: 0; }
.pn-legend li { display: inline-block; margin: 2px 16px 2px 0; }
.pn-swatch {
  display: inline-block; width: 0.9em; height: 0.9em; border-radius: 50%; margin-right: 6px;
  vertical-align: -2px;
}
.pn-swatch.pn-line { height: 4px; border-radius: 0; vertical-align: 3px; }
.pn-status {
  position: absolute; left: 0; right: 0; top: 45%; margin: 0; text-align: center;
  font-size: 15px; color: #555555;
}
.pn-status:empty { display: none; }
/* The tooltip rule from vis-network.css (not loaded), plus line breaks for our plain text. */
div.vis-tooltip {
  position: absolute; visibility: hidden; z-index: 5; pointer-events: none;
  padding: 5px 8px; max-width: 420px; white-space: pre-line; font-size: 14px; color: #000000;
  background-color: #f5f4ed; border: 1px solid #808074; border-radius: 3px;
  box-shadow: 3px 3px 10px rgba(0, 0, 0, 0.2);
}
"""

_JS = r"""
// Partnernetz network component (Streamlit components v2). See network_component.py.
// Workbook text arrives only in `data` and is never parsed as HTML.

const PATH_COLOR = "__PATH_COLOR__";
const SELECT_COLOR = "#1F1F1F";
const FONT_COLOR = "#1F1F1F";
const FADED_FONT = "rgba(31, 31, 31, 0.3)";
const READY_EVENT = "partnernetz:vis-ready";

// One state object per mounted root element; survives reruns of this function.
const STATES = new WeakMap();

// Test and debugging hooks: node positions on screen, the emphasised path.
const registry = (globalThis.__partnernetz = globalThis.__partnernetz || { instances: {} });
registry.nodePosition = function (name, key) {
  const state = key ? registry.instances[key] : Object.values(registry.instances)[0];
  if (!state || !state.network) return null;
  const id = state.index.get(String(name));
  if (id === undefined) return null;
  const point = state.network.canvasToDOM(state.network.getPosition(id));
  const rect = state.canvasBox.querySelector("canvas").getBoundingClientRect();
  return { x: rect.left + point.x, y: rect.top + point.y };
};
registry.highlighted = function (key) {
  const state = key ? registry.instances[key] : Object.values(registry.instances)[0];
  return state ? state.highlighted.slice() : [];
};

// vis-network is loaded by the loader element; it may finish after this module.
function whenVisReady() {
  if (globalThis.vis && globalThis.vis.Network) return Promise.resolve(globalThis.vis);
  return new Promise((resolve) => {
    globalThis.addEventListener(READY_EVENT, () => resolve(globalThis.vis), { once: true });
  });
}

function reducedMotion() {
  return globalThis.matchMedia && globalThis.matchMedia("(prefers-reduced-motion: reduce)").matches;
}

// The skeleton comes from the component's html; rebuild it if it is missing.
function findRoot(parent) {
  let root = parent.querySelector(".pn-root");
  if (!root) {
    root = document.createElement("div");
    root.className = "pn-root";
    for (const name of ["pn-canvas", "pn-legend", "pn-status"]) {
      const part = document.createElement(name === "pn-status" ? "p" : "div");
      part.className = name;
      root.appendChild(part);
    }
    parent.appendChild(root);
  }
  return root;
}

function setStatus(state, text) {
  state.root.querySelector(".pn-status").textContent = text || "";
}

function setSelected(state, name) {
  state.root.setAttribute("data-selected", name || "");
}

// Legend: entries are data; every text goes in through textContent.
function drawLegend(state, data) {
  const box = state.root.querySelector(".pn-legend");
  box.replaceChildren();
  const entries = (data.legend || []).slice();
  if (state.highlighted.length > 0) {
    entries.push({ label: data.words.path, color: PATH_COLOR, line: true });
  }
  box.hidden = entries.length === 0;
  if (entries.length === 0) return;
  const heading = document.createElement("h2");
  heading.textContent = data.words.legend;
  const list = document.createElement("ul");
  for (const entry of entries) {
    const item = document.createElement("li");
    const swatch = document.createElement("span");
    swatch.className = entry.line ? "pn-swatch pn-line" : "pn-swatch";
    swatch.style.backgroundColor = String(entry.color);
    item.appendChild(swatch);
    item.appendChild(document.createTextNode(String(entry.label)));
    list.appendChild(item);
  }
  box.append(heading, list);
}

// Node and edge look for the current path: emphasised, faded, or plain.
function nodeLook(node, active, onPath) {
  if (active && onPath) {
    const color = { background: node.color, border: PATH_COLOR };
    return { id: node.id, opacity: 1, borderWidth: 4, borderWidthSelected: 5,
             color: { ...color, highlight: color, hover: color },
             font: { color: FONT_COLOR } };
  }
  return { id: node.id, opacity: active ? 0.25 : 1, borderWidth: 1, borderWidthSelected: 4,
           color: node.color, font: { color: active ? FADED_FONT : FONT_COLOR } };
}

function edgeLook(edge, active, onPath) {
  if (active && onPath) {
    return { id: edge.id, width: Math.max(edge.width + 3, 5),
             color: { color: PATH_COLOR, highlight: PATH_COLOR, hover: PATH_COLOR, opacity: 1 } };
  }
  return { id: edge.id, width: edge.width,
           color: { color: edge.color, highlight: SELECT_COLOR, hover: SELECT_COLOR,
                    opacity: active ? 0.15 : 1 } };
}

function pairKey(a, b) {
  return a < b ? a + "|" + b : b + "|" + a;
}

function applyHighlight(state, names) {
  const ids = [];
  for (const name of names || []) {
    const id = state.index.get(String(name));
    if (id !== undefined) ids.push(id);
  }
  const onPath = new Set(ids);
  const pathEdges = new Set();
  for (let i = 0; i + 1 < ids.length; i++) pathEdges.add(pairKey(ids[i], ids[i + 1]));
  const active = onPath.size > 0;
  state.highlighted = ids.map((id) => state.names[id]);
  state.nodes.update(state.baseNodes.map((n) => nodeLook(n, active, onPath.has(n.id))));
  state.edges.update(state.baseEdges.map(
    (e) => edgeLook(e, active, pathEdges.has(pairKey(e.from, e.to)))));
  state.root.setAttribute("data-highlight-count", String(state.highlighted.length));
}

function applyFocus(state, name, moveView) {
  const id = name == null ? undefined : state.index.get(String(name));
  if (id === undefined) {
    state.network.unselectAll();
    setSelected(state, "");
    return;
  }
  state.network.selectNodes([id]);
  if (moveView) {
    state.viewMoved = true;
    state.network.focus(id, {
      scale: Math.max(state.network.getScale(), 1.0),
      animation: reducedMotion() ? false : { duration: 500, easingFunction: "easeInOutQuad" },
    });
  }
  setSelected(state, state.names[id]);
}

// Fit the whole picture, labels included (vis' own fit() looks at the node centres only).
// Label sizes are known after the first draw, so this runs from the first "afterDrawing".
function fitWithLabels(state) {
  const network = state.network;
  let left = Infinity, right = -Infinity, top = Infinity, bottom = -Infinity;
  for (const id of state.nodes.getIds()) {
    const box = network.getBoundingBox(id);
    if (!box) continue;
    left = Math.min(left, box.left);
    right = Math.max(right, box.right);
    top = Math.min(top, box.top);
    bottom = Math.max(bottom, box.bottom);
  }
  if (!Number.isFinite(left)) return;
  const margin = 16;
  const width = Math.max(state.canvasBox.clientWidth - 2 * margin, 50);
  const height = Math.max(state.canvasBox.clientHeight - 2 * margin, 50);
  const scale = Math.min(1.0, width / Math.max(right - left, 1),
                         height / Math.max(bottom - top, 1));
  network.moveTo({ position: { x: (left + right) / 2, y: (top + bottom) / 2 }, scale,
                   animation: false });
}

function destroyNetwork(state) {
  if (state.network) {
    state.network.destroy();  // removes its canvas, listeners and timers
    state.network = null;
  }
  state.canvasBox.replaceChildren();
  state.root.removeAttribute("data-drawn");
}

// Build a new vis.Network for this graph (first draw, or the graph itself changed).
function buildNetwork(state, vis, data) {
  destroyNetwork(state);
  state.names = data.names;
  state.index = new Map(data.names.map((name, i) => [name, i]));
  state.baseNodes = data.nodes;
  state.baseEdges = data.edges.map((edge, i) => ({ ...edge, id: i }));
  state.nodes = new vis.DataSet(state.baseNodes);
  state.edges = new vis.DataSet(state.baseEdges);
  state.focus = null;
  state.highlighted = [];
  state.viewMoved = false;  // set once focus or a path has moved the view

  const network = new vis.Network(state.canvasBox, { nodes: state.nodes, edges: state.edges }, {
    physics: { enabled: false },
    layout: { randomSeed: 1, improvedLayout: false },
    interaction: {
      hover: true, tooltipDelay: 150, multiselect: false,
      // Keys act only while the picture has focus (not on the whole Streamlit page).
      keyboard: { enabled: true, bindToWindow: false, autoFocus: false },
    },
    nodes: { font: { size: Number(data.fontSize) || 26, face: "DejaVu Sans, Arial",
                     color: FONT_COLOR, strokeWidth: 4,
                     strokeColor: "#ffffff" }, borderWidth: 1 },
    edges: { smooth: false },
  });
  state.network = network;

  // The element that holds the canvas is vis' own frame; it is focusable for the keyboard.
  const frame = state.canvasBox.querySelector(".vis-network");
  if (frame) {
    frame.setAttribute("tabindex", "0");
    frame.setAttribute("role", "application");
    frame.setAttribute("aria-label", data.words.aria);
  }

  network.on("click", (params) => {
    if (params.nodes.length === 0) return;
    const name = state.names[params.nodes[0]];
    setSelected(state, name);
    state.setTriggerValue("clicked", name);
  });
  network.on("selectNode", (params) => setSelected(state, state.names[params.nodes[0]]));
  network.on("deselectNode", (params) => {
    if (params.nodes.length === 0) setSelected(state, "");
  });
  network.once("afterDrawing", () => {
    if (!state.viewMoved) fitWithLabels(state);
    state.root.setAttribute("data-drawn", "1");
    state.root.setAttribute("data-drawn-ms", String(Math.round(performance.now())));
  });

  network.fit({ animation: false });
  state.root.setAttribute("data-node-count", String(data.nodes.length));
  state.root.setAttribute("data-edge-count", String(data.edges.length));
  state.graphKey = data.graphKey;
  setStatus(state, data.nodes.length === 0 ? data.words.empty : "");
}

// Draw or update for one `data`: rebuild only when the graph changed.
function render(state, vis, data) {
  if (!state.network || state.graphKey !== data.graphKey) buildNetwork(state, vis, data);
  const before = state.highlighted.join("\n");
  state.setHighlight(data.highlight);
  const pathChanged = state.highlighted.length > 0 && state.highlighted.join("\n") !== before;
  drawLegend(state, data);
  const focus = data.focus == null ? null : String(data.focus);
  if (focus !== state.focus) {
    // On the first draw without focus the fitted view stays; later a cleared focus unselects.
    if (focus !== null || state.focusApplied) applyFocus(state, focus, !pathChanged);
    state.focus = focus;
    state.focusApplied = true;
  }
  // A new path is shown whole: the view fits its nodes (this wins over moving to the focus).
  if (pathChanged) {
    state.viewMoved = true;
    state.network.fit({
      nodes: state.highlighted.map((name) => state.index.get(name)),
      animation: reducedMotion() ? false : { duration: 500, easingFunction: "easeInOutQuad" },
    });
  }
}

function dispose(state) {
  state.disposed = true;
  destroyNetwork(state);
  STATES.delete(state.root);
  if (registry.instances[state.key] === state) delete registry.instances[state.key];
}

export default function (component) {
  const { data, parentElement, setTriggerValue } = component;
  const root = findRoot(parentElement);
  root.style.height = String(Number(data.height) || 650) + "px";
  // A larger label size (presentation) also enlarges the legend strip; by default it is 15px.
  if (data.fontSize) {
    const legendSize = Math.max(24, Math.round(data.fontSize * 0.55));
    root.style.setProperty("--pn-legend-size", String(legendSize) + "px");
  } else {
    root.style.removeProperty("--pn-legend-size");
  }
  root.setAttribute("data-key", String(data.key));

  let state = STATES.get(root);
  if (!state) {
    state = { root, canvasBox: root.querySelector(".pn-canvas"), network: null, ticket: 0,
              key: String(data.key), highlighted: [], focus: null, focusApplied: false };
    state.setHighlight = (names) => applyHighlight(state, names);
    STATES.set(root, state);
    setStatus(state, data.words.loading);
  }
  state.setTriggerValue = setTriggerValue;
  registry.instances[state.key] = state;
  const ticket = ++state.ticket;

  whenVisReady().then((vis) => {
    if (state.disposed || ticket !== state.ticket) return;  // a newer call took over
    try {
      render(state, vis, data);
    } catch (error) {
      setStatus(state, data.words.failed);
      console.warn("Partnernetz network component:", error);
    }
  });

  // Streamlit calls only the latest cleanup (on unmount), but may call a stale one right away
  // when a newer call overtook it: only the latest call may tear the network down.
  return () => {
    if (ticket === state.ticket) dispose(state);
  };
}
""".replace("__PATH_COLOR__", PATH_COLOR)

_LOADER_KEY = "partnernetz-vis-library"

# Registered once at import time; a rerun only re-sends `data` (and the small module above).
_loader = st.components.v2.component("partnernetz_vis_library", js=_LOADER_JS,
                                     isolate_styles=False)
_chart = st.components.v2.component("partnernetz_network", html=_HTML, css=_CSS, js=_JS)


def _ignore() -> None:
    """The click needs a callback to be registered as a trigger; the value is read below."""


def _graph_key(payload: Mapping[str, Any]) -> str:
    """Fingerprint of what is drawn: the browser rebuilds the network only when it changes."""
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def chart_data(graph: nx.Graph, positions: Mapping[Hashable, tuple[float, float]],
               styles: Mapping[Hashable, NodeStyle], *, key: str, lang: str = "de",
               focus: str | None = None, highlight: Sequence[str] = (),
               legend: Sequence[tuple[str, str]] | None = None,
               height: int = 650, font_size: int | None = None) -> dict[str, Any]:
    """The JSON ``data`` for the component (also handy for tests without a browser)."""
    if legend is None:
        legend = default_legend(graph, lang)
    base = vis_data(graph, dict(positions), dict(styles), lang)
    for node in base["nodes"]:
        node["x"], node["y"] = float(node["x"]), float(node["y"])
        node["size"] = float(node["size"])
    for edge in base["edges"]:
        edge["width"] = float(edge["width"])
    names = [str(node) for node in graph.nodes]
    drawn = {"names": names, "nodes": base["nodes"], "edges": base["edges"]}
    words = dict(_WORDS[lang])
    words["aria"] = words["aria"].format(nodes=graph.number_of_nodes(),
                                         edges=graph.number_of_edges())
    known = set(names)
    # The label size is drawn into the network, so a new size rebuilds it (default: 26).
    keyed = drawn if font_size is None else {**drawn, "fontSize": int(font_size)}
    sized = {} if font_size is None else {"fontSize": int(font_size)}
    return {
        **drawn,
        **sized,
        "graphKey": _graph_key(keyed),
        "key": key,
        "height": int(height),
        "legend": [{"label": str(label), "color": str(color)} for label, color in legend],
        "focus": str(focus) if focus is not None and str(focus) in known else None,
        "highlight": [str(name) for name in highlight if str(name) in known],
        "words": words,
    }


def network_chart(graph: nx.Graph, positions: Mapping[Hashable, tuple[float, float]],
                  styles: Mapping[Hashable, NodeStyle], *, key: str, lang: str = "de",
                  focus: str | None = None, highlight: Sequence[str] = (),
                  legend: Sequence[tuple[str, str]] | None = None,
                  height: int = 650, font_size: int | None = None) -> str | None:
    """Draw ``graph`` at ``positions``; return the name of the node clicked, else None.

    The click is returned only on the rerun it caused (keep it in ``st.session_state`` to
    remember it). ``focus`` selects that node and centres and zooms the view on it, once per
    new value: reruns with the same focus leave the view where the user moved it.
    ``highlight`` is a path of node names: its nodes and the edges between consecutive ones are
    emphasised in dark red, everything else is faded, and a new path is fitted into view (this
    wins over moving to ``focus`` when both change at once). Names not in the graph are
    ignored. The browser rebuilds the network only when the graph, positions or styles change.
    ``legend`` is a list of (label, colour), as ``network_app.drawing.styling.legend`` gives it
    (pass
    the same keywords as to ``node_styles``); by default the category legend. Triggers do not
    work inside ``st.form``. ``font_size`` sets the node labels' size in pixels at zoom 1
    (default 26) and scales the legend with it, for a projector.
    """
    data = chart_data(graph, positions, styles, key=key, lang=lang, focus=focus,
                      highlight=highlight, legend=legend, height=height,
                      font_size=font_size)
    with st.container(gap=None):
        # One loader per page and one key on every page: its message is the same everywhere,
        # so Streamlit sends the library once and then references its cached copy.
        with contextlib.suppress(StreamlitDuplicateElementKey):  # a second chart on the page
            _loader(key=_LOADER_KEY)
        result = _chart(key=key, data=data, height=int(height), on_clicked_change=_ignore)
    clicked = result.get("clicked")
    return str(clicked) if clicked is not None else None
