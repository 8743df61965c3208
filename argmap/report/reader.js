// argmap reader: links the article, the map and the side panel. Plain script, no library.
// Map and source text reach the page only as JSON data and escaped markup; everything written
// here goes in through textContent, never as markup, so no text can run as code.
"use strict";
(function () {
  const DATA = JSON.parse(document.getElementById("Data").textContent);
  const E = DATA.elements;
  const article = document.getElementById("Article");
  const viewport = document.getElementById("Viewport");
  const panel = document.getElementById("Panel");
  const overview = Array.from(panel.childNodes);
  const SLUG = /^[a-z0-9][a-z0-9_.-]{0,79}$/;
  const reader = document.getElementById("Reader");
  const announcer = document.getElementById("Announce");
  const NARROW = window.matchMedia("(max-width: 900px)");
  let selected = null;
  let lastQuote = null;

  // ---- small helpers --------------------------------------------------------------------
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  // An element of this map: own keys only, so a fragment like #constructor names nothing.
  function known(id) { return typeof id === "string" && Object.prototype.hasOwnProperty.call(E, id); }
  function lookOf(id) {
    const r = known(id) ? E[id] : null;
    if (!r) return "unused";
    return r.look || (r.type === "inference" ? "step" : r.type);
  }
  const SVGS = Array.from(viewport.querySelectorAll("svg.diagram"));
  // Each drawing's nodes and edges, found once: a big map has thousands.
  const DRAWN = new Map(SVGS.map((svg) => {
    const byId = new Map();
    const all = Array.from(svg.querySelectorAll("[data-el]"));
    all.forEach((g) => { if (!byId.has(g.dataset.el)) byId.set(g.dataset.el, []); byId.get(g.dataset.el).push(g); });
    return [svg, { all: all, byId: byId, edges: Array.from(svg.querySelectorAll("g.edge[data-from]")) }];
  }));
  const MARKS = Array.from(article.querySelectorAll("mark.q"));
  function svgs() { return SVGS; }
  function shownSvg() { return SVGS.find((s) => !s.hasAttribute("hidden")) || null; }
  function nodesOf(svg, id) { return DRAWN.get(svg).byId.get(id) || []; }

  // ---- what an element rests on, down to the quotes ----------------------------------------
  function basisOf(id) {
    const seen = new Set();
    const stack = [id];
    const add = (x) => { if (!seen.has(x)) { seen.add(x); stack.push(x); } };
    while (stack.length) {
      const x = stack.pop();
      const r = known(x) ? E[x] : null;
      if (!r) continue;
      if (r.type === "proposition") { (r.quotes || []).forEach(add); (r.supportedBy || []).forEach(add); }
      if (r.type === "inference") { r.premises.forEach(add); (r.quotes || []).forEach(add); }
      if (r.type === "question") r.hypotheses.forEach(add);
      if (r.type === "attack") add(r.attacker);
    }
    seen.delete(id);
    return seen;
  }
  // A quote stands for the propositions it anchors and the steps it states.
  function alsoSelected(id) {
    const r = known(id) ? E[id] : {};
    return new Set([id].concat(r.anchors || [], r.states || []));
  }
  function ownQuotes(id) {
    const r = known(id) ? E[id] : {};
    if (r.type === "quote") return [id];
    if (r.type === "attack") return ownQuotes(r.attacker);
    return r.quotes || [];
  }

  // ---- selection ------------------------------------------------------------------------
  // how: "map" (a node clicked or pressed), "article", "history", else a control elsewhere
  // (key judgments, search, the panel). Every way pans and zooms the map to the selection.
  function select(id, how) {
    if (id !== null && !known(id)) id = null;
    selected = id;
    if (how !== "history") {
      const url = location.pathname + location.search + (id ? "#" + id : "");
      if ((location.hash.slice(1) || null) !== id) history.pushState(null, "", url);
    }
    const chosen = id ? alsoSelected(id) : new Set();
    const basis = id ? basisOf(id) : new Set();
    chosen.forEach((x) => basisOf(x).forEach((b) => basis.add(b)));
    markMap(chosen, basis);
    const first = markArticle(id, chosen, basis);
    markKeys(id);
    showPanel(id);
    announce(id);
    if (id) rove(id);
    if (id && NARROW.matches && (how === "article" || how === undefined)) showPane("map");
    if (id) ensureDrawn(Array.from(chosen));
    if (id) mapTo(id, how === "map");
    if (first && how !== "article") first.scrollIntoView({ block: "center", behavior: "instant" });
  }
  function announce(id) {
    const r = id ? E[id] : null;
    announcer.textContent = r ? "Selected " + nodeName(id) : "";
  }
  function markMap(chosen, basis) {
    svgs().forEach((svg) => {
      svg.classList.toggle("focused", chosen.size > 0);
      DRAWN.get(svg).all.forEach((g) => {
        g.classList.toggle("sel", chosen.has(g.dataset.el));
        g.classList.toggle("basis", basis.has(g.dataset.el));
      });
      DRAWN.get(svg).edges.forEach((g) => {
        const from = g.dataset.from, to = g.dataset.to;
        const inside = (x) => chosen.has(x) || basis.has(x);
        g.classList.toggle("near", inside(from) && inside(to));
      });
    });
  }
  function markArticle(id, chosen, basis) {
    const own = new Set();
    chosen.forEach((x) => ownQuotes(x).forEach((q) => own.add(q)));
    let first = null, firstBasis = null;
    MARKS.forEach((m) => {
      const ids = m.dataset.q.split(" ");
      const mine = ids.some((q) => own.has(q));
      const under = !mine && ids.some((q) => basis.has(q));
      m.classList.toggle("sel", mine);
      m.classList.toggle("basis", under);
      if (mine && !first) first = m;
      if (under && !firstBasis) firstBasis = m;
    });
    return id ? first || firstBasis : null;
  }
  function markKeys(id) {
    document.querySelectorAll("#KeyList tr").forEach((tr) => {
      tr.classList.toggle("sel", tr.dataset.ref === id);
      if (tr.dataset.ref) tr.toggleAttribute("aria-current", tr.dataset.ref === id);
    });
  }

  // ---- the side panel -------------------------------------------------------------------
  function ref(id) {
    const r = E[id];
    const button = el("button", "ref k-" + lookOf(id));
    button.type = "button";
    button.dataset.ref = id;
    if (!r) { button.textContent = id; return button; }
    const words = r.type === "inference" ? r.title + ": " + r.premises.join(", ") + " \u2192 " + r.conclusion : r.title;
    button.textContent = (r.type === "quote" ? "\u201c" + words + "\u201d" : words);
    if (r.label && r.type === "proposition") button.append(" ", el("span", "label label-" + r.label, r.standing));
    return button;
  }
  function facts(rows) {
    const dl = el("dl");
    rows.forEach(([name, value]) => {
      if (value === undefined || value === null || value === "") return;
      const dd = el("dd");
      if (value instanceof Node) dd.append(value); else dd.textContent = String(value);
      dl.append(el("dt", null, name), dd);
    });
    return dl.childNodes.length ? dl : null;
  }
  function section(title, items, make) {
    if (!items || !items.length) return [];
    const list = el("ul", "items");
    items.forEach((item) => { const li = el("li"); li.append(...[].concat(make(item))); list.append(li); });
    return [el("h2", null, title + " (" + items.length + ")"), list];
  }
  // A critical question's state, worded so it cannot be read as the judgment's own standing.
  const QUESTION_STATES = { open: "question open", answered: "answered in its favour", failed: "answered against it" };
  function questions(qs) {
    return (qs || []).map((q) => {
      const row = el("div", "cq");
      row.append(el("span", "status status-" + q.status, QUESTION_STATES[q.status] || q.status), q.question);
      if (q.answer) row.append(el("div", "hint", "answer: " + q.answer));
      return row;
    });
  }
  function inferenceBody(id) {
    const r = E[id];
    const parts = [facts([["scheme", r.scheme], ["warrant", r.warrant], ["by", r.by], ["note", r.note],
      ["evaluation", r.standing && r.standing + ": " + r.standingWhy]])];
    parts.push(el("div", "hint", "premises"), ...r.premises.map(ref));
    parts.push(el("div", "hint", "conclusion"), ref(r.conclusion));
    (r.quotes || []).forEach((q) => parts.push(el("div", "hint", "stated in"), ref(q)));
    if (r.questions && r.questions.length) parts.push(el("div", "hint", "critical questions of this step"), ...questions(r.questions));
    (r.attackedBy || []).forEach((a) => parts.push(el("div", "hint", "attacked by"), ref(a)));
    return parts.filter(Boolean);
  }
  function quoteBody(id) {
    const r = E[id];
    const where = r.place ? "characters " + r.place[0] + "-" + r.place[1] +
      (r.place[3] > 1 ? ", in " + r.place[3] + " pieces" : "") +
      (r.place[2] > 1 ? " (the words occur more than once)" : "") : r.problem;
    return [facts([["speaker", r.speaker], ["via", r.via], ["mode", r.mode], ["source", r.source],
      ["source grade", r.sourceGrade], ["address", link(r.url)], ["place", where], ["note", r.note]])].filter(Boolean);
  }
  // Only a web address becomes a link (the map's format allows no other); it opens apart.
  function link(url) {
    if (!url || !/^https?:\/\/\S+$/.test(url)) return url;
    const a = el("a", null, url);
    a.href = url;
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    return a;
  }
  function findings(list) {
    return (list || []).map((f) => {
      const row = el("div", "finding " + f.level);
      row.append(el("code", null, f.code), f.message + " (line " + f.line + ")");
      return row;
    });
  }
  function showPanel(id) {
    panel.replaceChildren();
    if (!id) { panel.append(...overview); return; }
    const r = E[id];
    const clear = el("button", "clear", "\u00d7 clear");
    clear.type = "button";
    clear.dataset.ref = "";
    const head = el("div");
    head.append(clear, el("span", "badge k-" + lookOf(id), r.kindWords || r.type), el("span", "eid", id));
    if (r.label) head.append(" ", el("span", "label label-" + r.label, r.standing));
    panel.append(head, el("p", "said" + (r.type === "quote" ? " quote" : ""), r.title));
    if (r.type === "proposition") {
      const f = facts([["evaluation", r.standing && r.standing + ": " + r.standingWhy], ["likelihood", r.likelihood], ["confidence", r.confidence], ["credibility", r.credibility],
        ["basis", r.basis && basisChip(r)], ["support", r.reconstructed], ["if wrong", r.ifWrong], ["note", r.note]]);
      if (f) panel.append(f);
      panel.append(...section("Quotes", r.quotes, (q) => [ref(q)].concat(E[q] ? quoteBody(q) : [])));
      panel.append(...section("Supported by", r.supportedBy, inferenceBody));
      panel.append(...section("Supports", r.premiseOf, (i) => [ref(i), el("div", "hint", "towards"), ref(E[i].conclusion)]));
      panel.append(...section("Attacked by", r.attackedBy, (a) => attackBody(a, "attacker")));
      panel.append(...section("Attacks", r.attacks, (a) => attackBody(a, "target")));
      panel.append(...section("Hypothesis of", r.questions, (q) => [ref(q)]));
    } else if (r.type === "quote") {
      panel.append(...quoteBody(id));
      panel.append(...section("Anchors", r.anchors, (p) => [ref(p)]));
      panel.append(...section("States the step", r.states, (i) => [ref(i)]));
    } else if (r.type === "inference") {
      panel.append(...inferenceBody(id));
    } else if (r.type === "attack") {
      panel.append(facts([["kind", r.kind], ["by", r.by], ["note", r.note],
        ["evaluation", r.standing && r.standing + ": " + r.standingWhy]]) || el("span"));
      panel.append(el("div", "hint", "attacker"), ref(r.attacker), el("div", "hint", "target"), ref(r.target));
    } else if (r.type === "question") {
      panel.append(...section("Hypotheses", r.hypotheses, (h) => [ref(h)]));
    }
    if (r.findings) panel.append(el("h2", null, "Lint findings (" + r.findings.length + ")"), ...findings(r.findings));
  }
  function attackBody(id, side) {
    const a = E[id];
    return [el("div", "hint", a.title + (a.by ? " \u2014 " + a.by : "")), ref(a[side])];
  }

  // ---- key judgments --------------------------------------------------------------------
  // What a judgment rests on, in its class's colours (the diagram fills its node with them).
  function basisChip(r) { return el("span", "basis-chip basis-" + r.basis, r.basisWords); }
  function basisCell(r) { const td = el("td", "support"); td.append(basisChip(r)); return td; }
  function buildKeys() {
    const body = document.getElementById("KeyList");
    DATA.keys.forEach((id) => {
      const r = E[id];
      const tr = el("tr");
      tr.dataset.ref = id;
      tr.tabIndex = 0;
      const text = el("td", "text k-" + r.look, r.title);
      tr.append(text, el("td", null, r.likelihood ? r.likelihood.split(",")[0] : "\u2014"),
        el("td", null, r.confidence || "\u2014"),
        basisCell(r));
      if (DATA.evaluated) {
        const cell = el("td");
        if (r.label) cell.append(el("span", "label label-" + r.label, r.standing));
        cell.title = r.standingWhy || "";
        tr.append(cell);
      }
      body.append(tr);
    });
    if (!DATA.keys.length) {
      const row = el("tr");
      row.append(el("td", "hint", "The map has no author judgment or hypothesis that nothing builds on."));
      body.append(row);
    }
  }

  // ---- pan and zoom -----------------------------------------------------------------------
  // A drawing's view: the centre and the zoom (screen pixels per drawing unit). A pane that is
  // not shown (a narrow screen's other tab) has no size: the view waits until it has one.
  const views = new Map();
  function viewOf(svg) {
    if (!views.has(svg)) {
      const box = svg.getAttribute("viewBox").split(/[\s,]+/).map(Number);
      views.set(svg, { box: box, cx: box[0] + box[2] / 2, cy: box[1] + box[3] / 2, zoom: 1, opened: false, wanted: null });
    }
    return views.get(svg);
  }
  // The pane's size, kept by a ResizeObserver: reading it from the layout after each move of
  // the view would lay the whole drawing out again (slow on a big map).
  const port = { w: viewport.clientWidth, h: viewport.clientHeight };
  function sized() { return port.w > 0 && port.h > 0; }
  function measure() { port.w = viewport.clientWidth; port.h = viewport.clientHeight; }
  const PRINT = window.matchMedia("print");
  function apply(svg) {
    const v = viewOf(svg);
    if (PRINT.matches) { svg.setAttribute("viewBox", v.box.join(" ")); return; }  // the whole drawing on paper
    if (!sized()) return;
    const w = port.w, h = port.h;
    svg.setAttribute("viewBox", [v.cx - w / 2 / v.zoom, v.cy - h / 2 / v.zoom, w / v.zoom, h / v.zoom].join(" "));
  }
  function fit(svg) {
    const v = viewOf(svg);
    v.opened = true;
    if (!sized()) return;
    v.zoom = Math.min(port.w / v.box[2], port.h / v.box[3]) * 0.97;
    v.cx = v.box[0] + v.box[2] / 2; v.cy = v.box[1] + v.box[3] / 2;
    apply(svg);
  }
  function zoomAt(svg, factor, px, py) {
    const v = viewOf(svg), w = port.w, h = port.h;
    const x = v.cx + (px - w / 2) / v.zoom, y = v.cy + (py - h / 2) / v.zoom;
    v.zoom = Math.min(Math.max(v.zoom * factor, 0.02), 8);
    v.cx = x - (px - w / 2) / v.zoom; v.cy = y - (py - h / 2) / v.zoom;
    apply(svg);
  }
  // The zoom at which every node's text is at least 11 px on screen (a little over, for the
  // rounding of the pane's size): the smallest font size inside a node sets it.
  const legible = new Map();
  function legibleZoom(svg) {
    if (!legible.has(svg)) {
      let smallest = Infinity;
      svg.querySelectorAll("g.node text[font-size]").forEach((t) => {
        const size = parseFloat(t.getAttribute("font-size"));
        if (size >= 6 && size < smallest) smallest = size;
      });
      legible.set(svg, 11.1 / (smallest === Infinity ? 11 : smallest));
    }
    return legible.get(svg);
  }
  // Where a drawn element is, in drawing units, found once (it needs the drawing shown; it does
  // not change as the view moves).
  const placed = new WeakMap();
  function placeOf(g) {
    if (!placed.has(g)) {
      const root = g.ownerSVGElement.getScreenCTM(), own = g.getScreenCTM();
      if (!root || !own) return null;
      const b = g.getBBox(), m = root.inverse().multiply(own);
      const a = new DOMPoint(b.x, b.y).matrixTransform(m), z = new DOMPoint(b.x + b.width, b.y + b.height).matrixTransform(m);
      placed.set(g, [Math.min(a.x, z.x), Math.min(a.y, z.y), Math.max(a.x, z.x), Math.max(a.y, z.y)]);
    }
    return placed.get(g);
  }
  function boxOf(svg, ids) {
    let box = null;
    ids.forEach((id) => nodesOf(svg, id).forEach((g) => {
      const p = placeOf(g);
      if (p) box = box ? [Math.min(box[0], p[0]), Math.min(box[1], p[1]), Math.max(box[2], p[2]), Math.max(box[3], p[3])] : p.slice();
    }));
    return box;
  }
  function centre(svg, box, zoom) {
    const v = viewOf(svg);
    v.cx = (box[0] + box[2]) / 2; v.cy = (box[1] + box[3]) / 2; v.zoom = zoom;
    apply(svg);
  }
  function fits(box, zoom) {
    return (box[2] - box[0]) * zoom <= port.w * 0.95 && (box[3] - box[1]) * zoom <= port.h * 0.95;
  }
  // A drawing opens legible, on the key judgments if they fit, else on the thesis (the first).
  function open(svg) {
    const v = viewOf(svg);
    v.opened = true;
    const zoom = legibleZoom(svg);
    const keys = DATA.keys.filter((id) => nodesOf(svg, id).length);
    const all = keys.length ? boxOf(svg, keys) : null;
    if (!all) { fit(svg); return; }
    centre(svg, fits(all, zoom) ? all : boxOf(svg, keys.slice(0, 1)), zoom);
  }
  // Pans and zooms the shown drawing to an element: legible, and the whole of it in view if
  // it fits. A node clicked on the map is only zoomed to when it is too small to read.
  function mapTo(id, onMap) {
    const svg = shownSvg();
    if (!svg) return;
    const v = viewOf(svg);
    if (!sized()) { v.wanted = id; return; }
    if (!v.opened) open(svg);
    const box = boxOf(svg, Array.from(alsoSelected(id)));
    const zoom = Math.max(v.zoom, legibleZoom(svg));
    if (!box || (onMap && v.zoom >= legibleZoom(svg))) return;
    centre(svg, fits(box, zoom) || !boxOf(svg, [id]) ? box : boxOf(svg, [id]), zoom);
  }
  // The view once its pane has a size (on load, a resize, a narrow screen's tab shown).
  function settle() {
    const svg = shownSvg();
    if (!svg || !sized()) return;
    const v = viewOf(svg);
    if (!v.opened) open(svg);
    if (v.wanted) { const id = v.wanted; v.wanted = null; mapTo(id, false); }
    apply(svg);
  }
  function panAndZoom() {
    let drag = null;
    viewport.addEventListener("wheel", (e) => {
      const svg = shownSvg();
      if (!svg) return;
      e.preventDefault();
      const box = viewport.getBoundingClientRect();
      zoomAt(svg, Math.exp(-e.deltaY * (e.deltaMode ? 0.05 : 0.0015)), e.clientX - box.left, e.clientY - box.top);
    }, { passive: false });
    viewport.addEventListener("pointerdown", (e) => {
      if (e.button !== 0) return;
      drag = { x: e.clientX, y: e.clientY, moved: 0 };
    });
    window.addEventListener("pointermove", (e) => {
      const svg = shownSvg();
      if (!drag || !svg) return;
      const v = viewOf(svg);
      v.cx -= (e.clientX - drag.x) / v.zoom; v.cy -= (e.clientY - drag.y) / v.zoom;
      drag.moved += Math.abs(e.clientX - drag.x) + Math.abs(e.clientY - drag.y);
      drag.x = e.clientX; drag.y = e.clientY;
      if (drag.moved > 4) viewport.classList.add("dragging");
      apply(svg);
    });
    window.addEventListener("pointerup", () => { viewport.classList.remove("dragging"); setTimeout(() => { drag = null; }, 0); });
    viewport.addEventListener("click", (e) => {
      if (drag && drag.moved > 4) return;
      const node = e.target.closest("[data-el]");
      if (node) select(node.dataset.el, "map");
    });
    const step = (factor) => () => { const s = shownSvg(); if (s) zoomAt(s, factor, port.w / 2, port.h / 2); };
    document.getElementById("ZoomIn").addEventListener("click", step(1.4));
    document.getElementById("ZoomOut").addEventListener("click", step(1 / 1.4));
    document.getElementById("Fit").addEventListener("click", () => { const s = shownSvg(); if (s) fit(s); });
    new ResizeObserver(() => { measure(); settle(); }).observe(viewport);
    document.querySelectorAll("[data-view-button]").forEach((button) => button.addEventListener("click", () => showView(button.dataset.viewButton)));
  }
  // An element the shown drawing leaves out (a fact in the overview) is shown in one that has it.
  function ensureDrawn(ids) {
    const has = (svg) => ids.some((x) => nodesOf(svg, x).length > 0);
    const svg = shownSvg();
    if (!svg || has(svg)) return;
    const other = svgs().find(has);
    if (other) showView(other.dataset.view);
  }
  function showView(name) {
    svgs().forEach((svg) => svg.toggleAttribute("hidden", svg.dataset.view !== name));
    document.querySelectorAll("[data-view-button]").forEach((b) => b.setAttribute("aria-pressed", String(b.dataset.viewButton === name)));
    const svg = shownSvg();
    if (svg && selected) viewOf(svg).wanted = selected;
    settle();
  }

  // ---- the map by keyboard: one tab stop, arrow keys to the nearest node that way ----------
  function nodeName(id) {
    const r = E[id];
    return (r.kindWords || r.type) + " " + id + ": " + r.title + (r.standing ? " (" + r.standing + ")" : "");
  }
  // A node's accessible name is its title, the diagram's tooltip (its whole text, kind and id,
  // what it rests on, whether it stands); a node drawn without one is given one. No aria-label:
  // a label would have to repeat the node's shortened lines word for word.
  function nameNode(g) {
    const title = Array.from(g.children).find((c) => c.tagName === "title");
    if (title && title.textContent.includes(g.dataset.el) && title.textContent.length > g.dataset.el.length) return;
    const named = title || document.createElementNS("http://www.w3.org/2000/svg", "title");
    named.textContent = nodeName(g.dataset.el);
    if (!title) g.prepend(named);
  }
  function keyboardMap() {
    svgs().forEach((svg) => {
      svg.setAttribute("role", "group");
      svg.setAttribute("aria-label", "The map, " + (svg.dataset.view === "full" ? "full map" : "overview") +
        ": arrow keys move between nodes, Enter selects");
      const nodes = Array.from(svg.querySelectorAll("g.node[data-el]")).filter((g) => known(g.dataset.el));
      nodes.forEach((g) => {
        g.setAttribute("tabindex", "-1");
        g.setAttribute("role", "button");
        nameNode(g);
      });
      const first = nodes.find((g) => g.dataset.el === DATA.keys[0]) || nodes[0];
      if (first) first.setAttribute("tabindex", "0");
    });
    viewport.addEventListener("keydown", (e) => {
      const g = e.target.closest && e.target.closest("g.node[data-el]");
      if (!g) return;
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); select(g.dataset.el, "keyboard"); return; }
      const way = { ArrowUp: [0, -1], ArrowDown: [0, 1], ArrowLeft: [-1, 0], ArrowRight: [1, 0] }[e.key];
      if (!way) return;
      e.preventDefault();
      const next = nearest(g, way);
      if (next) focusNode(next);
    });
    // Focus from the keyboard only: a click focuses the node too, and moving the view between
    // the press and the release would lose the click.
    viewport.addEventListener("focusin", (e) => {
      const g = e.target.closest && e.target.closest("g.node[data-el]");
      if (g && g.matches(":focus-visible")) keepInView(g);
    });
  }
  function centreOf(g) {
    const p = placeOf(g) || [0, 0, 0, 0];
    return [(p[0] + p[2]) / 2, (p[1] + p[3]) / 2];
  }
  // The node whose centre lies most nearly in that direction (off-axis distance counts double).
  function nearest(from, way) {
    const [x, y] = centreOf(from);
    let best = null, score = Infinity;
    from.ownerSVGElement.querySelectorAll("g.node[role=button]").forEach((g) => {
      if (g === from) return;
      const [gx, gy] = centreOf(g), along = (gx - x) * way[0] + (gy - y) * way[1];
      const across = Math.abs((gx - x) * way[1] - (gy - y) * way[0]);
      if (along <= 1) return;
      const s = along + 2 * across;
      if (s < score) { score = s; best = g; }
    });
    return best;
  }
  function focusNode(g) {
    g.ownerSVGElement.querySelectorAll("g.node[tabindex='0']").forEach((x) => x.setAttribute("tabindex", "-1"));
    g.setAttribute("tabindex", "0");
    g.focus({ preventScroll: true });
  }
  // A focused node out of view (or too small to read) brings the map to it.
  function keepInView(g) {
    const svg = g.ownerSVGElement, v = viewOf(svg), p = placeOf(g);
    if (!p || !sized()) return;
    const w = port.w / 2 / v.zoom, h = port.h / 2 / v.zoom;
    const inside = p[0] >= v.cx - w && p[2] <= v.cx + w && p[1] >= v.cy - h && p[3] <= v.cy + h;
    if (!inside || v.zoom < legibleZoom(svg)) mapTo(g.dataset.el, false);
  }
  function rove(id) {
    svgs().forEach((svg) => {
      const g = nodesOf(svg, id).find((x) => x.matches("g.node[role=button]"));
      if (!g) return;
      svg.querySelectorAll("g.node[tabindex='0']").forEach((x) => x.setAttribute("tabindex", "-1"));
      g.setAttribute("tabindex", "0");
    });
  }

  // ---- the article by keyboard: one tab stop for its highlights, arrow keys between them ----
  function keyboardArticle() {
    MARKS.forEach((m, i) => m.setAttribute("tabindex", i ? "-1" : "0"));
    article.addEventListener("keydown", (e) => {
      if (!e.target.matches("mark.q")) return;
      const step = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 }[e.key];
      if (!step) return;
      e.preventDefault();
      const next = MARKS[MARKS.indexOf(e.target) + step];
      if (next) focusMark(next);
    });
  }
  function focusMark(mark) {
    MARKS.forEach((m) => { if (m !== mark) m.setAttribute("tabindex", "-1"); });
    mark.setAttribute("tabindex", "0");
    mark.focus();
  }

  // ---- narrow screens: one pane at a time ---------------------------------------------------
  function showPane(name) {
    reader.dataset.pane = name;
    document.querySelectorAll("[data-pane]").forEach((b) => { if (b !== reader) b.setAttribute("aria-pressed", String(b.dataset.pane === name)); });
    measure();
    settle();
  }
  function skipTo(name) {
    if (NARROW.matches) showPane(name);
    if (name === "map") {
      const svg = shownSvg(), node = svg && svg.querySelector("g.node[tabindex='0']");
      if (node) { node.focus({ preventScroll: true }); keepInView(node); return; }
    }
    document.getElementById({ map: "Map", article: "Article", panel: "Panel" }[name]).focus();
  }

  // ---- print: the overview fitted to a page of its own ---------------------------------------
  function printing(before) {
    svgs().forEach((svg) => { if (before) svg.setAttribute("viewBox", viewOf(svg).box.join(" ")); else apply(svg); });
  }

  // ---- search ---------------------------------------------------------------------------
  const results = document.getElementById("Results");
  const search = document.getElementById("Search");
  function haystack(r) {
    const extra = [r.warrant, r.note, r.ifWrong, r.speaker, r.source].concat((r.questions || []).map((q) => q.question || ""));
    return (r.title + " " + extra.filter((x) => typeof x === "string").join(" ")).toLowerCase();
  }
  function clearHits() {
    article.querySelectorAll("mark.hit").forEach((m) => m.replaceWith(...m.childNodes));
    article.normalize();
  }
  function markHits(word) {
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    const found = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement.closest(".text")) found.push(node);
    }
    let count = 0;
    found.forEach((node) => {
      let at = node.data.toLowerCase().indexOf(word);
      while (at >= 0 && count < 500) {
        const hit = node.splitText(at);
        node = hit.splitText(word.length);
        const mark = el("mark", "hit");
        hit.replaceWith(mark);
        mark.append(hit);
        count += 1;
        at = node.data.toLowerCase().indexOf(word);
      }
    });
    return count;
  }
  // Fades what does not match in every drawing; shows the drawing that holds the matches when
  // the one shown holds none (a word found only in a fact, which the overview leaves out).
  function markMisses(word, hits) {
    const matched = new Set(hits);
    let shownHas = false, other = null;
    svgs().forEach((svg) => {
      let any = false;
      DRAWN.get(svg).all.forEach((g) => {
        const hit = matched.has(g.dataset.el);
        any = any || hit;
        g.classList.toggle("miss", !!word && !hit);
      });
      if (svg === shownSvg()) shownHas = any; else if (any && !other) other = svg;
    });
    if (word && !shownHas && other) showView(other.dataset.view);
  }
  function runSearch() {
    const word = search.value.trim().toLowerCase();
    clearHits();
    results.replaceChildren();
    const hits = word ? Object.keys(E).filter((id) => id.includes(word) || haystack(E[id]).includes(word)) : [];
    markMisses(word, hits);
    if (!word) { results.hidden = true; search.setAttribute("aria-expanded", "false"); return; }
    const inText = markHits(word);
    const count = el("li", "count", hits.length + " in the map, " + inText + " in the article");
    count.setAttribute("role", "status");
    results.append(count);
    hits.slice(0, 40).forEach((id) => {
      const li = el("li");
      const button = el("button", "hit-ref k-" + lookOf(id), E[id].title);
      button.type = "button";
      button.dataset.ref = id;
      button.prepend(el("span", "eid", id + " "));
      li.append(button);
      results.append(li);
    });
    results.hidden = false;
    search.setAttribute("aria-expanded", "true");
    const first = article.querySelector("mark.hit");
    if (first) first.scrollIntoView({ block: "center", behavior: "instant" });
  }
  function resultKeys(e) {
    const buttons = Array.from(results.querySelectorAll("button[data-ref]"));
    const at = buttons.indexOf(document.activeElement);
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const next = at + (e.key === "ArrowDown" ? 1 : -1);
      if (next < 0) search.focus(); else if (buttons[next]) buttons[next].focus();
    } else if (e.key === "Escape") {
      results.hidden = true;
      search.focus();
    }
  }

  // ---- filters --------------------------------------------------------------------------
  function applyFilters() {
    const off = new Set();
    document.querySelectorAll("#Filters input[data-look]").forEach((box) => { if (!box.checked) off.add(box.dataset.look); });
    svgs().forEach((svg) => DRAWN.get(svg).all.forEach((g) => {
      const r = E[g.dataset.el] || {};
      const hidden = off.has(lookOf(g.dataset.el)) || (r.type === "quote" && off.has("quote"));
      g.classList.toggle("off", hidden);
    }));
    MARKS.forEach((m) => {
      const look = (m.className.match(/k-([a-z]+)/) || [])[1];
      m.classList.toggle("off", off.has(look));
    });
  }

  // ---- wiring ---------------------------------------------------------------------------
  function fromHash() {
    let id = location.hash.slice(1);
    try { id = decodeURIComponent(id); } catch (error) { id = ""; }
    select(SLUG.test(id) && known(id) ? id : null, "history");
  }
  document.addEventListener("click", (e) => {
    const target = e.target.closest("[data-ref]");
    if (target) {
      results.hidden = true;
      select(target.dataset.ref || null, target.closest("#Panel") ? "panel" : undefined);
      return;
    }
    const mark = e.target.closest("mark.q");
    if (mark && !mark.classList.contains("off")) {
      const ids = mark.dataset.q.split(" ");
      // a second click on the same words steps to the next quote that covers them
      const at = ids.indexOf(lastQuote);
      const next = at >= 0 && selected !== null ? ids[(at + 1) % ids.length] : ids[0];
      lastQuote = next;
      const r = known(next) ? E[next] : {};
      const anchored = (r.anchors || []).concat(r.states || []);
      MARKS.forEach((m) => m.setAttribute("tabindex", m === mark ? "0" : "-1"));
      select(anchored.length === 1 ? anchored[0] : next, "article");
    }
    const skip = e.target.closest("[data-skip]");
    if (skip) skipTo(skip.dataset.skip);
    const pane = e.target.closest("button[data-pane]");
    if (pane) showPane(pane.dataset.pane);
  });
  // Enter or Space on a focused key judgment or highlight selects it, as a click does.
  document.addEventListener("keydown", (e) => {
    if ((e.key === "Enter" || e.key === " ") && e.target.matches("#KeyList tr, mark.q")) {
      e.preventDefault();
      e.target.click();
    }
  });
  search.addEventListener("input", runSearch);
  search.addEventListener("keydown", (e) => {
    if (e.key === "Escape") { search.value = ""; runSearch(); }
    if (e.key === "Enter") { const first = results.querySelector("button[data-ref]"); if (first) first.click(); }
    if (e.key === "ArrowDown") { const first = results.querySelector("button[data-ref]"); if (first) { e.preventDefault(); first.focus(); } }
  });
  results.addEventListener("keydown", resultKeys);
  document.querySelectorAll("#Filters input").forEach((box) => box.addEventListener("change", applyFilters));
  const gaps = Array.from(document.querySelectorAll("input.gaps"));
  gaps.forEach((box) => box.addEventListener("change", () => {
    gaps.forEach((other) => { other.checked = box.checked; });
    article.classList.toggle("show-gaps", box.checked);
  }));
  window.addEventListener("popstate", fromHash);
  window.addEventListener("hashchange", fromHash);
  window.addEventListener("beforeprint", () => printing(true));
  window.addEventListener("afterprint", () => printing(false));
  NARROW.addEventListener("change", () => { measure(); settle(); });
  PRINT.addEventListener("change", () => svgs().forEach(apply));
  buildKeys();
  panAndZoom();
  keyboardMap();
  keyboardArticle();
  const first = svgs()[0];
  if (first) showView(first.dataset.view);
  fromHash();
  document.documentElement.dataset.ready = "true";
})();
