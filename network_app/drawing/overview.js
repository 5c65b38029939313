// The exported page of a big network (network_app/exports/html_overview.py, which inlines this
// file after vis-network and the label engine labels.js). `overviewData` holds the overview
// (one node per group) and, per group, its partners (global indexes), their places, sizes,
// colours and the ties between them. The page shows the overview first; a group is opened by a
// click on it or from the list, the search opens the partner's group and selects it, and a
// button goes back. Names reach the page only through textContent and the canvas (fillText).
(function () {
  "use strict";
  var D = overviewData;
  var W = D.words;
  var LABEL_SIZE = 16;
  var box = document.getElementById("network");
  var select = document.getElementById("group-select");
  var back = document.getElementById("back");
  var status = document.getElementById("status");
  var input = document.getElementById("search-input");
  var list = document.getElementById("search-names");
  var searchStatus = document.getElementById("search-status");
  var state = { network: null, labels: null, group: null, sizes: [], ids: [], fitted: null };

  var first = document.createElement("option");
  first.value = "";
  first.textContent = W.overview;
  select.appendChild(first);
  D.groups.forEach(function (group, i) {
    var option = document.createElement("option");
    option.value = String(i);
    option.textContent = group.label;
    select.appendChild(option);
  });
  var byName = new Map();
  D.names.forEach(function (name, p) {
    byName.set(name.toLowerCase(), p);
    var option = document.createElement("option");
    option.textContent = name;
    list.appendChild(option);
  });

  function fitAll(animate) {
    if (state.fitted) state.fitted.fitted();
    PartnernetzLabels.fit(state.network, state.sizes, { width: box.clientWidth,
      height: box.clientHeight, fontSize: LABEL_SIZE, animate: animate });
  }

  function draw(nodes, edges, names, ranks, onClick) {
    if (state.network) state.network.destroy();
    document.body.removeAttribute("data-drawn");
    state.sizes = nodes.map(function (node) { return node.size; });
    var network = new vis.Network(box, { nodes: new vis.DataSet(nodes),
                                         edges: new vis.DataSet(edges) }, {
      physics: { enabled: false },
      layout: { improvedLayout: false },
      // Keys only while the picture has the focus: bound to the window, vis would swallow
      // "-", "+" and the arrows typed into the search box.
      interaction: { hover: true, tooltipDelay: 150,
                     keyboard: { enabled: true, bindToWindow: false, autoFocus: false } },
      nodes: { borderWidth: 1 },
      edges: { smooth: false }
    });
    state.network = network;
    var frame = box.querySelector(".vis-network");
    if (frame) frame.setAttribute("tabindex", "0");  // focusable for its keys
    state.labels = PartnernetzLabels.attach(network, {
      names: names, ranks: ranks, sizes: state.sizes, fontSize: LABEL_SIZE,
      first: function () { return network.getSelectedNodes(); },
      canvas: function () { return box.querySelector("canvas"); }
    });
    state.fitted = PartnernetzLabels.keepFitted(network, function () { fitAll(false); });
    network.on("click", function (params) {
      if (params.nodes.length) onClick(params.nodes[0]);
    });
    network.once("afterDrawing", function () {
      fitAll(false);
      document.body.setAttribute("data-drawn", "1");
    });
    fitAll(false);
  }

  function say(template, values) {
    // Numbers as the page's language writes them ("1.500" in German); a name stays as written.
    return template.replace(/\{(\w+)\}/g, function (_, key) {
      var value = values[key];
      return typeof value === "number" ? value.toLocaleString(D.lang) : String(value);
    });
  }

  function showOverview() {
    state.group = null;
    select.value = "";
    back.hidden = true;
    document.body.setAttribute("data-view", "overview");
    var nodes = D.groups.map(function (group, i) {
      return { id: i, x: group.x, y: group.y, size: group.size, color: group.color,
               title: group.title, shape: "dot" };
    });
    var edges = D.groupEdges.map(function (edge, i) {
      return { id: i, from: edge[0], to: edge[1], width: edge[2], title: edge[3],
               color: "#9A9A9A" };
    });
    draw(nodes, edges, D.groups.map(function (group) { return group.label; }),
         D.groups.map(function (_, i) { return i; }), function (id) { openGroup(id, null); });
    status.textContent = W.overviewStatus;
  }

  function openGroup(g, partner) {
    state.group = g;
    select.value = String(g);
    back.hidden = false;
    document.body.setAttribute("data-view", "group");
    var members = D.members[g];
    state.ids = members;
    var nodes = members.map(function (p, k) {
      return { id: k, x: D.x[p], y: D.y[p], size: D.size[p], color: D.colors[D.color[p]],
               title: D.names[p], shape: "dot" };
    });
    var flat = D.edges[g];
    var edges = [];
    for (var i = 0; i + 2 < flat.length; i += 3) {
      edges.push({ id: i / 3, from: flat[i], to: flat[i + 1], width: flat[i + 2],
                   color: "#555555" });
    }
    draw(nodes, edges, members.map(function (p) { return D.names[p]; }),
         members.map(function (p) { return D.rank[p]; }), function () {});
    status.textContent = say(W.groupStatus, { name: D.groups[g].label,
      partners: members.length, ties: edges.length });
    if (partner !== null) {
      var k = members.indexOf(partner);
      state.network.selectNodes([k]);
      state.network.once("afterDrawing", function () {
        state.fitted.moved();
        state.network.focus(k, { scale: Math.max(state.network.getScale(), 1.0),
                                 animation: false });
      });
    }
  }

  function search() {
    var wanted = input.value.replace(/\s+/g, " ").trim().toLowerCase();
    if (!wanted) { searchStatus.textContent = ""; return; }
    var found = byName.get(wanted);
    if (found === undefined) {
      for (var p = 0; p < D.names.length; p++) {
        if (D.names[p].toLowerCase().indexOf(wanted) !== -1) { found = p; break; }
      }
    }
    if (found === undefined) { searchStatus.textContent = W.notFound; return; }
    searchStatus.textContent = "";
    openGroup(D.group[found], found);
  }

  select.addEventListener("change", function () {
    if (select.value === "") showOverview(); else openGroup(Number(select.value), null);
  });
  back.addEventListener("click", showOverview);
  document.getElementById("fit").addEventListener("click", function () { fitAll(true); });
  input.addEventListener("change", search);
  input.addEventListener("keydown", function (event) { if (event.key === "Enter") search(); });
  (function () {
    var stage = document.getElementById("stage");
    var hint = document.getElementById("hint");
    var timer = null;
    PartnernetzLabels.guardWheel(stage, function () {
      hint.textContent = stage.getAttribute(
        PartnernetzLabels.isMac() ? "data-hint-mac" : "data-hint");
      hint.hidden = false;
      clearTimeout(timer);
      timer = setTimeout(function () { hint.hidden = true; }, 1600);
    });
  })();

  // Test hooks (tests/test_overview_browser.py): what is shown, and where a node is on screen.
  window.__overview = {
    shown: function () {
      return { view: state.group === null ? "overview" : D.groups[state.group].label,
               nodes: state.network.body.data.nodes.length,
               selected: state.network.getSelectedNodes().map(function (k) {
                 return state.group === null ? D.groups[k].label : D.names[state.ids[k]]; }) };
    },
    nodePosition: function (id) {
      var point = state.network.canvasToDOM(state.network.getPosition(id));
      var rect = box.querySelector("canvas").getBoundingClientRect();
      return { x: rect.left + point.x, y: rect.top + point.y };
    }
  };
  showOverview();
})();
