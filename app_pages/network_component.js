// Partnernetz network component (Streamlit components v2). See network_component.py, which
// reads this file once and passes everything variable (words, sizes, the path colour) in `data`.
// Workbook text arrives only in `data` and is never parsed as HTML.

const SELECT_COLOR = "#1F1F1F";
const FONT_COLOR = "#1F1F1F";
const FADED_FONT = "rgba(31, 31, 31, 0.3)";
const READY_EVENT = "partnernetz:vis-ready";

// One state object per mounted root element; survives reruns of this function.
const STATES = new WeakMap();

// Test hooks, for the browser tests only (the app itself never reads them):
// window.__partnernetz.nodePosition(name, key) gives a node's position on screen, so a test can
// click it; .highlighted(key) the names on the emphasised path; .instances[key] the state of
// each mounted chart (its vis network, names, nodes and root element).
// Used by tests/test_network_component.py and tests/test_browser.py.
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
    entries.push({ label: data.words.path, color: state.pathColor, line: true });
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
function nodeLook(node, active, onPath, pathColor) {
  if (active && onPath) {
    const color = { background: node.color, border: pathColor };
    return { id: node.id, opacity: 1, borderWidth: 4, borderWidthSelected: 5,
             color: { ...color, highlight: color, hover: color },
             font: { color: FONT_COLOR } };
  }
  return { id: node.id, opacity: active ? 0.25 : 1, borderWidth: 1, borderWidthSelected: 4,
           color: node.color, font: { color: active ? FADED_FONT : FONT_COLOR } };
}

function edgeLook(edge, active, onPath, pathColor) {
  if (active && onPath) {
    return { id: edge.id, width: Math.max(edge.width + 3, 5),
             color: { color: pathColor, highlight: pathColor, hover: pathColor, opacity: 1 } };
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
  state.nodes.update(state.baseNodes.map(
    (n) => nodeLook(n, active, onPath.has(n.id), state.pathColor)));
  state.edges.update(state.baseEdges.map(
    (e) => edgeLook(e, active, pathEdges.has(pairKey(e.from, e.to)), state.pathColor)));
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
  state.pathColor = String(data.pathColor);
  registry.instances[state.key] = state;  // for the test hooks above
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
