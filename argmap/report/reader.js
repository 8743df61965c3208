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
  let selected = null;
  let lastQuote = null;

  // ---- small helpers --------------------------------------------------------------------
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function lookOf(id) {
    const r = E[id];
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
      const r = E[stack.pop()];
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
    const r = E[id] || {};
    return new Set([id].concat(r.anchors || [], r.states || []));
  }
  function ownQuotes(id) {
    const r = E[id] || {};
    if (r.type === "quote") return [id];
    if (r.type === "attack") return ownQuotes(r.attacker);
    return r.quotes || [];
  }

  // ---- selection ------------------------------------------------------------------------
  function select(id, how) {
    if (id !== null && !(id in E)) id = null;
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
    if (id) ensureDrawn(Array.from(chosen));
    if (id && how !== "map") centreOn(id);
    if (first && how !== "article") first.scrollIntoView({ block: "center", behavior: "instant" });
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
    document.querySelectorAll("#KeyList tr").forEach((tr) => tr.classList.toggle("sel", tr.dataset.ref === id));
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
  function questions(qs) {
    return (qs || []).map((q) => {
      const row = el("div", "cq");
      row.append(el("span", "status status-" + q.status, q.status), q.question);
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
    parts.push(...questions(r.questions));
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
        ["basis", r.basisWords], ["support", r.reconstructed], ["if wrong", r.ifWrong], ["note", r.note]]);
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
        el("td", "support-" + r.basis, r.basis === "evidence" ? "reaches evidence" : "rests on " + r.basis));
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
  const views = new Map();
  function viewOf(svg) {
    if (!views.has(svg)) {
      const box = svg.getAttribute("viewBox").split(/[\s,]+/).map(Number);
      views.set(svg, { box: box, cx: box[0] + box[2] / 2, cy: box[1] + box[3] / 2, zoom: 1, fitted: false });
    }
    return views.get(svg);
  }
  function apply(svg) {
    const v = viewOf(svg), w = viewport.clientWidth || 1, h = viewport.clientHeight || 1;
    svg.setAttribute("viewBox", [v.cx - w / 2 / v.zoom, v.cy - h / 2 / v.zoom, w / v.zoom, h / v.zoom].join(" "));
  }
  function fit(svg) {
    const v = viewOf(svg), w = viewport.clientWidth || 1, h = viewport.clientHeight || 1;
    v.zoom = Math.min(w / v.box[2], h / v.box[3]) * 0.97;
    v.cx = v.box[0] + v.box[2] / 2; v.cy = v.box[1] + v.box[3] / 2; v.fitted = true;
    apply(svg);
  }
  function zoomAt(svg, factor, px, py) {
    const v = viewOf(svg), w = viewport.clientWidth, h = viewport.clientHeight;
    const x = v.cx + (px - w / 2) / v.zoom, y = v.cy + (py - h / 2) / v.zoom;
    v.zoom = Math.min(Math.max(v.zoom * factor, 0.02), 8);
    v.cx = x - (px - w / 2) / v.zoom; v.cy = y - (py - h / 2) / v.zoom;
    apply(svg);
  }
  function centreOn(id) {
    const svg = shownSvg();
    if (!svg) return;
    const nodes = nodesOf(svg, id).concat(...Array.from(alsoSelected(id)).map((x) => nodesOf(svg, x)));
    if (!nodes.length) return;
    const rect = nodes[0].getBoundingClientRect(), box = viewport.getBoundingClientRect();
    const v = viewOf(svg);
    v.cx += (rect.left + rect.width / 2 - box.left - box.width / 2) / v.zoom;
    v.cy += (rect.top + rect.height / 2 - box.top - box.height / 2) / v.zoom;
    if (v.zoom < 0.9) v.zoom = 1;
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
    const step = (factor) => () => { const s = shownSvg(); if (s) zoomAt(s, factor, viewport.clientWidth / 2, viewport.clientHeight / 2); };
    document.getElementById("ZoomIn").addEventListener("click", step(1.4));
    document.getElementById("ZoomOut").addEventListener("click", step(1 / 1.4));
    document.getElementById("Fit").addEventListener("click", () => { const s = shownSvg(); if (s) fit(s); });
    window.addEventListener("resize", () => svgs().forEach(apply));
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
    if (svg && !viewOf(svg).fitted) fit(svg);
    if (selected) centreOn(selected);
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
  function runSearch() {
    const word = search.value.trim().toLowerCase();
    clearHits();
    results.replaceChildren();
    svgs().forEach((svg) => DRAWN.get(svg).all.forEach((g) => g.classList.toggle("miss", !!word && !haystack(E[g.dataset.el] || { title: "" }).includes(word))));
    if (!word) { results.hidden = true; return; }
    const hits = Object.keys(E).filter((id) => id.includes(word) || haystack(E[id]).includes(word));
    const inText = markHits(word);
    results.append(el("li", "count", hits.length + " in the map, " + inText + " in the article"));
    hits.slice(0, 40).forEach((id) => {
      const li = el("li", "k-" + lookOf(id), E[id].title);
      li.dataset.ref = id;
      li.prepend(el("span", "eid", id + " "));
      results.append(li);
    });
    results.hidden = false;
    const first = article.querySelector("mark.hit");
    if (first) first.scrollIntoView({ block: "center", behavior: "instant" });
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
    const id = decodeURIComponent(location.hash.slice(1));
    select(SLUG.test(id) && id in E ? id : null, "history");
  }
  document.addEventListener("click", (e) => {
    const target = e.target.closest("[data-ref]");
    if (target) { results.hidden = true; select(target.dataset.ref || null); return; }
    const mark = e.target.closest("mark.q");
    if (mark && !mark.classList.contains("off")) {
      const ids = mark.dataset.q.split(" ");
      // a second click on the same words steps to the next quote that covers them
      const at = ids.indexOf(lastQuote);
      const next = at >= 0 && selected !== null ? ids[(at + 1) % ids.length] : ids[0];
      lastQuote = next;
      const r = E[next] || {};
      const anchored = (r.anchors || []).concat(r.states || []);
      select(anchored.length === 1 ? anchored[0] : next, "article");
    }
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
    if (e.key === "Enter") { const first = results.querySelector("li[data-ref]"); if (first) first.click(); }
  });
  document.querySelectorAll("#Filters input").forEach((box) => box.addEventListener("change", applyFilters));
  const gaps = Array.from(document.querySelectorAll("input.gaps"));
  gaps.forEach((box) => box.addEventListener("change", () => {
    gaps.forEach((other) => { other.checked = box.checked; });
    article.classList.toggle("show-gaps", box.checked);
  }));
  window.addEventListener("popstate", fromHash);
  window.addEventListener("hashchange", fromHash);
  buildKeys();
  panAndZoom();
  const first = svgs()[0];
  if (first) showView(first.dataset.view);
  fromHash();
  document.documentElement.dataset.ready = "true";
})();
