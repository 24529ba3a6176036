// Communiqué network: a force layout, zoom and pan, labels that never overlap, neighbours on hover.
// The server draws the nodes on a spiral (readable without scripts) and writes who links whom in
// data-* attributes; this file moves them. No library, no randomness: the same graph always
// gets the same drawing.
(function () {
  "use strict";
  var TICKS = 300;
  var CHARGE = 420;        // repulsion between every two nodes
  var GRAVITY = 0.04;      // pull toward the centre, keeps separate groups in view
  var LINK_GAP = 36;       // rest length of a link, beyond the two radii
  var PADDING = 4;         // space kept between two circles
  var DECAY = 0.6;         // share of the speed kept from one tick to the next
  var FONT = 11;           // label size on screen, in pixels
  var MIN_ZOOM = 0.2, MAX_ZOOM = 12;

  function layout(nodes, links, size) {
    var c = size / 2, n = nodes.length;
    var count = {};
    links.forEach(function (l) {
      count[l.s.id] = (count[l.s.id] || 0) + 1;
      count[l.t.id] = (count[l.t.id] || 0) + 1;
    });
    var alphaDecay = 1 - Math.pow(0.001, 1 / TICKS);
    var alpha = 1;
    for (var tick = 0; tick < TICKS; tick++) {
      var i, j, a, b, dx, dy, l2, w;
      for (i = 0; i < n; i++) {           // repulsion
        a = nodes[i];
        for (j = i + 1; j < n; j++) {
          b = nodes[j];
          dx = b.x - a.x; dy = b.y - a.y;
          if (dx === 0 && dy === 0) { dx = (j - i) * 0.01; dy = (i - j) * 0.01; }
          l2 = Math.max(dx * dx + dy * dy, 1);
          w = CHARGE * alpha / l2;
          a.vx -= dx * w; a.vy -= dy * w;
          b.vx += dx * w; b.vy += dy * w;
        }
      }
      links.forEach(function (l) {         // springs
        var s = l.s, t = l.t;
        var lx = t.x + t.vx - s.x - s.vx, ly = t.y + t.vy - s.y - s.vy;
        var len = Math.sqrt(lx * lx + ly * ly) || 1;
        var rest = LINK_GAP + s.r + t.r;
        var k = (len - rest) / len * alpha / Math.min(count[s.id], count[t.id]);
        var bias = count[s.id] / (count[s.id] + count[t.id]);
        lx *= k; ly *= k;
        t.vx -= lx * bias; t.vy -= ly * bias;
        s.vx += lx * (1 - bias); s.vy += ly * (1 - bias);
      });
      for (i = 0; i < n; i++) {            // gravity, then move
        a = nodes[i];
        a.vx += (c - a.x) * GRAVITY * alpha;
        a.vy += (c - a.y) * GRAVITY * alpha;
        a.vx *= DECAY; a.vy *= DECAY;
        a.x += a.vx; a.y += a.vy;
      }
      for (i = 0; i < n; i++) {            // no two circles overlap
        a = nodes[i];
        for (j = i + 1; j < n; j++) {
          b = nodes[j];
          dx = b.x - a.x; dy = b.y - a.y;
          var min = a.r + b.r + PADDING, d = Math.sqrt(dx * dx + dy * dy);
          if (d < min) {
            if (d === 0) { dx = 1; dy = 0; d = 1; }
            var push = (min - d) / d / 2;
            a.x -= dx * push; a.y -= dy * push;
            b.x += dx * push; b.y += dy * push;
          }
        }
      }
      alpha -= alpha * alphaDecay;
    }
  }

  function init(figure) {
    var svg = figure.querySelector("svg");
    var size = +figure.getAttribute("data-size") || 760;
    var nodes = [], byId = {};
    Array.prototype.forEach.call(svg.querySelectorAll("circle.node"), function (el) {
      var node = {
        id: el.getAttribute("data-id"), rank: +el.getAttribute("data-rank"),
        x: +el.getAttribute("cx"), y: +el.getAttribute("cy"), r: +el.getAttribute("r"),
        vx: 0, vy: 0, el: el, label: svg.querySelector("text.node-label[data-id='" + el.getAttribute("data-id") + "']"),
        links: []
      };
      nodes.push(node);
      byId[node.id] = node;
    });
    nodes.sort(function (p, q) { return p.rank - q.rank; });
    var links = [];
    Array.prototype.forEach.call(svg.querySelectorAll("line.edge"), function (el) {
      var s = byId[el.getAttribute("data-source")], t = byId[el.getAttribute("data-target")];
      if (s && t) {
        var link = { s: s, t: t, el: el, width: +el.getAttribute("stroke-width") || 1 };
        links.push(link);
        s.links.push(link); t.links.push(link);
      }
    });
    layout(nodes, links, size);

    var home = bounds(nodes);
    var view = { x: home.x, y: home.y, w: home.w, h: home.h };

    function bounds(list) {
      var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
      list.forEach(function (p) {
        x0 = Math.min(x0, p.x - p.r); y0 = Math.min(y0, p.y - p.r);
        var label = p.label ? p.label.textContent.length * FONT * 0.58 + 6 : 0;  // room for the name
        x1 = Math.max(x1, p.x + p.r + label); y1 = Math.max(y1, p.y + p.r);
      });
      var side = Math.max(x1 - x0, y1 - y0) + 40;
      return { x: (x0 + x1 - side) / 2, y: (y0 + y1 - side) / 2, w: side, h: side };
    }

    function scale() {  // svg units per screen pixel
      var box = svg.getBoundingClientRect();
      return view.w / (box.width || size);
    }

    function draw() {
      svg.setAttribute("viewBox", [view.x, view.y, view.w, view.h].map(function (v) { return v.toFixed(1); }).join(" "));
      var u = scale();
      nodes.forEach(function (p) {
        p.el.setAttribute("cx", p.x.toFixed(1));
        p.el.setAttribute("cy", p.y.toFixed(1));
        if (p.label) {
          p.label.setAttribute("x", (p.x + p.r + 3 * u).toFixed(1));
          p.label.setAttribute("y", (p.y + 4 * u).toFixed(1));
        }
      });
      links.forEach(function (l) {
        l.el.setAttribute("x1", l.s.x.toFixed(1)); l.el.setAttribute("y1", l.s.y.toFixed(1));
        l.el.setAttribute("x2", l.t.x.toFixed(1)); l.el.setAttribute("y2", l.t.y.toFixed(1));
        l.el.setAttribute("stroke-width", (l.width * u).toFixed(2));  // the same on screen at any zoom
      });
      svg.style.setProperty("--label-size", (FONT * u).toFixed(2) + "px");
      placeLabels(u);
    }

    // Labels in order of weight; one that would overlap a label already placed is hidden
    // (it shows on hover). Zooming in makes room, so more names appear.
    function placeLabels(u) {
      var placed = [];
      nodes.forEach(function (p) {
        if (!p.label) { return; }
        var w = p.label.textContent.length * FONT * 0.58 * u, h = FONT * u;
        var box = { x: p.x + p.r + 3 * u, y: p.y - h / 2, w: w, h: h };
        var free = placed.every(function (q) {
          return box.x > q.x + q.w || q.x > box.x + box.w || box.y > q.y + q.h || q.y > box.y + box.h;
        });
        p.label.classList.toggle("shown", free);
        p.label.classList.toggle("hidden", !free);
        if (free) { placed.push(box); }
      });
    }

    function zoomAt(factor, cx, cy) {
      var zoom = home.w / (view.w / factor);
      if (zoom < MIN_ZOOM || zoom > MAX_ZOOM) { return; }
      view.x = cx - (cx - view.x) / factor;
      view.y = cy - (cy - view.y) / factor;
      view.w /= factor; view.h /= factor;
      draw();
    }

    function toSvg(clientX, clientY) {
      var box = svg.getBoundingClientRect();
      return { x: view.x + (clientX - box.left) / box.width * view.w, y: view.y + (clientY - box.top) / box.height * view.h };
    }

    svg.addEventListener("wheel", function (e) {
      e.preventDefault();
      var at = toSvg(e.clientX, e.clientY);
      zoomAt(Math.pow(1.2, -e.deltaY / 100), at.x, at.y);
    }, { passive: false });

    var drag = null;
    svg.addEventListener("pointerdown", function (e) {
      if (e.target.closest && e.target.closest("a")) { return; }
      drag = { x: e.clientX, y: e.clientY, vx: view.x, vy: view.y };
      svg.setPointerCapture(e.pointerId);
      svg.classList.add("dragging");
    });
    svg.addEventListener("pointermove", function (e) {
      if (!drag) { return; }
      var u = scale();
      view.x = drag.vx - (e.clientX - drag.x) * u;
      view.y = drag.vy - (e.clientY - drag.y) * u;
      draw();
    });
    function stop() { drag = null; svg.classList.remove("dragging"); }
    svg.addEventListener("pointerup", stop);
    svg.addEventListener("pointercancel", stop);

    var tools = figure.querySelector(".net-tools");
    tools.hidden = false;
    tools.addEventListener("click", function (e) {
      var how = e.target.getAttribute && e.target.getAttribute("data-zoom");
      var mid = { x: view.x + view.w / 2, y: view.y + view.h / 2 };
      if (how === "in") { zoomAt(1.5, mid.x, mid.y); }
      if (how === "out") { zoomAt(1 / 1.5, mid.x, mid.y); }
      if (how === "reset") { view = { x: home.x, y: home.y, w: home.w, h: home.h }; draw(); }
    });

    // Hovering or focusing an actor brings out its links and neighbours.
    nodes.forEach(function (p) {
      var link = p.el.parentNode;
      function on() {
        svg.classList.add("focusing");
        p.el.classList.add("near");
        if (p.label) { p.label.classList.add("near"); }
        p.links.forEach(function (l) {
          l.el.classList.add("near");
          [l.s, l.t].forEach(function (q) {
            q.el.classList.add("near");
            if (q.label) { q.label.classList.add("near"); }
          });
        });
      }
      function off() {
        svg.classList.remove("focusing");
        Array.prototype.forEach.call(svg.querySelectorAll(".near"), function (el) { el.classList.remove("near"); });
      }
      link.addEventListener("mouseenter", on);
      link.addEventListener("mouseleave", off);
      link.addEventListener("focus", on);
      link.addEventListener("blur", off);
    });

    draw();
    figure.setAttribute("data-ready", "true");
  }

  var figures = document.querySelectorAll("figure.network");
  for (var f = 0; f < figures.length; f++) { init(figures[f]); }
})();
