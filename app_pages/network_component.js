// Partnernetz network component (Streamlit components v2). See network_component.py, which
// reads this file once, puts the label engine (network_app/drawing/labels.js, which defines
// PartnernetzLabels) in front of it and passes everything variable (words, sizes, the path
// colour) in `data`. Workbook text arrives only in `data` and is never parsed as HTML.

const SELECT_COLOR = "#1F1F1F";
const FONT_COLOR = "#1F1F1F";
const FADED_FONT = "rgba(31, 31, 31, 0.3)";
const READY_EVENT = "partnernetz:vis-ready";
const HINT_MS = 1600;   // how long the "Ctrl + wheel" hint stays
// A side list longer than this gets a wider column, two columns of names and smaller type:
// the legend's size times these steps, the smallest one first that lets the list fit.
const LONG_SIDE_LIST = 14;
const SIDE_SCALES = [0.8, 0.75];

// One state object per mounted root element; survives reruns of this function.
const STATES = new WeakMap();

// Test hooks, for the browser tests only (the app itself never reads them):
// window.__partnernetz.nodePosition(name, key) gives a node's position on screen, so a test can
// click it; .highlighted(key) the names on the emphasised path; .instances[key] the state of
// each mounted chart (its vis network, names, nodes and root element); .labelBoxes(key) the
// names drawn right now with their boxes in page coordinates [{name, x, y, w, h}] (the label
// engine's output); .nodeDots(key) every dot on screen [{name, x, y, r}]; .fit(key) does what
// the "Alles zeigen" button does, without animation.
// Used by tests/test_network_component.py, tests/test_browser.py, tests/test_label_overlap.py.
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
registry.labelBoxes = function (key) {
  const state = key ? registry.instances[key] : Object.values(registry.instances)[0];
  return state && state.labels ? state.labels.boxes() : [];
};
registry.nodeDots = function (key) {
  const state = key ? registry.instances[key] : Object.values(registry.instances)[0];
  return state && state.labels ? state.labels.dots() : [];
};
registry.fit = function (key) {
  const state = key ? registry.instances[key] : Object.values(registry.instances)[0];
  if (state && state.network) fitAll(state, false);
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

// The skeleton comes from the component's html (see _HTML in network_component.py); rebuild it
// if it is missing.
function findRoot(parent) {
  let root = parent.querySelector(".pn-root");
  if (!root) {
    root = document.createElement("div");
    root.className = "pn-root";
    const stage = document.createElement("div");
    stage.className = "pn-stage";
    const canvas = document.createElement("div");
    canvas.className = "pn-canvas";
    const fit = document.createElement("button");
    fit.type = "button";
    fit.className = "pn-fit";
    const hint = document.createElement("p");
    hint.className = "pn-hint";
    hint.hidden = true;
    stage.append(canvas, fit, hint);
    const legend = document.createElement("div");
    legend.className = "pn-legend";
    const status = document.createElement("p");
    status.className = "pn-status";
    const side = document.createElement("div");
    side.className = "pn-side";
    side.hidden = true;
    root.append(stage, legend, status, side);
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

// The nodes in the picture drawn without their name right now, as a list beside it
// (data.sideList); textContent only. `names` come most important first; the list shows them
// in alphabetical order.
function drawSideList(state, names) {
  const box = state.root.querySelector(".pn-side");
  if (!state.sideList) {
    box.hidden = true;
    return;
  }
  const heading = document.createElement("h2");
  heading.textContent = state.words.unlabelled;
  box.setAttribute("lang", state.lang);  // long German words break by the language's rules
  box.replaceChildren(heading);
  box.hidden = false;
  if (names.length === 0) {
    const none = document.createElement("p");
    none.textContent = state.words.all_labelled;
    box.append(none);
    box.setAttribute("data-count", "0");
    return;
  }
  const list = document.createElement("ul");
  const more = document.createElement("p");
  more.className = "pn-side-more";
  box.append(list, more);
  // The `count` most important names, alphabetically, and "und N weitere" for the rest.
  const show = (count) => {
    const items = names.slice(0, count).sort((a, b) => a.localeCompare(b, state.lang))
      .map((name) => {
        const item = document.createElement("li");
        item.textContent = name;
        return item;
      });
    list.replaceChildren(...items);
    const rest = names.length - count;
    more.hidden = rest === 0;
    more.textContent = rest === 0 ? "" : moreText(state, rest);
    box.setAttribute("data-count", String(count));
  };
  const fits = () => box.scrollHeight <= box.clientHeight;
  show(names.length);
  // Once long, the list stays wide until the graph changes: a wider list narrows the picture,
  // which shows fewer names, so switching back and forth on every redraw would never settle.
  if (names.length > LONG_SIDE_LIST && !state.root.classList.contains("pn-side-long")) {
    state.root.classList.add("pn-side-long");
  }
  // A long list shrinks its type in steps until it fits, never below the last of SIDE_SCALES
  // of the legend's size (18 px at the presentation's 24 px)...
  if (state.root.classList.contains("pn-side-long")) {
    for (const scale of SIDE_SCALES) {
      box.style.setProperty("--pn-side-scale", String(scale));
      if (fits()) break;
    }
  }
  // ... and when the names still do not fit, it lists as many of the most important ones as
  // fit (found by halving) and ends with "und N weitere": never a scroll bar.
  if (!fits()) {
    let low = 0, high = names.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      show(middle);
      if (fits()) low = middle; else high = middle - 1;
    }
    show(low);
  }
}

// "und N weitere" in the page's language (the catalog's plural forms, the number as written
// in that language).
function moreText(state, count) {
  const forms = state.words.side_more || {};
  const text = String(count === 1 ? forms.one : forms.other);
  return text.replace("{count}", count.toLocaleString(state.lang));
}

// The label engine reports after a draw that changed the unlabelled names; it may draw several
// times in one frame (a zoom, a hover), and each list made lays the page out again. So the list
// is made at most once per animation frame, for the latest names, and only when they differ
// from the names it shows.
function scheduleSideList(state, names) {
  state.sideNames = names;
  if (state.sideFrame) return;
  state.sideFrame = requestAnimationFrame(() => {
    state.sideFrame = 0;
    if (state.disposed) return;
    const key = state.sideNames.join("\n");
    if (key === state.sideKey) return;
    state.sideKey = key;
    drawSideList(state, state.sideNames);
  });
}

// A plain wheel over the picture scrolls the page and shows a short hint (see guardWheel).
function showWheelHint(state) {
  const hint = state.root.querySelector(".pn-hint");
  hint.textContent = state.mac ? state.words.zoom_hint_mac : state.words.zoom_hint;
  hint.hidden = false;
  clearTimeout(state.hintTimer);
  state.hintTimer = setTimeout(() => { hint.hidden = true; }, HINT_MS);
}

// Node and edge look for the current path: emphasised, faded, or plain.
function nodeLook(node, active, onPath, pathColor) {
  if (active && onPath) {
    const color = { background: node.color, border: pathColor };
    return { id: node.id, opacity: 1, borderWidth: 4, borderWidthSelected: 5,
             color: { ...color, highlight: color, hover: color } };
  }
  return { id: node.id, opacity: active ? 0.25 : 1, borderWidth: 1, borderWidthSelected: 4,
           color: node.color };
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
  state.pathIds = ids;
  state.onPath = onPath;
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
    // Later focus changes on the same graph (the Netzwerk page's search) centre the partner.
    state.viewMoved = true;
    state.fitted.moved();
    state.network.focus(id, {
      scale: Math.max(state.network.getScale(), 1.0),
      animation: reducedMotion() ? false : { duration: 500, easingFunction: "easeInOutQuad" },
    });
  }
  setSelected(state, state.names[id]);
}

// Every node with a margin (the label engine keeps the names inside the canvas).
function fitAll(state, animate) {
  if (state.fitted) state.fitted.fitted();
  if (state.map) {  // a map shows its chosen view (network_map.js)
    PartnernetzMap.fit(state, animate && !reducedMotion());
    return;
  }
  PartnernetzLabels.fit(state.network, state.baseNodes.map((node) => node.size), {
    width: state.canvasBox.clientWidth, height: state.canvasBox.clientHeight,
    fontSize: state.fontSize, animate: animate && !reducedMotion(),
  });
}

// Where the label engine must not draw: the "Alles zeigen" button over the picture.
function obstacles(state) {
  const button = state.root.querySelector(".pn-fit");
  const canvas = state.canvasBox.querySelector("canvas");
  if (!button || !canvas || button.hidden) return [];
  const b = button.getBoundingClientRect(), c = canvas.getBoundingClientRect();
  const boxes = [{ x: b.left - c.left - 4, y: b.top - c.top - 4, w: b.width + 8, h: b.height + 8 }];
  return state.map ? boxes.concat(PartnernetzMap.obstacles(state)) : boxes;
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
  state.root.classList.remove("pn-side-long");
  state.sideKey = null;  // the new graph's list is made afresh
  state.names = data.names;
  state.index = new Map(data.names.map((name, i) => [name, i]));
  // No vis label: the label engine draws the names.
  state.baseNodes = data.nodes.map(({ label, ...node }) => node);
  state.fontSize = Number(data.fontSize) || 14;
  state.baseEdges = data.edges.map((edge, i) => ({ ...edge, id: i }));
  if (data.map) PartnernetzMap.prepare(state, data); else PartnernetzMap.detach(state);
  state.labelSizes = data.nodes.map((node) => node.size);  // a map changes them with the zoom
  state.nodes = new vis.DataSet(state.baseNodes);
  state.edges = new vis.DataSet(state.baseEdges);
  state.focus = null;
  state.highlighted = [];
  state.pathIds = [];
  state.onPath = new Set();
  state.viewMoved = false;  // set once focus or a path has moved the view

  const network = new vis.Network(state.canvasBox, { nodes: state.nodes, edges: state.edges }, {
    physics: { enabled: false },
    layout: { randomSeed: 1, improvedLayout: false },
    interaction: {
      hover: true, tooltipDelay: 150, multiselect: false,
      // Keys act only while the picture has focus (not on the whole Streamlit page).
      keyboard: { enabled: true, bindToWindow: false, autoFocus: false },
    },
    nodes: { borderWidth: 1 },
    edges: { smooth: false },
  });
  state.network = network;
  // Refitted when the canvas changes size, until the user zooms or pans.
  state.fitted = PartnernetzLabels.keepFitted(network, () => {
    if (state.network === network) fitAll(state, false);  // not after a rebuild
  });
  state.labels = PartnernetzLabels.attach(network, {
    names: data.nodes.map((node) => node.label), ranks: data.nodes.map((node) => node.rank),
    sizes: state.labelSizes,
    fontSize: state.fontSize, font: "DejaVu Sans, Arial, sans-serif", color: FONT_COLOR,
    fadedColor: FADED_FONT,
    first: () => network.getSelectedNodes().concat(state.pathIds),
    faded: (id) => state.onPath.size > 0 && !state.onPath.has(id),
    obstacles: () => obstacles(state),
    onChange: (names) => scheduleSideList(state, names),
    canvas: () => state.canvasBox.querySelector("canvas"),
  });

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
  if (state.map) PartnernetzMap.attach(state, network, (animate) => fitAll(state, animate));
  network.once("afterDrawing", () => {
    if (!state.viewMoved) fitAll(state, false);
    state.root.setAttribute("data-drawn", "1");
    state.root.setAttribute("data-drawn-ms", String(Math.round(performance.now())));
  });

  fitAll(state, false);
  state.root.setAttribute("data-node-count", String(data.nodes.length));
  state.root.setAttribute("data-edge-count", String(data.edges.length));
  state.graphKey = data.graphKey;
  setStatus(state, data.nodes.length === 0 ? data.words.empty : "");
}

// Draw or update for one `data`: rebuild only when the graph changed.
function render(state, vis, data) {
  const rebuilt = !state.network || state.graphKey !== data.graphKey;
  if (rebuilt) buildNetwork(state, vis, data);
  const before = state.highlighted.join("\n");
  state.setHighlight(data.highlight);
  const pathChanged = state.highlighted.length > 0 && state.highlighted.join("\n") !== before;
  drawLegend(state, data);
  const focus = data.focus == null ? null : String(data.focus);
  if (focus !== state.focus) {
    // On the first draw without focus the fitted view stays; later a cleared focus unselects.
    // A new graph is shown whole (the focus only selects); on the same graph a new focus
    // centres the view on it.
    if (focus !== null || state.focusApplied) {
      applyFocus(state, focus, !pathChanged && !rebuilt);
    }
    state.focus = focus;
    state.focusApplied = true;
  }
  // A new path on the same graph is shown whole: the view fits its nodes (this wins over
  // moving to the focus). A new graph stays fitted as a whole, its path included.
  if (pathChanged && !rebuilt) {
    state.viewMoved = true;
    state.fitted.moved();
    state.network.fit({
      nodes: state.highlighted.map((name) => state.index.get(name)),
      animation: reducedMotion() ? false : { duration: 500, easingFunction: "easeInOutQuad" },
    });
  }
}

function dispose(state) {
  state.disposed = true;
  if (state.sideFrame) cancelAnimationFrame(state.sideFrame);
  destroyNetwork(state);
  STATES.delete(state.root);
  if (registry.instances[state.key] === state) delete registry.instances[state.key];
}

export default function (component) {
  const { data, parentElement, setTriggerValue } = component;
  const root = findRoot(parentElement);
  root.style.height = String(Number(data.height) || 650) + "px";
  // A larger label size (presentation) also enlarges the legend strip (up to 26px; 15px by
  // default).
  if (data.fontSize && data.fontSize > 15) {
    const legendSize = Math.min(26, Math.round(data.fontSize));
    root.style.setProperty("--pn-legend-size", String(legendSize) + "px");
  } else {
    root.style.removeProperty("--pn-legend-size");
  }
  root.setAttribute("data-key", String(data.key));
  root.classList.toggle("pn-with-side", Boolean(data.sideList));

  let state = STATES.get(root);
  if (!state) {
    state = { root, canvasBox: root.querySelector(".pn-canvas"), network: null, ticket: 0,
              key: String(data.key), highlighted: [], focus: null, focusApplied: false,
              pathIds: [], onPath: new Set(), fontSize: 14,
              mac: PartnernetzLabels.isMac() };
    state.setHighlight = (names) => applyHighlight(state, names);
    STATES.set(root, state);
    setStatus(state, data.words.loading);
    PartnernetzLabels.guardWheel(root.querySelector(".pn-stage"), () => showWheelHint(state));
    root.querySelector(".pn-fit").addEventListener("click", () => {
      if (state.map) PartnernetzMap.showAll(state);  // every partner, not the chosen view
      if (state.network) fitAll(state, true);
    });
  }
  state.setTriggerValue = setTriggerValue;
  state.pathColor = String(data.pathColor);
  state.words = data.words;
  state.lang = String(data.lang || "de");
  state.sideList = Boolean(data.sideList);
  const fit = root.querySelector(".pn-fit");
  fit.textContent = data.words.fit;
  fit.title = data.words.fit_help;
  if (!state.sideList) root.querySelector(".pn-side").hidden = true;
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
