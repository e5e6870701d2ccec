// gloveboard interactive word map, part 1: the view and its drawing
// (part 2, static/mapview-controls.js, has the controls). Draws the points of a map (computed on
// the server) on a canvas: zoom and pan (wheel, drag, pinch, keys), hover
// to see a word, labels placed without overlap at every zoom level,
// search and pin a word with its nearest neighbours in the full space,
// groups shown or hidden from the legend, box selection exported as CSV,
// and the view kept in the address's fragment. Loaded as a file (the
// Content Security Policy allows no inline scripts); the map's points are
// in a <script type="application/json" class="mapview-data"> block of
// each .mapview element.
(function () {
  "use strict";

  // The colours of analysis/plot (Okabe & Ito's set and three more), in
  // the same order, so that downloads look like the view.
  var PALETTE = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00",
    "#222222", "#56b4e9", "#6a4c93", "#8c564b", "#999999"];
  var LABEL_FONT = "12px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
  var LABEL_H = 14; // CSS pixels of a label's box
  var STAMP_MIN = 4000; // from this many points, dots are stamped into pixels
  var MIN_ZOOM = 0.25;
  var MAX_ZOOM = 5000;

  // Timing of every instance, for tests and for people curious about it:
  // firstDraw is milliseconds from reading the data to the first frame,
  // firstDrawAt the time of that frame since the page was asked for;
  // frames are the durations of the frames drawn since.
  var stats = window.mapviewStats = window.mapviewStats || { views: [] };

  function hexToABGR(hex) {
    var r = parseInt(hex.slice(1, 3), 16);
    var g = parseInt(hex.slice(3, 5), 16);
    var b = parseInt(hex.slice(5, 7), 16);
    return ((255 << 24) | (b << 16) | (g << 8) | r) >>> 0;
  }

  // Grid is a uniform bucket grid over the data bounds: the points of a
  // rectangle without scanning all of them.
  function Grid(xs, ys, n, b) {
    var side = Math.max(1, Math.ceil(Math.sqrt(n / 4)));
    this.nx = side;
    this.ny = side;
    this.x0 = b.x0;
    this.y0 = b.y0;
    this.cw = (b.x1 - b.x0) / side || 1;
    this.ch = (b.y1 - b.y0) / side || 1;
    var cells = side * side;
    var count = new Int32Array(cells + 1);
    var cellOf = new Int32Array(n);
    for (var i = 0; i < n; i++) {
      var c = this.cell(xs[i], ys[i]);
      cellOf[i] = c;
      count[c + 1]++;
    }
    for (var k = 0; k < cells; k++) {
      count[k + 1] += count[k];
    }
    var fill = count.slice(0, cells);
    var items = new Int32Array(n);
    for (i = 0; i < n; i++) {
      items[fill[cellOf[i]]++] = i;
    }
    this.start = count;
    this.items = items;
  }
  Grid.prototype.col = function (x) {
    return Math.min(this.nx - 1, Math.max(0, Math.floor((x - this.x0) / this.cw)));
  };
  Grid.prototype.row = function (y) {
    return Math.min(this.ny - 1, Math.max(0, Math.floor((y - this.y0) / this.ch)));
  };
  Grid.prototype.cell = function (x, y) { return this.row(y) * this.nx + this.col(x); };
  // each calls fn(i) for the points in cells overlapping the rectangle.
  Grid.prototype.each = function (x0, x1, y0, y1, fn) {
    var c0 = this.col(x0), c1 = this.col(x1), r0 = this.row(y0), r1 = this.row(y1);
    for (var r = r0; r <= r1; r++) {
      for (var c = c0; c <= c1; c++) {
        var k = r * this.nx + c;
        for (var j = this.start[k]; j < this.start[k + 1]; j++) {
          fn(this.items[j]);
        }
      }
    }
  };

  // Boxes is a collision grid of label boxes in screen space.
  function Boxes(w, h) {
    this.cell = 32;
    this.nx = Math.max(1, Math.ceil(w / this.cell));
    this.ny = Math.max(1, Math.ceil(h / this.cell));
    this.cells = new Array(this.nx * this.ny);
    this.boxes = [];
  }
  Boxes.prototype.span = function (b, fn) {
    var c0 = Math.max(0, Math.floor(b[0] / this.cell)), c1 = Math.min(this.nx - 1, Math.floor(b[2] / this.cell));
    var r0 = Math.max(0, Math.floor(b[1] / this.cell)), r1 = Math.min(this.ny - 1, Math.floor(b[3] / this.cell));
    for (var r = r0; r <= r1; r++) {
      for (var c = c0; c <= c1; c++) {
        if (fn(r * this.nx + c) === false) {
          return false;
        }
      }
    }
    return true;
  };
  Boxes.prototype.free = function (b) {
    var self = this;
    return this.span(b, function (k) {
      var list = self.cells[k];
      if (!list) {
        return true;
      }
      for (var i = 0; i < list.length; i++) {
        var o = self.boxes[list[i]];
        if (b[0] < o[2] && o[0] < b[2] && b[1] < o[3] && o[1] < b[3]) {
          return false;
        }
      }
      return true;
    });
  };
  Boxes.prototype.add = function (b) {
    var id = this.boxes.length, self = this;
    this.boxes.push(b);
    this.span(b, function (k) {
      (self.cells[k] = self.cells[k] || []).push(id);
    });
  };

  // MapView draws the map of root. restore reads the view from the
  // address's fragment (for a map that came with the page, not for one
  // swapped in later, which the fragment does not describe).
  function MapView(root, restore) {
    this.root = root;
    root.mapview = this;
    var t0 = performance.now();
    var data;
    try {
      data = JSON.parse(root.querySelector(".mapview-data").textContent);
    } catch (e) {
      this.status(window.gloveboard.t("js.map.data_error"));
      return;
    }
    this.load(data);
    // The names of the built-in groups in the page's language (the
    // groups keep their own names as identifiers: hidden groups go into
    // the address by them).
    try {
      this.groupLabels = JSON.parse(root.getAttribute("data-group-labels") || "{}") || {};
    } catch (e) {
      this.groupLabels = {};
    }
    this.canvas = root.querySelector("canvas");
    this.ctx2d = this.canvas.getContext("2d");
    this.tip = root.querySelector(".mapview-tip");
    this.stats = { firstDraw: 0, frames: [], points: this.n };
    stats.views.push(this.stats);
    stats.last = this.stats;
    this.hidden = new Uint8Array(this.groups.length);
    this.selection = null; // {x0, x1, y0, y1, idx: []} in data units
    this.focus = null; // {word, idx, neighbours: [idx]}
    this.hover = -1;
    this.placed = []; // indices labelled in the last frame
    this.mode = "pan";
    this.pointers = {};
    this.buildLegend();
    this.bind();
    this.resize();
    this.reset();
    if (restore) {
      this.readFragment();
    }
    this.draw();
    this.stats.firstDraw = performance.now() - t0;
    this.stats.firstDrawAt = performance.now(); // since the page was asked for
    this.stats.frames = [];
  }

  // load reads the map's JSON: {points: [{word, x, y, group}], …}.
  MapView.prototype.load = function (data) {
    var pts = data.points || [];
    var n = pts.length;
    this.data = data;
    this.n = n;
    this.xs = new Float64Array(n);
    this.ys = new Float64Array(n);
    this.words = new Array(n);
    this.gi = new Uint16Array(n);
    this.groups = [];
    this.groupCount = [];
    this.index = new Map();
    var gindex = new Map();
    var b = { x0: Infinity, x1: -Infinity, y0: Infinity, y1: -Infinity };
    for (var i = 0; i < n; i++) {
      var p = pts[i];
      var g = p.group || "";
      var k = gindex.get(g);
      if (k === undefined) {
        k = this.groups.length;
        gindex.set(g, k);
        this.groups.push(g);
        this.groupCount.push(0);
      }
      this.groupCount[k]++;
      this.gi[i] = k;
      this.xs[i] = p.x;
      this.ys[i] = p.y;
      this.words[i] = p.word;
      if (!this.index.has(p.word)) {
        this.index.set(p.word, i);
      }
      b.x0 = Math.min(b.x0, p.x);
      b.x1 = Math.max(b.x1, p.x);
      b.y0 = Math.min(b.y0, p.y);
      b.y1 = Math.max(b.y1, p.y);
    }
    if (n === 0) {
      b = { x0: -1, x1: 1, y0: -1, y1: 1 };
    }
    this.bounds = b;
    this.grid = new Grid(this.xs, this.ys, n, b);
    this.widths = new Float32Array(n); // label widths, 0 = not measured
    this.colours = this.groups.map(function (_, k) { return PALETTE[k % PALETTE.length]; });
    this.abgr = this.colours.map(hexToABGR);
    this.radius = n > 20000 ? 1.5 : n > 4000 ? 2 : n > 500 ? 3 : 4;
  };

  // groupName is group g's name as the page shows it.
  MapView.prototype.groupName = function (g) {
    var name = this.groups[g];
    if (Object.prototype.hasOwnProperty.call(this.groupLabels, name)) {
      return this.groupLabels[name];
    }
    return name || window.gloveboard.t("js.map.no_group");
  };

  MapView.prototype.status = function (msg) {
    var s = this.root.querySelector(".mapview-status");
    if (s) {
      s.textContent = msg;
    }
  };

  // resize fits the canvas to the width of its container and the
  // device's pixel ratio.
  MapView.prototype.resize = function () {
    var stage = this.canvas.parentNode;
    var w = Math.max(200, Math.floor(stage.clientWidth));
    // As tall as the map's shape asks, within the window.
    var b0 = this.bounds;
    var ratio = Math.min(1.2, Math.max(0.5, ((b0.y1 - b0.y0) || 1) / ((b0.x1 - b0.x0) || 1)));
    var h = Math.round(Math.max(280, Math.min(w * ratio * 1.05, window.innerHeight * 0.78)));
    var dpr = window.devicePixelRatio || 1;
    if (w === this.w && h === this.h && dpr === this.dpr) {
      return false;
    }
    this.w = w;
    this.h = h;
    this.dpr = dpr;
    this.canvas.width = Math.round(w * dpr);
    this.canvas.height = Math.round(h * dpr);
    this.canvas.style.width = w + "px";
    this.canvas.style.height = h + "px";
    this.image = null;
    var b = this.bounds;
    this.base = Math.min(w / ((b.x1 - b.x0) || 1), h / ((b.y1 - b.y0) || 1)) * 0.92;
    return true;
  };

  MapView.prototype.reset = function () {
    var b = this.bounds;
    this.cx = (b.x0 + b.x1) / 2;
    this.cy = (b.y0 + b.y1) / 2;
    this.zoom = 1;
  };

  MapView.prototype.scale = function () { return this.base * this.zoom; };
  MapView.prototype.sx = function (x) { return this.w / 2 + (x - this.cx) * this.scale(); };
  MapView.prototype.sy = function (y) { return this.h / 2 - (y - this.cy) * this.scale(); };
  MapView.prototype.dataX = function (px) { return this.cx + (px - this.w / 2) / this.scale(); };
  MapView.prototype.dataY = function (py) { return this.cy - (py - this.h / 2) / this.scale(); };

  // viewBox is the part of the map on screen, in data units.
  MapView.prototype.viewBox = function () {
    return { x0: this.dataX(0), x1: this.dataX(this.w), y0: this.dataY(this.h), y1: this.dataY(0) };
  };

  MapView.prototype.zoomAt = function (factor, px, py) {
    var z = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, this.zoom * factor));
    var x = this.dataX(px), y = this.dataY(py);
    this.zoom = z;
    // Keep the data point under (px, py) where it is.
    this.cx = x - (px - this.w / 2) / this.scale();
    this.cy = y + (py - this.h / 2) / this.scale();
    this.changed();
  };

  MapView.prototype.panBy = function (dx, dy) {
    this.cx -= dx / this.scale();
    this.cy += dy / this.scale();
    this.changed();
  };

  // changed asks for a frame and, a little later, updates the address
  // and the download links.
  MapView.prototype.changed = function () {
    this.requestDraw();
    var self = this;
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(function () { self.writeFragment(); }, 200);
  };

  MapView.prototype.requestDraw = function () {
    if (this.pending) {
      return;
    }
    this.pending = true;
    var self = this;
    window.requestAnimationFrame(function () {
      self.pending = false;
      var t = performance.now();
      self.draw();
      self.stats.frames.push(performance.now() - t);
      if (self.stats.frames.length > 600) {
        self.stats.frames.shift();
      }
    });
  };

  // draw renders one frame: dots, the selection, highlights, labels.
  MapView.prototype.draw = function () {
    var ctx = this.ctx2d, dpr = this.dpr;
    var vb = this.viewBox();
    var r = this.radius * Math.min(2.5, Math.max(1, Math.pow(this.zoom, 0.25)));
    var pad = r / this.scale();
    var visible = this.visibleIndices(vb.x0 - pad, vb.x1 + pad, vb.y0 - pad, vb.y1 + pad);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    if (this.n >= STAMP_MIN) {
      this.stamp(visible, r * dpr);
    } else {
      ctx.fillStyle = "#fff";
      ctx.fillRect(0, 0, this.canvas.width, this.canvas.height);
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      this.dots(visible, r);
    }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    this.drawSelection();
    this.drawHighlights(r);
    this.drawLabels(visible, r);
    this.visibleCount = visible.length;
  };

  // visibleIndices are the points of shown groups inside the rectangle,
  // in priority order (their order in the map: frequency rank or the
  // order given).
  MapView.prototype.visibleIndices = function (x0, x1, y0, y1) {
    var xs = this.xs, ys = this.ys, gi = this.gi, hidden = this.hidden, n = this.n, i, k = 0;
    var b = this.bounds;
    var area = ((b.x1 - b.x0) || 1) * ((b.y1 - b.y0) || 1);
    var viewArea = (Math.min(x1, b.x1) - Math.max(x0, b.x0)) * (Math.min(y1, b.y1) - Math.max(y0, b.y0));
    if (viewArea <= 0) {
      return new Int32Array(0);
    }
    if (viewArea > 0.05 * area) {
      // A scan in map order is cheap and already in priority order.
      var out = this.scratch = this.scratch && this.scratch.length === n ? this.scratch : new Int32Array(n);
      for (i = 0; i < n; i++) {
        var x = xs[i], y = ys[i];
        if (x >= x0 && x <= x1 && y >= y0 && y <= y1 && !hidden[gi[i]]) {
          out[k++] = i;
        }
      }
      return out.subarray(0, k);
    }
    var list = [];
    this.grid.each(x0, x1, y0, y1, function (j) {
      if (!hidden[gi[j]] && xs[j] >= x0 && xs[j] <= x1 && ys[j] >= y0 && ys[j] <= y1) {
        list.push(j);
      }
    });
    return Int32Array.from(list).sort();
  };

  // dots draws few points as anti-aliased circles, one path a group.
  MapView.prototype.dots = function (visible, r) {
    var ctx = this.ctx2d;
    for (var g = 0; g < this.groups.length; g++) {
      if (this.hidden[g]) {
        continue;
      }
      ctx.beginPath();
      for (var k = 0; k < visible.length; k++) {
        var i = visible[k];
        if (this.gi[i] !== g) {
          continue;
        }
        var x = this.sx(this.xs[i]), y = this.sy(this.ys[i]);
        ctx.moveTo(x + r, y);
        ctx.arc(x, y, r, 0, 2 * Math.PI);
      }
      ctx.fillStyle = this.colours[g];
      ctx.globalAlpha = 0.85;
      ctx.fill();
      ctx.globalAlpha = 1;
    }
  };

  // stamp writes many points straight into the pixels (a disc of radius
  // rp device pixels each), far faster than paths for tens of thousands.
  MapView.prototype.stamp = function (visible, rp) {
    var cw = this.canvas.width, ch = this.canvas.height;
    if (!this.image || this.image.width !== cw || this.image.height !== ch) {
      this.image = this.ctx2d.createImageData(cw, ch);
      this.pixels = new Uint32Array(this.image.data.buffer);
    }
    var px = this.pixels;
    px.fill(0xffffffff);
    var rr = Math.max(1, Math.round(rp));
    var offs = [];
    for (var dy = -rr; dy <= rr; dy++) {
      for (var dx = -rr; dx <= rr; dx++) {
        if (dx * dx + dy * dy <= rp * rp + 0.5) {
          offs.push(dx, dy);
        }
      }
    }
    var s = this.scale() * this.dpr, ox = cw / 2 - this.cx * s, oy = ch / 2 + this.cy * s;
    var xs = this.xs, ys = this.ys, gi = this.gi, abgr = this.abgr, no = offs.length;
    for (var k = 0; k < visible.length; k++) {
      var i = visible[k];
      var x = Math.round(ox + xs[i] * s), y = Math.round(oy - ys[i] * s);
      var c = abgr[gi[i]];
      if (x >= rr && y >= rr && x < cw - rr && y < ch - rr) {
        var base = y * cw + x;
        for (var j = 0; j < no; j += 2) {
          px[base + offs[j + 1] * cw + offs[j]] = c;
        }
      } else {
        for (j = 0; j < no; j += 2) {
          var xx = x + offs[j], yy = y + offs[j + 1];
          if (xx >= 0 && yy >= 0 && xx < cw && yy < ch) {
            px[yy * cw + xx] = c;
          }
        }
      }
    }
    this.ctx2d.putImageData(this.image, 0, 0);
  };

  MapView.prototype.drawSelection = function () {
    var sel = this.drag && this.drag.mode === "select" ? this.drag.box : this.selection;
    if (!sel) {
      return;
    }
    var ctx = this.ctx2d;
    var x0 = this.sx(sel.x0), x1 = this.sx(sel.x1), y0 = this.sy(sel.y1), y1 = this.sy(sel.y0);
    ctx.fillStyle = "rgba(0, 114, 178, 0.08)";
    ctx.fillRect(x0, y0, x1 - x0, y1 - y0);
    ctx.setLineDash([5, 4]);
    ctx.strokeStyle = "#0b4f7c";
    ctx.lineWidth = 1.5;
    ctx.strokeRect(x0, y0, x1 - x0, y1 - y0);
    ctx.setLineDash([]);
  };

  // drawHighlights rings the focused word, its neighbours and the word
  // under the pointer.
  MapView.prototype.drawHighlights = function (r) {
    var ctx = this.ctx2d, self = this;
    function ring(i, colour, width, extra) {
      if (i < 0 || self.hidden[self.gi[i]]) {
        return;
      }
      ctx.beginPath();
      ctx.arc(self.sx(self.xs[i]), self.sy(self.ys[i]), r + extra, 0, 2 * Math.PI);
      ctx.lineWidth = width;
      ctx.strokeStyle = colour;
      ctx.stroke();
    }
    if (this.focus) {
      var f = this.focus;
      f.neighbours.forEach(function (i) { ring(i, "#111", 1.5, 3); });
      ring(f.idx, "#111", 2.5, 5);
    }
    ring(this.hover, "#111", 1.5, 2);
  };

  MapView.prototype.labelWidth = function (i) {
    var w = this.widths[i];
    if (w === 0) {
      w = this.widths[i] = this.ctx2d.measureText(this.words[i]).width;
    }
    return w;
  };

  // drawLabels places labels greedily by priority (the focused word and
  // its neighbours, then map order) in a collision grid: a label goes
  // right, left, above or below its point where it overlaps no earlier
  // label or labelled point, or is left out. Zooming in spreads the
  // points, so more labels fit.
  MapView.prototype.drawLabels = function (visible, r) {
    var ctx = this.ctx2d, w = this.w, h = this.h;
    ctx.font = LABEL_FONT;
    var boxes = new Boxes(w, h);
    var placed = [], self = this;
    var maxLabels = Math.max(12, Math.floor(w * h / (w < 700 ? 3500 : 5000)));
    var failures = 0, maxFailures = 1500;
    var gap = r + 2;
    var first = [];
    if (this.focus) {
      first.push(this.focus.idx);
      first = first.concat(this.focus.neighbours);
    }
    if (this.hover >= 0) {
      first.unshift(this.hover);
    }
    var seen = new Set();
    // With few points in sight, labels also keep off unlabelled points.
    var few = visible.length <= 3000;
    function tryPlace(i, strong) {
      if (i < 0 || seen.has(i) || self.hidden[self.gi[i]]) {
        return;
      }
      seen.add(i);
      var ax = self.sx(self.xs[i]), ay = self.sy(self.ys[i]);
      if (ax < 0 || ay < 0 || ax > w || ay > h) {
        return;
      }
      var marker = [ax - r, ay - r, ax + r, ay + r];
      if (!strong && !boxes.free(marker)) {
        failures++;
        return;
      }
      var lw = self.labelWidth(i) + 4, lh = LABEL_H;
      var cands = [
        [ax + gap, ay - lh / 2, ax + gap + lw, ay + lh / 2],
        [ax - gap - lw, ay - lh / 2, ax - gap, ay + lh / 2],
        [ax - lw / 2, ay - gap - lh, ax + lw / 2, ay - gap],
        [ax - lw / 2, ay + gap, ax + lw / 2, ay + gap + lh]
      ];
      var best = null, bestCover = Infinity;
      for (var c = 0; c < cands.length && bestCover > 0; c++) {
        var b = cands[c];
        if (b[0] >= 0 && b[1] >= 0 && b[2] <= w && b[3] <= h && boxes.free(b)) {
          // Among free places, prefer one that hides no other point.
          var cover = few ? self.covered(b, i) : 0;
          if (cover < bestCover) {
            best = b;
            bestCover = cover;
          }
        }
      }
      if (best) {
        boxes.add(best);
        boxes.add(marker);
        placed.push({ i: i, b: best, strong: strong });
        return;
      }
      failures++;
    }
    for (var k = 0; k < first.length; k++) {
      tryPlace(first[k], true);
    }
    for (k = 0; k < visible.length && placed.length < maxLabels && failures < maxFailures; k++) {
      tryPlace(visible[k], false);
    }
    ctx.textBaseline = "middle";
    ctx.lineJoin = "round";
    ctx.lineWidth = 3;
    ctx.strokeStyle = "rgba(255, 255, 255, 0.85)";
    ctx.fillStyle = "#1a1a1a";
    for (var pass = 0; pass < 2; pass++) {
      ctx.font = pass === 1 ? "bold " + LABEL_FONT : LABEL_FONT;
      for (k = 0; k < placed.length; k++) {
        var p = placed[k];
        if (p.strong !== (pass === 1)) {
          continue;
        }
        var tx = p.b[0] + 2, ty = (p.b[1] + p.b[3]) / 2;
        ctx.strokeText(this.words[p.i], tx, ty);
        ctx.fillText(this.words[p.i], tx, ty);
      }
    }
    this.placed = placed.map(function (p) { return p.i; });
    this.placedBoxes = placed.map(function (p) { return p.b; });
  };

  // covered counts the shown points other than self under the screen box
  // b (CSS pixels).
  MapView.prototype.covered = function (b, self) {
    var x0 = this.dataX(b[0]), x1 = this.dataX(b[2]), y0 = this.dataY(b[3]), y1 = this.dataY(b[1]);
    var k = 0, xs = this.xs, ys = this.ys, gi = this.gi, hidden = this.hidden;
    this.grid.each(x0, x1, y0, y1, function (i) {
      if (i !== self && !hidden[gi[i]] && xs[i] >= x0 && xs[i] <= x1 && ys[i] >= y0 && ys[i] <= y1) {
        k++;
      }
    });
    return k;
  };

  // nearest returns the shown point within radius CSS pixels of (px, py),
  // or -1, through the grid.
  MapView.prototype.nearest = function (px, py, radius) {
    var s = this.scale(), x = this.dataX(px), y = this.dataY(py), rd = radius / s;
    var best = -1, bestD = rd * rd, xs = this.xs, ys = this.ys, gi = this.gi, hidden = this.hidden;
    this.grid.each(x - rd, x + rd, y - rd, y + rd, function (i) {
      if (hidden[gi[i]]) {
        return;
      }
      var dx = xs[i] - x, dy = ys[i] - y, d = dx * dx + dy * dy;
      if (d <= bestD) {
        best = i;
        bestD = d;
      }
    });
    return best;
  };

  MapView.prototype.showTip = function (i, px, py) {
    this.hover = i;
    if (i < 0) {
      this.tip.hidden = true;
      return;
    }
    var g = this.gi[i];
    this.tip.textContent = this.words[i] + (this.groups[g] ? " · " + this.groupName(g) : "");
    this.tip.hidden = false;
    var left = Math.min(px + 12, this.w - this.tip.offsetWidth - 4);
    this.tip.style.left = Math.max(0, left) + "px";
    this.tip.style.top = Math.max(0, py - 30) + "px";
  };

  // The controls (static/mapview-controls.js, loaded next) add the
  // event handlers, legend, search, selection and address, and start the
  // views.
  window.gloveboardMapView = { MapView: MapView, stats: stats, zoomLimits: [MIN_ZOOM, MAX_ZOOM] };
})();
