// Partnernetz map layer for the network component (network_component.py puts this file
// between the label engine and network_component.js). With `data.map` the network is drawn
// on a map: node positions are projected coordinates (network_app/drawing/netmap.py), the
// outlines of Germany, its Länder and its neighbours are drawn under the network on vis'
// canvas ("beforeDrawing"; no tiles, nothing loaded), dots and lines keep their size on
// screen whatever the zoom (as on a map: zooming in spreads the places apart), a place of
// several partners is a pie of their colours, and buttons move the view to the home region,
// to Germany or (the component's "Alles zeigen") to every partner. Everything arrives as
// numbers and colours in `data.map`; the view buttons' words go in through textContent.
var PartnernetzMap = (function () {
  "use strict";

  var LAND = "#F1F1EF";
  var BORDER = "#A8A8A8";
  var GERMANY = "#8C8C8C";
  var STATE = "#C9C9C9";
  var HOME_STATE = "#7A7A7A";
  var TIE = "#8E8E8E";
  var DOT_EDGE = "#FFFFFF";
  var SELECTED = "#1F1F1F";
  var NAME = "#8A8A8A";
  var NAME_PX = 13;

  function paths(rings) {
    var path = new Path2D();
    rings.forEach(function (ring) {
      for (var i = 0; i + 1 < ring.length; i += 2) {
        if (i === 0) path.moveTo(ring[0], ring[1]); else path.lineTo(ring[i], ring[i + 1]);
      }
      path.closePath();
    });
    return path;
  }

  // The outlines as Path2D objects in canvas units, made once per network.
  function backdrop(layer) {
    var drawn = { land: [], germany: null, states: [], home: [] };
    (layer.countries || []).forEach(function (country) {
      var path = paths(country.rings || []);
      drawn.land.push(path);
      if (country.code === "DEU") drawn.germany = path;
    });
    (layer.states || []).forEach(function (state) {
      (state.home ? drawn.home : drawn.states).push(paths(state.rings || []));
    });
    return drawn;
  }

  function drawBackdrop(state, ctx) {
    var scale = state.network.getScale();
    var drawn = state.map.drawn;
    ctx.save();
    ctx.lineJoin = "round";
    ctx.fillStyle = LAND;
    ctx.strokeStyle = BORDER;
    ctx.lineWidth = 1 / scale;
    drawn.land.forEach(function (path) { ctx.fill(path); ctx.stroke(path); });
    ctx.strokeStyle = STATE;
    ctx.lineWidth = 0.8 / scale;
    drawn.states.forEach(function (path) { ctx.stroke(path); });
    if (drawn.germany) {
      ctx.strokeStyle = GERMANY;
      ctx.lineWidth = 1.6 / scale;
      ctx.stroke(drawn.germany);
    }
    ctx.strokeStyle = HOME_STATE;
    ctx.lineWidth = 1.6 / scale;
    drawn.home.forEach(function (path) { ctx.stroke(path); });
    drawNames(state, ctx, scale);
    ctx.restore();
  }

  function overlaps(a, b) {
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
  }

  // Where the partners' names and dots were on the last frame, in the canvas' own pixels.
  function taken(state) {
    var canvas = state.canvasBox.querySelector("canvas");
    if (!canvas || !state.labels) return [];
    var c = canvas.getBoundingClientRect();
    var boxes = state.labels.boxes().map(function (b) {
      return { x: b.x - c.left, y: b.y - c.top, w: b.w, h: b.h };
    });
    state.labels.dots().forEach(function (d) {
      boxes.push({ x: d.x - c.left - d.r, y: d.y - c.top - d.r, w: 2 * d.r, h: 2 * d.r });
    });
    // and the buttons over the picture
    var fit = state.root.querySelector(".pn-fit");
    if (fit && !fit.hidden) {
      var f = fit.getBoundingClientRect();
      boxes.push({ x: f.left - c.left - 4, y: f.top - c.top - 4, w: f.width + 8, h: f.height + 8 });
    }
    return boxes.concat(obstacles(state));
  }

  // The names of the neighbours and the Länder, small and grey, where one fits inside its
  // outline and covers no partner's name or dot (those of the last frame: see attach), nor
  // another country's name.
  function drawNames(state, ctx, scale) {
    var names = state.map.layer.names || [];
    var busy = taken(state);
    var drawn = [];
    ctx.font = "italic " + (NAME_PX / scale) + "px DejaVu Sans, Arial, sans-serif";
    ctx.fillStyle = NAME;
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    names.forEach(function (name) {
      var width = ctx.measureText(name.text).width * scale;  // screen pixels
      if (width > 0.7 * name.w * scale || NAME_PX * 2 > name.h * scale) return;
      var at = state.network.canvasToDOM({ x: name.x, y: name.y });
      var box = { x: at.x - width / 2 - 3, y: at.y - NAME_PX / 2 - 3, w: width + 6,
                  h: NAME_PX + 6 };
      if (busy.some(function (b) { return overlaps(b, box); })) return;
      if (drawn.some(function (b) { return overlaps(b, box); })) return;
      drawn.push(box);
      ctx.fillText(name.text, name.x, name.y);
    });
    state.map.names = drawn;
  }

  // Sizes on screen: a dot's radius and a line's width are given in pixels; vis draws them in
  // canvas units, so before every frame they are set to pixels / zoom (vis reads them while
  // drawing the same frame). The label engine reads `labelSizes` (canvas units) likewise.
  function keepScreenSizes(state) {
    var scale = state.network.getScale();
    var body = state.network.body;
    state.map.radius.forEach(function (radius, id) {
      var node = body.nodes[id];
      if (node) {
        node.options.size = radius / scale;
        if (node.shape) node.shape.refreshNeeded = true;  // its clickable area follows
      }
      if (state.labelSizes) state.labelSizes[id] = radius / scale;
    });
    state.map.widths.forEach(function (width, id) {
      var edge = body.edges[id];
      if (edge) edge.options.width = width / scale;
    });
  }

  // A place of partners of several colours: a pie, the biggest share from twelve o'clock on.
  function pie(state, slices) {
    var total = slices.reduce(function (sum, slice) { return sum + Number(slice[1]); }, 0) || 1;
    return function (args) {
      var ctx = args.ctx, x = args.x, y = args.y, r = args.style.size;
      var scale = state.network ? state.network.getScale() : 1;
      return {
        drawNode: function () {
          var angle = -Math.PI / 2;
          ctx.globalAlpha = args.style.opacity === undefined ? 1 : args.style.opacity;
          slices.forEach(function (slice) {
            var sweep = 2 * Math.PI * Number(slice[1]) / total;
            ctx.beginPath();
            ctx.moveTo(x, y);
            ctx.arc(x, y, r, angle, angle + sweep);
            ctx.closePath();
            ctx.fillStyle = String(slice[0]);
            ctx.fill();
            angle += sweep;
          });
          ctx.beginPath();
          ctx.arc(x, y, r, 0, 2 * Math.PI);
          ctx.lineWidth = (args.state.selected ? 4 : 1.5) / scale;
          ctx.strokeStyle = args.state.selected ? SELECTED : DOT_EDGE;
          ctx.stroke();
        },
        nodeDimensions: { width: 2 * r, height: 2 * r },
      };
    };
  }

  // Before vis gets the nodes: pies for places of several colours, white rims, lighter ties.
  function prepare(state, data) {
    var layer = data.map;
    state.map = {
      layer: layer, drawn: backdrop(layer),
      radius: state.baseNodes.map(function (node) { return Number(node.size) || 8; }),
      // vis_data gives a tie 1 + its count (capped): 1 px for one tie, up to 4 px
      widths: state.baseEdges.map(function (edge) { return Math.min(0.5 + 0.5 * (edge.width - 1), 4); }),
      views: layer.views || [], active: 0,
    };
    var pies = layer.pies || {};
    state.baseNodes = state.baseNodes.map(function (node) {
      var slices = pies[String(node.id)];
      var dot = Object.assign({}, node, { borderWidth: 1.5,
        color: { background: node.color, border: DOT_EDGE,
                 highlight: { background: node.color, border: SELECTED },
                 hover: { background: node.color, border: SELECTED } } });
      if (slices && slices.length > 1) {
        dot.shape = "custom";
        dot.ctxRenderer = pie(state, slices);
      }
      return dot;
    });
    state.baseEdges = state.baseEdges.map(function (edge) {
      return Object.assign({}, edge, { color: TIE });
    });
  }

  function viewBox(state) {
    var view = state.map.views[state.map.active];
    if (view && view.box) return view.box;
    return null;
  }

  // Every partner, with room for the dots and a line of names.
  function allBox(state) {
    var positions = state.network.getPositions();
    var box = [Infinity, Infinity, -Infinity, -Infinity];
    Object.keys(positions).forEach(function (key) {
      var p = positions[key];
      box = [Math.min(box[0], p.x), Math.min(box[1], p.y), Math.max(box[2], p.x),
             Math.max(box[3], p.y)];
    });
    return isFinite(box[0]) ? box : null;
  }

  function moveTo(state, box, animate, margin) {
    var width = state.canvasBox.clientWidth, height = state.canvasBox.clientHeight;
    if (!box || !width || !height) return;
    var pad = margin === undefined ? 40 : margin;
    var scale = Math.min((width - 2 * pad) / Math.max(box[2] - box[0], 1),
                         (height - 2 * pad) / Math.max(box[3] - box[1], 1));
    scale = Math.max(Math.min(scale, 40), 0.02);
    state.network.moveTo({
      position: { x: (box[0] + box[2]) / 2, y: (box[1] + box[3]) / 2 },
      scale: scale,
      animation: animate ? { duration: 400, easingFunction: "easeInOutQuad" } : false,
    });
  }

  // What the component's fit does on a map: the chosen view (at first the home region), or
  // every partner after "Alles zeigen" (active = -1).
  function fit(state, animate) {
    if (state.map.active < 0) {
      moveTo(state, allBox(state), animate, 60);
    } else {
      moveTo(state, viewBox(state), animate, 8);
    }
    markButtons(state);
  }

  function markButtons(state) {
    var box = state.root.querySelector(".pn-views");
    if (!box) return;
    Array.prototype.forEach.call(box.querySelectorAll("button"), function (button, i) {
      button.setAttribute("aria-pressed", String(i === state.map.active));
    });
    state.root.setAttribute("data-map-view", state.map.active < 0 ? "all"
      : String((state.map.views[state.map.active] || {}).key || ""));
  }

  function buttons(state, refit) {
    var stage = state.root.querySelector(".pn-stage");
    var box = stage.querySelector(".pn-views");
    if (!box) {
      box = document.createElement("div");
      box.className = "pn-views";
      stage.appendChild(box);
    }
    box.hidden = false;
    box.replaceChildren.apply(box, state.map.views.map(function (view, i) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = String(view.label);
      button.setAttribute("data-view", String(view.key));
      button.addEventListener("click", function () {
        state.map.active = i;
        refit(true);
      });
      return button;
    }));
  }

  // After vis made the network: the outlines under it, sizes kept on screen, the view buttons.
  function attach(state, network, refit) {
    network.on("beforeDrawing", function (ctx) {
      if (state.network !== network) return;
      keepScreenSizes(state);
      drawBackdrop(state, ctx);
    });
    // The partners' names are placed after the outlines are drawn; when one lands on a
    // country's name, draw once more (the names then step aside). At most once per frame.
    network.on("afterDrawing", function () {
      if (state.network !== network || state.map.redrawing) return;
      var busy = taken(state);
      var hit = (state.map.names || []).some(function (name) {
        return busy.some(function (b) { return overlaps(b, name); });
      });
      if (!hit) return;
      state.map.redrawing = true;
      requestAnimationFrame(function () {
        if (state.network === network) network.redraw();
        state.map.redrawing = false;
      });
    });
    buttons(state, refit);
    state.root.setAttribute("data-map", "1");
  }

  // Where names must not go: the view buttons (page coordinates → canvas' own).
  function obstacles(state) {
    var canvas = state.canvasBox.querySelector("canvas");
    if (!canvas) return [];
    var c = canvas.getBoundingClientRect();
    return Array.prototype.map.call(
      state.root.querySelectorAll(".pn-views button"), function (button) {
        var b = button.getBoundingClientRect();
        return { x: b.left - c.left - 4, y: b.top - c.top - 4, w: b.width + 8, h: b.height + 8 };
      });
  }

  // Without a map (a graph drawn as a network again in the same element): no buttons.
  function detach(state) {
    state.map = null;
    var box = state.root.querySelector(".pn-views");
    if (box) box.hidden = true;
    state.root.removeAttribute("data-map");
  }

  return { prepare: prepare, attach: attach, fit: fit, obstacles: obstacles, detach: detach,
           showAll: function (state) { state.map.active = -1; } };
})();
