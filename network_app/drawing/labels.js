// Partnernetz label engine: names drawn on vis-network's canvas so that no two ever overlap.
// Shared by the app's network component (app_pages/network_component.py puts this file in front
// of its module) and by the exported HTML page (network_app/drawing/rendering.py inlines it).
//
// vis-network draws node labels in canvas units: zoomed out they shrink, zoomed in they grow,
// and they pile on top of each other. Here the nodes carry no vis label; after every vis draw
// ("afterDrawing": zoom, pan, hover, selection) the names are drawn again in screen pixels at
// one constant size with a white halo, greedily by importance: first the nodes the caller puts
// first (hovered, selected, on the path), then by rank (Python's order: the hub, big nodes, many
// ties). Each name tries a few places around its dot (below, right, left, above) and is skipped
// when its box would touch a name already drawn, another node's dot, an obstacle (a button over
// the picture) or the canvas edge. So the overview shows the most important names, more appear
// as the user zooms in, and every name is in the tooltip and (optionally) in a side list of
// the nodes in the picture drawn without their name.
// A grid of buckets keeps the overlap tests cheap (a few ms for 300 nodes).
//
// Names are only ever drawn with fillText (never parsed as HTML).
var PartnernetzLabels = (function () {
  "use strict";
  var CELL = 64;  // bucket size in screen pixels
  var HALO = 4;   // width of the white outline around the letters
  var GAP = 3;    // between a dot and its name

  function Grid() { this.cells = new Map(); }
  Grid.prototype.each = function (box, visit) {
    var x0 = Math.floor(box.x / CELL), x1 = Math.floor((box.x + box.w) / CELL);
    var y0 = Math.floor(box.y / CELL), y1 = Math.floor((box.y + box.h) / CELL);
    for (var gx = x0; gx <= x1; gx++) {
      for (var gy = y0; gy <= y1; gy++) {
        if (visit(gx + ":" + gy) === false) return false;
      }
    }
    return true;
  };
  Grid.prototype.add = function (box) {
    var cells = this.cells;
    this.each(box, function (key) {
      var list = cells.get(key);
      if (list) list.push(box); else cells.set(key, [box]);
    });
  };
  // True when `box` overlaps a stored box (other than those whose owner is `skip`).
  Grid.prototype.hits = function (box, skip) {
    var cells = this.cells;
    return !this.each(box, function (key) {
      var list = cells.get(key);
      if (!list) return true;
      for (var i = 0; i < list.length; i++) {
        var other = list[i];
        if (other.owner === skip && skip !== undefined) continue;
        if (box.x < other.x + other.w && other.x < box.x + box.w
            && box.y < other.y + other.h && other.y < box.y + box.h) return false;
      }
      return true;
    });
  };

  // A name broken into lines of at most `maxWidth` pixels (at most three lines; the tooltip
  // and the side list keep the whole name).
  function wrap(ctx, name, maxWidth) {
    var words = String(name).split(/\s+/).filter(Boolean);
    var lines = [];
    var line = "";
    for (var i = 0; i < words.length; i++) {
      var next = line ? line + " " + words[i] : words[i];
      if (line && ctx.measureText(next).width > maxWidth) {
        lines.push(line);
        line = words[i];
      } else {
        line = next;
      }
    }
    if (line) lines.push(line);
    if (lines.length > 3) lines = [lines[0], lines[1], lines.slice(2).join(" ")];
    if (lines.length === 3 && ctx.measureText(lines[2]).width > maxWidth * 1.2) {
      lines[2] = shorten(ctx, lines[2], maxWidth);
    }
    return lines.length ? lines : [String(name)];
  }

  // The longest start of `text` (at least one character) that fits `maxWidth` with "…" after
  // it. A binary search: cutting one character at a time measured a name of 10,000
  // characters some 10,000 times and froze the page for minutes.
  function shorten(ctx, text, maxWidth) {
    var low = 1, high = text.length;
    while (low < high) {
      var middle = Math.ceil((low + high) / 2);
      if (ctx.measureText(text.slice(0, middle) + "…").width <= maxWidth) low = middle;
      else high = middle - 1;
    }
    return text.slice(0, low).trimEnd() + "…";
  }

  // options: names (by node id), ranks (by id, 0 = most important), sizes (by id, canvas units),
  //   fontSize (screen px), font (family), color, fadedColor,
  //   first() -> ids to label before all others, faded(id) -> bool,
  //   obstacles() -> [{x, y, w, h}] in canvas pixels, onChange(unlabelledNames) after a draw
  //   that changed which nodes in the picture carry no name (their names, most important
  //   first; nodes outside the picture are not among them), canvas() -> the canvas element
  //   (for page coordinates).
  function attach(network, options) {
    var names = options.names.map(String);
    var sizes = options.sizes || [];
    var fontSize = Math.max(8, Number(options.fontSize) || 14);
    var lineHeight = Math.round(fontSize * 1.2);
    var family = options.font || "DejaVu Sans, Arial, sans-serif";
    var font = fontSize + "px " + family;
    var maxWidth = fontSize * 12;
    var order = names.map(function (_, id) { return id; });
    var ranks = options.ranks || [];
    order.sort(function (a, b) {
      var ra = ranks[a] === undefined ? a : ranks[a], rb = ranks[b] === undefined ? b : ranks[b];
      return ra - rb;
    });
    var layouts = new Map();  // id -> {lines, widths, w, h}
    var engine = { boxes: [], drawn: new Set(), hovered: null, lastMs: 0, signature: null };

    function layout(ctx, id) {
      var known = layouts.get(id);
      if (known) return known;
      var lines = wrap(ctx, names[id], maxWidth);
      var widths = lines.map(function (line) { return ctx.measureText(line).width; });
      var found = { lines: lines, widths: widths,
                    w: Math.ceil(Math.max.apply(null, widths)) + HALO,
                    h: lines.length * lineHeight + HALO };
      layouts.set(id, found);
      return found;
    }

    function draw(ctx) {
      var started = performance.now();
      var canvas = ctx.canvas;
      var width = canvas.clientWidth, height = canvas.clientHeight;
      var ratio = width > 0 ? canvas.width / width : 1;
      var scale = network.getScale();
      var origin = network.canvasToDOM({ x: 0, y: 0 });
      var positions = network.getPositions();
      var dots = new Grid(), placed = new Grid();
      var screen = {};
      for (var key in positions) {
        var id = Number(key);
        var p = positions[key];
        var r = Math.max(3, (Number(sizes[id]) || 10) * scale);
        var x = p.x * scale + origin.x, y = p.y * scale + origin.y;
        screen[id] = { x: x, y: y, r: r };
        if (x + r < 0 || x - r > width || y + r < 0 || y - r > height) continue;
        dots.add({ x: x - r, y: y - r, w: 2 * r, h: 2 * r, owner: id });
      }
      var blocks = options.obstacles ? options.obstacles() : [];
      for (var b = 0; b < blocks.length; b++) placed.add(blocks[b]);

      ctx.save();
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.font = font;
      ctx.textBaseline = "top";
      ctx.lineJoin = "round";
      ctx.lineWidth = HALO;
      ctx.strokeStyle = "#ffffff";

      var first = (options.first ? options.first() : []).filter(function (id) {
        return screen[id] !== undefined;
      });
      if (engine.hovered !== null && screen[engine.hovered]) first.unshift(engine.hovered);
      var seen = new Set();
      var queue = first.concat(order);
      var boxes = [];
      for (var q = 0; q < queue.length; q++) {
        var node = queue[q];
        if (seen.has(node) || !screen[node]) continue;
        seen.add(node);
        var at = screen[node];
        if (at.x < 0 || at.x > width || at.y < 0 || at.y > height) continue;
        var text = layout(ctx, node);
        var tries = [
          { x: at.x - text.w / 2, y: at.y + at.r + GAP, align: "center" },
          { x: at.x + at.r + GAP + 1, y: at.y - text.h / 2, align: "left" },
          { x: at.x - at.r - GAP - 1 - text.w, y: at.y - text.h / 2, align: "right" },
          { x: at.x - text.w / 2, y: at.y - at.r - GAP - text.h, align: "center" },
        ];
        for (var t = 0; t < tries.length; t++) {
          var box = { x: tries[t].x, y: tries[t].y, w: text.w, h: text.h, owner: node };
          if (box.x < 1 || box.y < 1 || box.x + box.w > width - 1
              || box.y + box.h > height - 1) continue;
          if (placed.hits(box) || dots.hits(box, node)) continue;
          placed.add(box);
          boxes.push({ id: node, x: box.x, y: box.y, w: box.w, h: box.h });
          ctx.fillStyle = options.faded && options.faded(node)
            ? (options.fadedColor || "rgba(31, 31, 31, 0.3)") : (options.color || "#1f1f1f");
          for (var i = 0; i < text.lines.length; i++) {
            var lineWidth = text.widths[i];
            var left = box.x + HALO / 2;
            if (tries[t].align === "center") left = box.x + (box.w - lineWidth) / 2;
            if (tries[t].align === "right") left = box.x + box.w - HALO / 2 - lineWidth;
            var top = box.y + HALO / 2 + i * lineHeight;
            ctx.strokeText(text.lines[i], left, top);
            ctx.fillText(text.lines[i], left, top);
          }
          break;
        }
      }
      ctx.restore();
      engine.boxes = boxes;
      engine.screen = screen;
      engine.drawn = new Set(boxes.map(function (box) { return box.id; }));
      engine.lastMs = performance.now() - started;
      if (options.onChange) {
        // In the picture: the dot's centre inside the canvas (as for drawing a name).
        var missing = [];
        for (var o = 0; o < order.length; o++) {
          var n = order[o], dot = screen[n];
          if (engine.drawn.has(n) || !dot || dot.x < 0 || dot.x > width || dot.y < 0
              || dot.y > height) continue;
          missing.push(n);
        }
        var signature = missing.join(",");
        if (signature !== engine.signature) {
          engine.signature = signature;
          options.onChange(missing.map(function (id) { return names[id]; }));
        }
      }
    }

    network.on("afterDrawing", draw);
    // No redraw here: vis asks for one itself right after these events (with hover: true).
    network.on("hoverNode", function (params) { engine.hovered = params.node; });
    network.on("blurNode", function () { engine.hovered = null; });

    return {
      // The drawn names' boxes in page (client) coordinates, as the browser tests want them.
      boxes: function () {
        var canvas = options.canvas();
        var rect = canvas ? canvas.getBoundingClientRect() : { left: 0, top: 0 };
        return engine.boxes.map(function (box) {
          return { name: names[box.id], x: rect.left + box.x, y: rect.top + box.y,
                   w: box.w, h: box.h };
        });
      },
      // Every node's dot on screen in page coordinates, [{name, x, y, r}] (centre and radius).
      dots: function () {
        var canvas = options.canvas();
        var rect = canvas ? canvas.getBoundingClientRect() : { left: 0, top: 0 };
        var screen = engine.screen || {};
        return Object.keys(screen).map(function (key) {
          var dot = screen[key];
          return { name: names[Number(key)], x: rect.left + dot.x, y: rect.top + dot.y,
                   r: dot.r };
        });
      },
      drawnCount: function () { return engine.boxes.length; },
      lastMs: function () { return engine.lastMs; },
    };
  }

  // Move the view so that every node (its dot included) fits the canvas with `margin` screen
  // pixels around it and a line of text below (the names are drawn in screen pixels, so they
  // need no room in canvas units). Never zooms in beyond 1.
  function fit(network, sizes, options) {
    var positions = network.getPositions();
    var left = Infinity, right = -Infinity, top = Infinity, bottom = -Infinity;
    for (var key in positions) {
      var size = Number(sizes[Number(key)]) || 10;
      var p = positions[key];
      left = Math.min(left, p.x - size);
      right = Math.max(right, p.x + size);
      top = Math.min(top, p.y - size);
      bottom = Math.max(bottom, p.y + size);
    }
    if (!isFinite(left)) return;
    var margin = options.margin === undefined ? 24 : options.margin;
    var text = (Number(options.fontSize) || 14) * 1.4;
    var width = Math.max(options.width - 2 * margin, 50);
    var height = Math.max(options.height - 2 * margin - text, 50);
    var scale = Math.min(1.0, width / Math.max(right - left, 1),
                         height / Math.max(bottom - top, 1));
    network.moveTo({
      position: { x: (left + right) / 2, y: (top + bottom) / 2 + text / 2 / scale },
      scale: scale,
      animation: options.animate ? { duration: 400, easingFunction: "easeInOutQuad" } : false,
    });
  }

  // The mouse wheel over `element` scrolls the page; only Ctrl (or Cmd) + wheel reaches vis and
  // zooms. A plain wheel calls `onPlainWheel` (to show a hint), as maps on web pages do.
  // Listens in the capture phase on an ancestor of vis' canvas, so vis never sees a plain wheel
  // (and so never calls preventDefault, which would stop the page from scrolling).
  function guardWheel(element, onPlainWheel) {
    element.addEventListener("wheel", function (event) {
      if (event.ctrlKey || event.metaKey) return;
      event.stopPropagation();
      onPlainWheel(event);
    }, { capture: true });
  }

  // Keep the picture fitted while the canvas changes size (a window resized, a sidebar closed),
  // until the user zooms or pans: then the view stays where the user put it. `refit` fits the
  // view; call the returned function after a fit that the user asked for (the button).
  function keepFitted(network, refit) {
    var moved = false;
    network.on("zoom", function () { moved = true; });
    network.on("dragEnd", function (params) {
      if (!params.nodes || params.nodes.length === 0) moved = true;
    });
    // After vis' own handling: vis restores its camera (scaled to the new width) after it
    // fires "resize", which would undo a fit made right here.
    network.on("resize", function () {
      if (!moved) setTimeout(function () { if (!moved) refit(); }, 0);
    });
    return {
      fitted: function () { moved = false; },
      moved: function () { moved = true; },
    };
  }

  function isMac() {
    var nav = typeof navigator === "undefined" ? null : navigator;
    return Boolean(nav && /Mac|iPhone|iPad/.test(nav.platform || nav.userAgent || ""));
  }

  return { attach: attach, fit: fit, guardWheel: guardWheel, isMac: isMac,
           keepFitted: keepFitted };
})();
