// gloveboard interactive word map, part 2: the controls of the view that
// static/mapview.js defines (loaded before this file): pointer, wheel,
// touch and keyboard, the legend, search and pinning, box selection and
// its CSV, the view in the address's fragment and the download links.
// Starts every .mapview of the page, and those htmx swaps in.
(function () {
  "use strict";

  var MapView = window.gloveboardMapView.MapView;
  var stats = window.gloveboardMapView.stats;
  var MIN_ZOOM = window.gloveboardMapView.zoomLimits[0];
  // The page's strings and number format (static/app.js).
  var t = window.gloveboard.t, num = window.gloveboard.num;
  var MAX_ZOOM = window.gloveboardMapView.zoomLimits[1];

  // csvCell guards a cell as the server does (internal/csvguard): text
  // starting like a formula gets a leading apostrophe; cells with commas,
  // quotes or line breaks are quoted.
  function csvCell(s) {
    s = String(s);
    if (s !== "" && "=+-@\t\r\n\uff1d\uff0b\uff0d\uff20".indexOf(s.charAt(0)) >= 0) {
      s = "'" + s;
    }
    if (/[",\r\n]/.test(s)) {
      s = '"' + s.replace(/"/g, '""') + '"';
    }
    return s;
  }

  function numCell(v) { return isFinite(v) ? String(v) : csvCell(String(v)); }

  MapView.prototype.bind = function () {
    var self = this, c = this.canvas, root = this.root;
    c.addEventListener("wheel", function (ev) {
      ev.preventDefault();
      var dy = ev.deltaY * (ev.deltaMode === 1 ? 16 : ev.deltaMode === 2 ? 400 : 1);
      var rect = c.getBoundingClientRect();
      self.zoomAt(Math.exp(-dy * 0.0015), ev.clientX - rect.left, ev.clientY - rect.top);
    }, { passive: false });
    c.addEventListener("pointerdown", function (ev) { self.pointerDown(ev); });
    c.addEventListener("pointermove", function (ev) { self.pointerMove(ev); });
    c.addEventListener("pointerup", function (ev) { self.pointerUp(ev); });
    c.addEventListener("pointercancel", function (ev) { self.pointerUp(ev, true); });
    c.addEventListener("pointerleave", function (ev) {
      if (ev.pointerType === "mouse") {
        self.showTip(-1);
        self.requestDraw();
      }
    });
    c.addEventListener("keydown", function (ev) { self.key(ev); });
    root.addEventListener("click", function (ev) {
      var b = ev.target.closest("button[data-act]");
      if (b && root.contains(b)) {
        self.act(b.getAttribute("data-act"), b);
      }
    });
    var form = root.querySelector(".mapview-search");
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      self.search(form.elements.word.value.trim(), Number(form.elements.n.value) || 10, true);
    });
    var onResize = function () {
      if (!document.body.contains(root)) {
        window.removeEventListener("resize", onResize);
        return;
      }
      if (self.resize()) {
        self.draw(); // at once: resizing cleared the canvas
      }
    };
    window.addEventListener("resize", onResize);
    root.querySelector(".mapview-width").addEventListener("input", function () { self.updateLinks(); });
    root.querySelector(".mapview-downloads").addEventListener("pointerdown", function () { self.updateLinks(); });
    root.querySelector(".mapview-downloads").addEventListener("focusin", function () { self.updateLinks(); });
  };

  function local(c, ev) {
    var rect = c.getBoundingClientRect();
    return { x: ev.clientX - rect.left, y: ev.clientY - rect.top };
  }

  MapView.prototype.pointerDown = function (ev) {
    var p = local(this.canvas, ev);
    this.canvas.setPointerCapture(ev.pointerId);
    this.pointers[ev.pointerId] = p;
    var ids = Object.keys(this.pointers);
    if (ids.length === 2) {
      var a = this.pointers[ids[0]], b = this.pointers[ids[1]];
      var mx = (a.x + b.x) / 2, my = (a.y + b.y) / 2;
      this.drag = { mode: "pinch", dist: Math.hypot(a.x - b.x, a.y - b.y) || 1, zoom: this.zoom,
        x: this.dataX(mx), y: this.dataY(my) };
      return;
    }
    var select = ev.shiftKey || this.mode === "select";
    this.drag = { mode: select ? "select" : "pan", x0: p.x, y0: p.y, last: p, moved: false };
    if (select) {
      var x = this.dataX(p.x), y = this.dataY(p.y);
      this.drag.box = { x0: x, x1: x, y0: y, y1: y };
    }
  };

  MapView.prototype.pointerMove = function (ev) {
    var p = local(this.canvas, ev);
    if (this.pointers[ev.pointerId]) {
      this.pointers[ev.pointerId] = p;
    }
    var d = this.drag;
    if (!d) {
      if (ev.pointerType === "mouse") {
        var i = this.nearest(p.x, p.y, 8);
        if (i !== this.hover) {
          this.showTip(i, p.x, p.y);
          this.requestDraw();
        } else if (i >= 0) {
          this.showTip(i, p.x, p.y);
        }
      }
      return;
    }
    if (d.mode === "pinch") {
      var ids = Object.keys(this.pointers);
      if (ids.length < 2) {
        return;
      }
      var a = this.pointers[ids[0]], b = this.pointers[ids[1]];
      var mx = (a.x + b.x) / 2, my = (a.y + b.y) / 2;
      this.zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, d.zoom * Math.hypot(a.x - b.x, a.y - b.y) / d.dist));
      this.cx = d.x - (mx - this.w / 2) / this.scale();
      this.cy = d.y + (my - this.h / 2) / this.scale();
      this.changed();
      return;
    }
    if (Math.abs(p.x - d.x0) + Math.abs(p.y - d.y0) > 4) {
      d.moved = true;
    }
    if (d.mode === "pan") {
      this.panBy(p.x - d.last.x, p.y - d.last.y);
      d.last = p;
      this.showTip(-1);
    } else {
      var x0 = this.dataX(Math.min(p.x, d.x0)), x1 = this.dataX(Math.max(p.x, d.x0));
      var y0 = this.dataY(Math.max(p.y, d.y0)), y1 = this.dataY(Math.min(p.y, d.y0));
      d.box = { x0: x0, x1: x1, y0: y0, y1: y1 };
      this.requestDraw();
    }
  };

  MapView.prototype.pointerUp = function (ev, cancelled) {
    var p = local(this.canvas, ev);
    delete this.pointers[ev.pointerId];
    var d = this.drag;
    this.drag = null;
    if (!d || cancelled) {
      this.requestDraw();
      return;
    }
    if (d.mode === "pinch") {
      // The finger left on the screen goes on panning.
      var rest = Object.keys(this.pointers);
      if (rest.length === 1) {
        var q = this.pointers[rest[0]];
        this.drag = { mode: "pan", x0: q.x, y0: q.y, last: q, moved: true };
      }
      return;
    }
    if (d.mode === "select" && d.moved) {
      this.select(d.box);
      return;
    }
    if (!d.moved) {
      var i = this.nearest(p.x, p.y, ev.pointerType === "mouse" ? 8 : 16);
      if (i >= 0) {
        this.search(this.words[i], this.k(), false);
      } else if (this.focus) {
        this.clearFocus();
      }
    }
    this.requestDraw();
  };

  MapView.prototype.k = function () {
    return Number(this.root.querySelector(".mapview-search").elements.n.value) || 10;
  };

  MapView.prototype.key = function (ev) {
    var step = 0.15;
    switch (ev.key) {
      case "+":
      case "=":
        this.zoomAt(1.4, this.w / 2, this.h / 2);
        break;
      case "-":
      case "_":
        this.zoomAt(1 / 1.4, this.w / 2, this.h / 2);
        break;
      case "ArrowLeft":
        this.panBy(this.w * step, 0);
        break;
      case "ArrowRight":
        this.panBy(-this.w * step, 0);
        break;
      case "ArrowUp":
        this.panBy(0, this.h * step);
        break;
      case "ArrowDown":
        this.panBy(0, -this.h * step);
        break;
      case "0":
        this.reset();
        this.changed();
        break;
      case "Escape":
        this.clearFocus();
        this.setSelection(null);
        break;
      default:
        return;
    }
    ev.preventDefault();
  };

  MapView.prototype.act = function (what, button) {
    switch (what) {
      case "zoom-in":
        this.zoomAt(1.4, this.w / 2, this.h / 2);
        break;
      case "zoom-out":
        this.zoomAt(1 / 1.4, this.w / 2, this.h / 2);
        break;
      case "reset":
        this.reset();
        this.changed();
        break;
      case "select":
        this.mode = this.mode === "select" ? "pan" : "select";
        button.setAttribute("aria-pressed", String(this.mode === "select"));
        this.canvas.classList.toggle("selecting", this.mode === "select");
        break;
      case "csv":
        this.exportCSV();
        break;
      case "clear":
        this.setSelection(null);
        break;
      case "group":
        var g = Number(button.getAttribute("data-group"));
        this.hidden[g] = this.hidden[g] ? 0 : 1;
        button.setAttribute("aria-pressed", String(!this.hidden[g]));
        if (this.selection) {
          this.select(this.selection);
        }
        if (this.hover >= 0 && this.hidden[this.gi[this.hover]]) {
          this.showTip(-1);
        }
        this.changed();
        break;
    }
  };

  MapView.prototype.buildLegend = function () {
    var ul = this.root.querySelector(".mapview-legend");
    ul.textContent = "";
    if (this.groups.length === 1 && this.groups[0] === "") {
      ul.hidden = true;
      return;
    }
    for (var g = 0; g < this.groups.length; g++) {
      var li = document.createElement("li");
      var b = document.createElement("button");
      b.type = "button";
      b.setAttribute("data-act", "group");
      b.setAttribute("data-group", String(g));
      b.setAttribute("aria-pressed", "true");
      var sw = document.createElement("span");
      sw.className = "swatch";
      sw.style.backgroundColor = this.colours[g];
      b.appendChild(sw);
      b.appendChild(document.createTextNode(this.groupName(g) + " "));
      var n = document.createElement("span");
      n.className = "hint";
      n.textContent = num(this.groupCount[g]);
      b.appendChild(n);
      li.appendChild(b);
      ul.appendChild(li);
    }
  };

  MapView.prototype.syncLegend = function () {
    var bs = this.root.querySelectorAll(".mapview-legend button");
    for (var k = 0; k < bs.length; k++) {
      bs[k].setAttribute("aria-pressed", String(!this.hidden[k]));
    }
  };

  // select keeps the shown points inside box (data units).
  MapView.prototype.select = function (box) {
    var idx = [], xs = this.xs, ys = this.ys, gi = this.gi, hidden = this.hidden;
    this.grid.each(box.x0, box.x1, box.y0, box.y1, function (i) {
      if (!hidden[gi[i]] && xs[i] >= box.x0 && xs[i] <= box.x1 && ys[i] >= box.y0 && ys[i] <= box.y1) {
        idx.push(i);
      }
    });
    idx.sort(function (a, b) { return a - b; });
    box.idx = idx;
    this.setSelection(box);
  };

  MapView.prototype.setSelection = function (sel) {
    this.selection = sel;
    var n = sel ? sel.idx.length : 0;
    this.root.querySelector(".mapview-selcount").textContent = sel ?
      t(n === 1 ? "js.map.sel_one" : "js.map.sel_many", num(n)) : t("js.map.sel_none");
    this.root.querySelector('button[data-act="csv"]').disabled = n === 0;
    this.root.querySelector('button[data-act="clear"]').disabled = !sel;
    this.requestDraw();
  };

  // selectionCSV is the selection as CSV: word, group, x, y.
  MapView.prototype.selectionCSV = function () {
    var lines = ["word,group,x,y"];
    var idx = this.selection ? this.selection.idx : [];
    for (var k = 0; k < idx.length; k++) {
      var i = idx[k];
      lines.push([csvCell(this.words[i]), csvCell(this.groups[this.gi[i]]), numCell(this.xs[i]), numCell(this.ys[i])].join(","));
    }
    return lines.join("\r\n") + "\r\n";
  };

  MapView.prototype.exportCSV = function () {
    var text = this.selectionCSV();
    this.lastExport = text;
    stats.lastExport = text;
    var url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
    var a = document.createElement("a");
    a.href = url;
    a.download = this.root.getAttribute("data-selection-name") || "gloveboard-selection.csv";
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  };

  // search focuses word: its k nearest neighbours in the full space (from
  // the server) are ringed and labelled first; with move, the view
  // turns to them.
  MapView.prototype.search = function (word, k, move) {
    if (!word) {
      return;
    }
    var self = this;
    var url = this.root.getAttribute("data-neighbors") + "?word=" + encodeURIComponent(word) + "&n=" + Math.min(100, Math.max(1, k));
    this.status(t("js.map.looking_up", word));
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (resp) {
        return resp.json().then(function (body) { return { ok: resp.ok, status: resp.status, body: body }; });
      })
      .then(function (r) {
        if (!r.ok) {
          // The API answers in English; the page says what went wrong in
          // its own language: a word the set lacks is refused with a 4xx.
          self.status(r.status >= 400 && r.status < 500 ? t("js.map.not_in_set", word) : t("js.map.lookup_failed"));
          return;
        }
        self.setFocus(word, r.body.results || [], move);
      })
      .catch(function () { self.status(t("js.map.lookup_failed")); });
  };

  MapView.prototype.setFocus = function (word, results, move) {
    var idx = this.index.has(word) ? this.index.get(word) : -1;
    var self = this, on = [], off = 0;
    results.forEach(function (m) {
      if (self.index.has(m.word)) {
        on.push(self.index.get(m.word));
      } else {
        off++;
      }
    });
    this.focus = { word: word, idx: idx, neighbours: on, results: results };
    var panel = this.root.querySelector(".mapview-pin");
    panel.hidden = false;
    panel.querySelector(".mapview-pin-word").textContent = word;
    panel.querySelector(".mapview-pin-link").href = this.root.getAttribute("data-word-base") + encodeURIComponent(word);
    panel.querySelector(".mapview-pin-link").textContent = t("js.map.pin_link");
    var note = off === 0 ? t("js.map.neighbours_all", num(results.length)) :
      t("js.map.neighbours_some", num(results.length), num(on.length));
    if (idx < 0) {
      note = t("js.map.not_on_map_note", word, note);
    }
    panel.querySelector(".mapview-pin-note").textContent = note;
    var ol = panel.querySelector(".mapview-pin-list");
    ol.textContent = "";
    results.forEach(function (m) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = self.root.getAttribute("data-word-base") + encodeURIComponent(m.word);
      a.textContent = m.word;
      li.appendChild(a);
      var score = num(m.score, 3);
      li.appendChild(document.createTextNode(" " + (self.index.has(m.word) ? score : t("js.map.score_off", score))));
      ol.appendChild(li);
    });
    this.status(idx >= 0 ? t("js.map.pinned", word) : t("js.map.not_on_map", word));
    if (move && idx >= 0) {
      this.showAll([idx].concat(on));
    }
    this.changed();
  };

  // showAll turns the view to the points idx (without zooming out).
  MapView.prototype.showAll = function (idx) {
    var x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity, self = this;
    idx.forEach(function (i) {
      x0 = Math.min(x0, self.xs[i]);
      x1 = Math.max(x1, self.xs[i]);
      y0 = Math.min(y0, self.ys[i]);
      y1 = Math.max(y1, self.ys[i]);
    });
    this.cx = (x0 + x1) / 2;
    this.cy = (y0 + y1) / 2;
    var fit = Math.min(this.w / ((x1 - x0) || 1e-9), this.h / ((y1 - y0) || 1e-9)) * 0.7 / this.base;
    this.zoom = Math.min(MAX_ZOOM, Math.max(this.zoom, Math.min(fit, 40)));
  };

  MapView.prototype.clearFocus = function () {
    this.focus = null;
    this.root.querySelector(".mapview-pin").hidden = true;
    this.status("");
    this.changed();
  };

  // The view in the address's fragment: #z=…&cx=…&cy=…&pin=…&hide=….
  MapView.prototype.writeFragment = function () {
    var q = new URLSearchParams();
    q.set("z", this.zoom.toPrecision(5));
    q.set("cx", this.cx.toPrecision(7));
    q.set("cy", this.cy.toPrecision(7));
    if (this.focus) {
      q.set("pin", this.focus.word);
    }
    var hide = [];
    for (var g = 0; g < this.groups.length; g++) {
      if (this.hidden[g]) {
        hide.push(this.groups[g]);
      }
    }
    hide.forEach(function (h) { q.append("hide", h); });
    var hash = "#" + q.toString();
    history.replaceState(history.state, "", location.pathname + location.search + hash);
    var perma = this.root.querySelector(".mapview-permalink");
    if (perma) {
      perma.href = this.root.getAttribute("data-permalink") + hash;
    }
    this.updateLinks();
  };

  MapView.prototype.readFragment = function () {
    if (location.hash.length < 2) {
      return;
    }
    var q = new URLSearchParams(location.hash.slice(1));
    var z = Number(q.get("z")), cx = Number(q.get("cx")), cy = Number(q.get("cy"));
    if (q.has("z") && isFinite(z) && z > 0) {
      this.zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, z));
    }
    if (q.has("cx") && isFinite(cx) && q.has("cy") && isFinite(cy)) {
      this.cx = cx;
      this.cy = cy;
    }
    var self = this;
    q.getAll("hide").forEach(function (h) {
      var g = self.groups.indexOf(h);
      if (g >= 0) {
        self.hidden[g] = 1;
      }
    });
    this.syncLegend();
    if (q.get("pin")) {
      this.search(q.get("pin"), this.k(), false);
    }
  };

  // updateLinks points the download links at the current view: its box,
  // size, hidden groups and the labels on screen.
  MapView.prototype.updateLinks = function () {
    var base = this.root.getAttribute("data-plot");
    var vb = this.viewBox();
    var q = new URLSearchParams();
    q.set("x0", String(vb.x0));
    q.set("x1", String(vb.x1));
    q.set("y0", String(vb.y0));
    q.set("y1", String(vb.y1));
    q.set("w", String(this.w));
    q.set("h", String(this.h));
    for (var g = 0; g < this.groups.length; g++) {
      if (this.hidden[g]) {
        q.append("hide", this.groups[g]);
      }
    }
    var self = this;
    this.placed.slice(0, 400).forEach(function (i) { q.append("l", self.words[i]); });
    var sep = base.indexOf("?") >= 0 ? "&" : "?";
    var width = Math.round(Number(this.root.querySelector(".mapview-width").value)) || 2400;
    var links = this.root.querySelectorAll("a[data-dl]");
    for (var k = 0; k < links.length; k++) {
      var kind = links[k].getAttribute("data-dl");
      var extra = kind === "svg" ? "format=svg" : kind === "png2" ? "format=png&scale=2" :
        kind === "pngw" ? "format=png&width=" + width : "format=png";
      links[k].href = base + sep + extra + "&download=1&" + q.toString();
    }
  };

  function start(scope, restore) {
    var els = (scope || document).querySelectorAll(".mapview");
    for (var k = 0; k < els.length; k++) {
      if (!els[k].mapview) {
        var v = new MapView(els[k], restore);
        if (v.canvas) {
          v.updateLinks();
        }
      }
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { start(document, true); });
  } else {
    start(document, true);
  }
  // Maps that htmx swaps in (the Explore page's form, a finished job).
  document.addEventListener("htmx:load", function (ev) {
    var el = ev.detail && ev.detail.elt;
    if (el && el.querySelectorAll) {
      start(el.matches && el.matches(".mapview") ? el.parentNode : el, false);
    }
  });
})();
