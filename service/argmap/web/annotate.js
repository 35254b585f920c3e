/* argmap annotate: map a source by hand, through the public HTTP API only.
 *
 * API used (JSON, relative to <meta name="argmap-api-base">, default same origin):
 *   GET  /sources?limit=500                       {items: [{id, title, kind, author, length}], total}
 *   GET  /sources/{id}?include_text=true          {id, title, text, ...}
 *   GET  /sources/{id}/statements                 {items: [{id, role, title, text, quotes: [{id, source, quote, start, end}]}]}
 *   GET  /sources/{id}/segments                   {items: [{index, start, end, text, attributions: [{speaker, person, cue, start, end}],
 *                                                  markers: [{marker, signal, start, end}], quoted_by: [{quote, statement, start, end}]}]}
 *   GET  /statements?limit=500                    {items: [{id, role, title, text}]}    (the target list)
 *   GET  /statements/similar?text=&limit=5        {items: [{id, role, title, text, score, semantic, lexical, opposite}]}
 *   POST /statements[?force=true]                 {role, title?, text, speakers?, quotes: [{source, exact, prefix, suffix}]}
 *                                                 409 near_duplicate lists the near-duplicates in `details`
 *   POST /quotes                                  {statement, source, exact, prefix, suffix}
 *   POST /edges                                   {source, target, type, basis, quotes | note, speakers}
 * Writes send Authorization: Bearer <the write key field>, kept in sessionStorage. Errors are
 * the API's one shape {status, error, message, details} and are shown where the action was.
 *
 * Offsets are Unicode code points (Python str indices); JavaScript strings index UTF-16 units,
 * so the text is held as an array of code points (`state.cps`) and every offset goes through it.
 * The text element holds exactly the source text: one <span data-start data-end> per run
 * between two annotation boundaries, so a DOM point's code-point offset is the length, in code
 * points, of the text before it.
 *
 * Hooks for end-to-end tests: window.annotate = {ready, idle(), state, loadSource(id),
 * captureSelection()}; <body data-state> loading | ready | error and data-busy while requests
 * run; #text carries data-source; highlighted runs are `.hl` with data-statements and
 * data-quotes (space-separated ids). The page listens to mouseup and keyup on the text.
 */
(function () {
  "use strict";

  // ---------------------------------------------------------------- constants
  const API = (document.querySelector('meta[name="argmap-api-base"]')?.content || "").replace(/\/$/, "");
  const KEY_STORAGE = "argmap.writeKey";
  const CONTEXT = 32; // code points of prefix and suffix sent with a quote's exact text
  const SIMILAR_LIMIT = 5;
  const SIMILAR_MAX_TEXT = 1000; // code points of the selection sent to /statements/similar
  // One colour per statement quoted in the source, in the order the API lists them: a light
  // fill that keeps the text readable and a darker line under it.
  const PALETTE = [
    { fill: "#ffe2b3", line: "#e69f00" },
    { fill: "#c9ecdf", line: "#009e73" },
    { fill: "#cfe6f7", line: "#0072b2" },
    { fill: "#f6d3e6", line: "#cc79a7" },
    { fill: "#f9d9c4", line: "#d55e00" },
    { fill: "#e2dcf5", line: "#7b61c4" },
    { fill: "#e0f2c8", line: "#6aa84f" },
    { fill: "#d3f0f7", line: "#2a9db5" },
    { fill: "#e7e0d0", line: "#8a6d3b" },
    { fill: "#dde3ea", line: "#5b6270" },
  ];
  const TYPE_OF_SIGNAL = { support: "SUPPORTS", attack: "REFUTES" };

  const $ = (id) => document.getElementById(id);
  const el = {
    body: document.body,
    pageError: $("page-error"),
    source: $("source"),
    sourceMeta: $("source-meta"),
    key: $("write-key"),
    keyState: $("key-state"),
    segments: $("segments"),
    segmentsError: $("segments-error"),
    legend: $("statements-legend"),
    text: $("text"),
    selSection: $("selection-section"),
    selHint: $("selection-hint"),
    selText: $("selection-text"),
    selOffsets: $("selection-offsets"),
    selActions: $("selection-actions"),
    selResult: $("selection-result"),
    selError: $("selection-error"),
    suggestions: $("suggestions"),
    suggestionsError: $("suggestions-error"),
    attachId: $("attach-id"),
    attachById: $("attach-by-id"),
    createForm: $("create-form"),
    createRole: $("create-role"),
    createTitle: $("create-title"),
    createText: $("create-text"),
    createSpeakers: $("create-speakers"),
    nearDup: $("near-duplicates"),
    nearDupMessage: $("near-duplicates-message"),
    nearDupList: $("near-duplicates-list"),
    createAnyway: $("create-anyway"),
    relSection: $("relation-section"),
    relSegment: $("relation-segment"),
    relSegmentText: $("relation-segment-text"),
    relMarkers: $("relation-markers"),
    relForm: $("relation-form"),
    relFrom: $("relation-from"),
    relType: $("relation-type"),
    relTarget: $("relation-target"),
    relTargetTitle: $("relation-target-title"),
    relQuoteField: $("relation-quote-field"),
    relQuote: $("relation-quote"),
    relNoteField: $("relation-note-field"),
    relNote: $("relation-note"),
    relSpeakers: $("relation-speakers"),
    relResult: $("relation-result"),
    relError: $("relation-error"),
    allStatements: $("all-statements"),
  };

  // ---------------------------------------------------------------- state
  const state = {
    sourceId: null,
    source: null, // the source, with its text
    cps: [], // its text as code points
    statements: [], // the statements it gives, with their quotes in it
    colour: new Map(), // statement id -> palette index
    segments: [],
    titles: new Map(), // statement id -> {role, title, text}: every statement of the map
    selection: null, // {start, end, exact, prefix, suffix}
    segment: null, // the segment the relation panel is about
    marker: 0, // index of its marker the relation follows
    pendingCreate: null, // the body of the last POST /statements, for "create anyway"
    loadSeq: 0,
    similarSeq: 0,
    pending: 0,
  };

  // ---------------------------------------------------------------- helpers
  const enc = encodeURIComponent;

  function h(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v == null || v === false) continue;
      if (k === "class") node.className = v;
      else if (k === "dataset") Object.assign(node.dataset, v);
      else if (k === "style") Object.assign(node.style, v);
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? "" : v);
    }
    for (const c of children.flat()) {
      if (c == null || c === false) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  const short = (text, n) => {
    const cps = Array.from(String(text || ""));
    return cps.length > n ? cps.slice(0, n - 1).join("") + "…" : cps.join("");
  };
  const labelOf = (id) => {
    const s = state.titles.get(id) || state.statements.find((x) => x.id === id);
    return s ? s.title || short(s.text, 80) : id;
  };

  // An answer that is not 2xx: the API's error shape {status, error, message, details}.
  class ApiError extends Error {
    constructor(status, body, what) {
      const error = body?.error || (status ? "http_" + status : "network");
      const message = body?.message || (typeof body?.detail === "string" ? body.detail : "") || "no message";
      super(`${status || "—"} ${error}: ${message}`);
      this.status = status;
      this.error = error;
      this.apiMessage = message;
      this.details = Array.isArray(body?.details) ? body.details : [];
      this.what = what;
    }
  }

  function track(promise) {
    state.pending++;
    el.body.dataset.busy = "true";
    const done = () => {
      state.pending--;
      if (!state.pending) delete el.body.dataset.busy;
    };
    promise.then(done, done);
    return promise;
  }

  async function call(method, path, body) {
    const headers = { Accept: "application/json" };
    const key = el.key.value.trim();
    if (key) headers.Authorization = "Bearer " + key;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const what = `${method} ${path.split("?")[0]}`;
    let res;
    try {
      res = await fetch(API + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (err) {
      throw new ApiError(0, { error: "network", message: err.message }, what);
    }
    const raw = await res.text();
    let data = null;
    try {
      data = raw ? JSON.parse(raw) : null;
    } catch (_) {
      data = { message: raw.slice(0, 300) };
    }
    if (!res.ok) throw new ApiError(res.status, data, what);
    return data;
  }
  const get = (path) => track(call("GET", path));
  const post = (path, body) => track(call("POST", path, body));
  const itemsOf = (body) => (Array.isArray(body) ? body : body?.items || []);

  // Show an error where the action was: status, code, message, and each detail.
  function showError(node, err) {
    if (!err) {
      node.hidden = true;
      node.replaceChildren();
      return;
    }
    const parts = [h("strong", null, err.what ? err.what + " → " : ""), err.message];
    if ((err.status === 401 || err.status === 403) && !el.key.value.trim()) {
      parts.push(" (enter a write key at the top)");
    }
    const items = (err.details || []).map((d) => {
      const where = Array.isArray(d.loc) ? d.loc.join(".") + ": " : d.field ? d.field + ": " : "";
      return h("li", null, where + (d.msg || d.message || JSON.stringify(d)));
    });
    if (items.length) parts.push(h("ul", { class: "details" }, items));
    node.replaceChildren(...parts);
    node.hidden = false;
    reveal(node);
  }

  function showResult(node, ...content) {
    node.replaceChildren(...content);
    node.hidden = !content.length;
    if (content.length) reveal(node);
  }

  // Scroll a panel so that what just appeared in it is in sight.
  const reveal = (node) => node.scrollIntoView({ block: "nearest" });

  // ---------------------------------------------------------------- write key
  function initKey() {
    try {
      el.key.value = sessionStorage.getItem(KEY_STORAGE) || "";
    } catch (_) {
      /* storage disabled: the field still works for this page */
    }
    const describe = () => {
      el.keyState.textContent = el.key.value.trim() ? "kept in this tab" : "reading only";
    };
    el.key.addEventListener("input", () => {
      try {
        if (el.key.value.trim()) sessionStorage.setItem(KEY_STORAGE, el.key.value.trim());
        else sessionStorage.removeItem(KEY_STORAGE);
      } catch (_) {
        /* see above */
      }
      describe();
    });
    describe();
  }

  // ---------------------------------------------------------------- sources
  async function loadSources() {
    const body = await get("/sources?limit=500");
    for (const s of itemsOf(body)) {
      const label = `${s.title || s.id}${s.kind ? " (" + s.kind + ")" : ""}`;
      el.source.append(h("option", { value: s.id, "data-kind": s.kind || "" }, label));
    }
  }

  async function loadStatementList() {
    const body = await get("/statements?limit=500");
    state.titles = new Map(itemsOf(body).map((s) => [s.id, s]));
    el.allStatements.replaceChildren(
      ...itemsOf(body).map((s) => h("option", { value: s.id }, `${s.role}: ${s.title || short(s.text, 80)}`)),
    );
  }

  async function loadSource(id) {
    const seq = ++state.loadSeq;
    state.sourceId = id || null;
    el.source.value = id || "";
    clearSelection();
    closeRelation();
    if (!id) {
      state.source = null;
      state.cps = [];
      state.statements = [];
      state.segments = [];
      el.text.replaceChildren(h("p", { class: "empty" }, "Choose a source to see its text."));
      el.legend.replaceChildren();
      el.segments.replaceChildren();
      el.sourceMeta.textContent = "";
      delete el.text.dataset.source;
      return;
    }
    const url = new URL(window.location.href);
    url.searchParams.set("source", id);
    window.history.replaceState(null, "", url);
    el.text.replaceChildren(h("p", { class: "empty" }, "Loading…"));
    el.text.dataset.state = "loading";
    const source = await get(`/sources/${enc(id)}?include_text=true`);
    if (seq !== state.loadSeq) return;
    state.source = source;
    state.cps = Array.from(String(source.text || ""));
    el.sourceMeta.textContent = [source.kind, source.author, `${state.cps.length.toLocaleString("en")} characters`]
      .filter(Boolean)
      .join(" · ");
    await refreshAnnotations(seq);
  }

  // The statements quoted in the source and its segments, again (after every write).
  async function refreshAnnotations(seq = state.loadSeq) {
    const id = state.sourceId;
    const [statements, segments] = await Promise.all([
      get(`/sources/${enc(id)}/statements`),
      get(`/sources/${enc(id)}/segments`).then(
        (body) => ({ ok: true, body }),
        (err) => ({ ok: false, err }),
      ),
    ]);
    if (seq !== state.loadSeq) return;
    state.statements = itemsOf(statements);
    state.colour = new Map(state.statements.map((s, i) => [s.id, i % PALETTE.length]));
    state.segments = segments.ok ? itemsOf(segments.body) : [];
    showError(el.segmentsError, segments.ok ? null : segments.err);
    const scroll = el.text.scrollTop;
    renderText();
    el.text.scrollTop = scroll;
    renderLegend();
    renderSegments();
    if (state.segment) {
      const again = state.segments.find((s) => s.index === state.segment.index);
      if (again) openRelation(again, { keep: true });
      else closeRelation();
    }
    markSelection();
  }

  // ---------------------------------------------------------------- the text
  const quotesIn = (statement) => (statement.quotes || []).filter((q) => q.source === state.sourceId);

  function renderText() {
    const n = state.cps.length;
    const spans = [];
    const clamp = (x) => Math.max(0, Math.min(n, x | 0));
    const add = (start, end, info) => {
      const s = clamp(start);
      const e = clamp(end);
      if (e > s) spans.push({ start: s, end: e, ...info });
    };
    for (const st of state.statements) {
      for (const q of quotesIn(st)) add(q.start, q.end, { kind: "quote", statement: st.id, quote: q.id });
    }
    const cited = new Set();
    for (const seg of state.segments) {
      add(seg.start, seg.end, { kind: "segment", index: seg.index });
      for (const q of seg.quoted_by || []) {
        // a quote no statement gives: only relations cite it
        if (!q.statement && !cited.has(q.quote)) add(q.start, q.end, { kind: "cited", quote: q.quote });
        cited.add(q.quote);
      }
      for (const m of seg.markers || []) add(m.start, m.end, { kind: "marker", signal: m.signal });
      for (const a of seg.attributions || []) add(a.start, a.end, { kind: "speaker" });
    }
    const cuts = new Set([0, n]);
    for (const s of spans) cuts.add(s.start).add(s.end);
    const points = [...cuts].sort((a, b) => a - b);
    const runs = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i];
      const b = points[i + 1];
      const over = spans.filter((s) => s.start <= a && s.end >= b);
      const run = h("span", { dataset: { start: a, end: b } }, state.cps.slice(a, b).join(""));
      const quotes = over.filter((s) => s.kind === "quote");
      if (quotes.length) {
        const ids = [...new Set(quotes.map((q) => q.statement))];
        const first = PALETTE[state.colour.get(ids[0]) ?? 0];
        run.classList.add("hl");
        run.dataset.statements = ids.join(" ");
        run.dataset.quotes = [...new Set(quotes.map((q) => q.quote))].join(" ");
        run.style.backgroundColor = first.fill;
        run.style.borderBottomColor = first.line;
        if (ids.length > 1) {
          const second = PALETTE[state.colour.get(ids[1]) ?? 0];
          run.classList.add("hl-multi");
          run.style.boxShadow = `inset 0 -3px 0 ${second.line}`;
        }
        run.title = ids.map((sid) => "quoted for: " + labelOf(sid)).join("\n");
      }
      const cites = over.filter((s) => s.kind === "cited");
      if (cites.length) {
        run.classList.add("hl-relation");
        run.dataset.cited = cites.map((q) => q.quote).join(" ");
        if (!quotes.length) run.title = "quoted by a relation (no statement)";
      }
      const segment = over.find((s) => s.kind === "segment");
      if (segment) run.dataset.segment = segment.index;
      const marker = over.find((s) => s.kind === "marker");
      if (marker) run.classList.add("mk", "mk-" + marker.signal);
      if (over.some((s) => s.kind === "speaker")) run.classList.add("spk");
      runs.push(run);
    }
    el.text.replaceChildren(...runs);
    el.text.dataset.source = state.sourceId;
    el.text.dataset.state = "ready";
    el.text.dataset.highlights = String(state.statements.reduce((k, s) => k + quotesIn(s).length, 0));
  }

  function renderLegend() {
    if (!state.statements.length) {
      el.legend.replaceChildren(h("span", { class: "muted" }, "Nothing in this source is quoted yet."));
      return;
    }
    el.legend.replaceChildren(
      h("span", { class: "legend-head" }, `Quoted here (${state.statements.length}):`),
      ...state.statements.map((s) => {
        const c = PALETTE[state.colour.get(s.id)];
        return h(
          "button",
          {
            type: "button",
            class: "legend-chip",
            "data-statement": s.id,
            title: `${s.role}: ${s.text}\n(click: show its quotes)`,
            onclick: () => flash(`.hl[data-statements~="${CSS.escape(s.id)}"]`),
          },
          h("span", { class: "chip-swatch", style: { background: c.fill, borderColor: c.line } }),
          short(s.title || s.text, 42),
        );
      }),
    );
  }

  function flash(selector) {
    const runs = [...el.text.querySelectorAll(selector)];
    if (!runs.length) return;
    runs[0].scrollIntoView({ block: "center", behavior: "smooth" });
    for (const r of runs) {
      r.classList.remove("flash");
      void r.offsetWidth; // restart the animation
      r.classList.add("flash");
    }
  }

  // The code-point offset of a DOM point, clamped to the text element.
  function offsetOf(node, offset) {
    const whole = document.createRange();
    whole.selectNodeContents(el.text);
    let where;
    try {
      where = whole.comparePoint(node, offset);
    } catch (_) {
      return null;
    }
    if (where < 0) return 0;
    if (where > 0) return state.cps.length;
    const before = document.createRange();
    before.setStart(el.text, 0);
    before.setEnd(node, offset);
    return Array.from(before.toString()).length;
  }

  // The DOM point of a code-point offset (for the pending selection's highlight).
  function pointOf(cp) {
    for (const run of el.text.children) {
      const a = Number(run.dataset.start);
      const b = Number(run.dataset.end);
      if (cp >= a && (cp < b || (cp === b && run === el.text.lastElementChild))) {
        const units = state.cps.slice(a, cp).join("").length;
        return [run.firstChild || run, units];
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- selection
  function captureSelection() {
    if (!state.source || !state.cps.length) return false;
    const sel = window.getSelection();
    if (!sel || !sel.rangeCount || sel.isCollapsed) return false;
    const range = sel.getRangeAt(0);
    if (!range.intersectsNode(el.text)) return false;
    let start = offsetOf(range.startContainer, range.startOffset);
    let end = offsetOf(range.endContainer, range.endOffset);
    if (start == null || end == null) return false;
    while (start < end && /\s/u.test(state.cps[start])) start++;
    while (end > start && /\s/u.test(state.cps[end - 1])) end--;
    if (end <= start) return false;
    const cps = state.cps;
    setSelection({
      start,
      end,
      exact: cps.slice(start, end).join(""),
      prefix: cps.slice(Math.max(0, start - CONTEXT), start).join(""),
      suffix: cps.slice(end, end + CONTEXT).join(""),
    });
    return true;
  }

  function setSelection(selection) {
    const previous = state.selection;
    state.selection = selection;
    showError(el.selError, null);
    showResult(el.selResult);
    hideNearDuplicates();
    el.selSection.dataset.state = "selected";
    el.selHint.hidden = true;
    el.selText.hidden = false;
    el.selText.textContent = selection.exact;
    el.selOffsets.hidden = false;
    el.selOffsets.textContent = `code points ${selection.start}–${selection.end} (${selection.end - selection.start} characters)`;
    el.selOffsets.dataset.start = selection.start;
    el.selOffsets.dataset.end = selection.end;
    el.selActions.hidden = false;
    if (!el.createText.value.trim() || (previous && el.createText.value === previous.exact)) {
      el.createText.value = selection.exact;
    }
    const speakers = speakersAround(selection.start, selection.end);
    if (!el.createSpeakers.value.trim() || (previous && el.createSpeakers.dataset.auto === el.createSpeakers.value)) {
      el.createSpeakers.value = speakers.join(", ");
      el.createSpeakers.dataset.auto = el.createSpeakers.value;
    }
    markSelection();
    const run = pointOf(selection.start)?.[0]?.parentElement;
    if (run && el.text.contains(run)) {
      const box = run.getBoundingClientRect();
      const view = el.text.getBoundingClientRect();
      if (box.bottom < view.top || box.top > view.bottom) run.scrollIntoView({ block: "center" });
    }
    loadSuggestions(selection.exact);
  }

  function clearSelection() {
    state.selection = null;
    state.similarSeq++; // an answer still on its way is for a passage no longer selected
    el.selSection.dataset.state = "empty";
    el.selHint.hidden = false;
    el.selText.hidden = true;
    el.selOffsets.hidden = true;
    el.selActions.hidden = true;
    el.suggestions.replaceChildren();
    el.suggestions.dataset.state = "empty";
    hideNearDuplicates();
    showError(el.suggestionsError, null);
    markSelection();
  }

  // The people the segments around a passage attribute their words to (person ids).
  function speakersAround(start, end) {
    const ids = [];
    for (const seg of state.segments) {
      if (seg.end <= start || seg.start >= end) continue;
      for (const a of seg.attributions || []) if (a.person && !ids.includes(a.person)) ids.push(a.person);
    }
    return ids;
  }

  // Keep the captured passage visible after the browser's selection moves elsewhere.
  function markSelection() {
    if (!window.CSS || !CSS.highlights || typeof Highlight === "undefined") return;
    CSS.highlights.delete("annotate-selection");
    const s = state.selection;
    if (!s) return;
    const a = pointOf(s.start);
    const b = pointOf(s.end);
    if (!a || !b) return;
    const range = document.createRange();
    range.setStart(...a);
    range.setEnd(...b);
    CSS.highlights.set("annotate-selection", new Highlight(range));
  }

  async function loadSuggestions(text) {
    const seq = ++state.similarSeq;
    el.suggestions.dataset.state = "loading";
    el.suggestions.replaceChildren(h("li", { class: "muted" }, "Looking for matching statements…"));
    showError(el.suggestionsError, null);
    const query = Array.from(text).slice(0, SIMILAR_MAX_TEXT).join("");
    try {
      const body = await get(`/statements/similar?text=${enc(query)}&limit=${SIMILAR_LIMIT}`);
      if (seq !== state.similarSeq) return;
      renderSuggestions(itemsOf(body));
    } catch (err) {
      if (seq !== state.similarSeq) return;
      el.suggestions.replaceChildren();
      el.suggestions.dataset.state = "error";
      showError(el.suggestionsError, err);
    }
  }

  function renderSuggestions(items) {
    el.suggestions.dataset.state = "ready";
    if (!items.length) {
      el.suggestions.replaceChildren(h("li", { class: "muted" }, "No statement of the map matches it."));
      return;
    }
    el.suggestions.replaceChildren(
      ...items.map((s) => {
        const score = Number(s.score);
        const pct = Math.max(0, Math.min(100, Math.round(score * 100)));
        return h(
          "li",
          { class: "suggestion" + (s.opposite ? " opposite" : ""), "data-testid": "suggestion", "data-id": s.id },
          h(
            "div",
            { class: "suggestion-head" },
            h("span", { class: `role-badge role-${s.role}` }, s.role),
            h(
              "span",
              {
                class: "score",
                "data-testid": "suggestion-score",
                title: `semantic ${fmt(s.semantic)} · lexical ${fmt(s.lexical)}`,
              },
              h("span", { class: "score-bar" }, h("span", { style: { width: pct + "%" } })),
              fmt(score),
            ),
            s.opposite ? h("span", { class: "opposite-flag", "data-testid": "suggestion-opposite", title: "Close in meaning but negated: it may say the opposite of the passage" }, "says the opposite?") : null,
          ),
          h("div", { class: "suggestion-title" }, s.title || short(s.text, 90)),
          s.title ? h("div", { class: "suggestion-text" }, short(s.text, 160)) : null,
          h("div", { class: "suggestion-id muted" }, s.id),
          h("button", { type: "button", "data-testid": "suggestion-attach", onclick: () => attachQuote(s.id) }, "Attach quote to it"),
        );
      }),
    );
  }
  const fmt = (x) => (typeof x === "number" && isFinite(x) ? x.toFixed(2) : "–");

  // ---------------------------------------------------------------- writes from a selection
  // A TextQuoteSelector; an empty prefix (at the start of the text) or suffix is left out.
  const quoteSelector = (s) => {
    const selector = { source: state.sourceId, exact: s.exact };
    if (s.prefix) selector.prefix = s.prefix;
    if (s.suffix) selector.suffix = s.suffix;
    return selector;
  };

  async function attachQuote(statementId) {
    const s = state.selection;
    showError(el.selError, null);
    showResult(el.selResult);
    if (!s) return;
    if (!statementId) {
      showError(el.selError, new ApiError(0, { error: "input", message: "give the id of the statement to quote it for" }, "Attach quote"));
      return;
    }
    try {
      const quote = await post("/quotes", { statement: statementId, ...quoteSelector(s) });
      showResult(
        el.selResult,
        "Quoted for ",
        h("strong", null, labelOf(statementId)),
        ` (quote ${quote.id}, code points ${quote.start}–${quote.end}).`,
      );
      el.selResult.dataset.quote = quote.id;
      el.selResult.dataset.statement = statementId;
      el.attachId.value = "";
      await afterWrite({ selectionDone: true });
    } catch (err) {
      showError(el.selError, err);
    }
  }

  async function createStatement(force) {
    const s = state.selection;
    showError(el.selError, null);
    showResult(el.selResult);
    if (!s) return;
    let body = state.pendingCreate;
    if (!force || !body) {
      const speakers = el.createSpeakers.value.split(/[\s,]+/).filter(Boolean);
      body = {
        role: el.createRole.value,
        text: el.createText.value.trim(),
        quotes: [quoteSelector(s)],
      };
      const title = el.createTitle.value.trim();
      if (title) body.title = title;
      if (speakers.length) body.speakers = speakers;
    }
    state.pendingCreate = body;
    try {
      const created = await post(force ? "/statements?force=true" : "/statements", body);
      hideNearDuplicates();
      state.pendingCreate = null;
      const quote = (created.quotes || []).find((q) => q.source === state.sourceId);
      showResult(
        el.selResult,
        "Created ",
        h("strong", null, created.title || short(created.text, 60)),
        ` (${created.id})` + (quote ? `, quoting code points ${quote.start}–${quote.end}.` : "."),
      );
      el.selResult.dataset.statement = created.id;
      if (quote) el.selResult.dataset.quote = quote.id;
      el.createTitle.value = "";
      el.createText.value = "";
      await afterWrite({ selectionDone: true });
    } catch (err) {
      if (err.status === 409 && err.error === "near_duplicate" && !force) showNearDuplicates(err);
      else showError(el.selError, err);
    }
  }

  function showNearDuplicates(err) {
    el.nearDupMessage.textContent = err.apiMessage;
    el.nearDupList.replaceChildren(
      ...err.details.map((d) => {
        const id = d.id || d.statement;
        return h(
          "li",
          { "data-testid": "near-duplicate", "data-id": id || "" },
          h("strong", null, d.title || short(d.text, 90) || id || JSON.stringify(d)),
          typeof d.score === "number" ? h("span", { class: "muted" }, ` score ${fmt(d.score)}`) : null,
          id ? h("div", { class: "muted" }, id) : null,
          id ? h("button", { type: "button", onclick: () => attachQuote(id) }, "Attach quote to it instead") : null,
        );
      }),
    );
    el.nearDup.hidden = false;
    reveal(el.nearDup);
  }

  function hideNearDuplicates() {
    el.nearDup.hidden = true;
    el.nearDupList.replaceChildren();
  }

  async function afterWrite({ selectionDone = false } = {}) {
    if (selectionDone) {
      clearSelection();
      window.getSelection()?.removeAllRanges();
    }
    await Promise.all([refreshAnnotations(), loadStatementList()]);
  }

  // ---------------------------------------------------------------- segments
  function renderSegments() {
    if (!state.segments.length) {
      el.segments.replaceChildren();
      return;
    }
    el.segments.replaceChildren(
      ...state.segments.map((seg) => {
        const quoted = (seg.quoted_by || []).length > 0;
        const statements = [...new Set((seg.quoted_by || []).map((q) => q.statement).filter(Boolean))];
        const li = h(
          "li",
          {
            class: "segment" + (quoted ? " quoted" : "") + ((seg.markers || []).length ? " has-marker" : ""),
            "data-testid": "segment",
            "data-index": seg.index,
            "data-quoted": String(quoted),
            tabindex: "0",
            title: (seg.markers || []).length ? "Show it in the text and draw a relation from its marker" : "Show it in the text",
          },
          h(
            "div",
            { class: "segment-head" },
            h("span", { class: "segment-index" }, "#" + seg.index),
            quoted
              ? h(
                  "span",
                  { class: "quoted-badge", "data-testid": "segment-quoted", title: statements.map(labelOf).join("\n") },
                  ...statements.map((id) =>
                    h("span", { class: "chip-swatch", style: { background: PALETTE[state.colour.get(id) ?? 0].fill, borderColor: PALETTE[state.colour.get(id) ?? 0].line } }),
                  ),
                  "quoted",
                )
              : null,
          ),
          h("div", { class: "segment-text" }, seg.text),
          (seg.attributions || []).length || (seg.markers || []).length
            ? h(
                "div",
                { class: "chips" },
                ...(seg.attributions || []).map((a) =>
                  h(
                    "span",
                    { class: "chip chip-speaker", "data-testid": "segment-attribution", title: a.person ? "person: " + a.person : "not a known person" },
                    a.speaker,
                    h("span", { class: "chip-cue" }, " " + a.cue),
                  ),
                ),
                ...(seg.markers || []).map((m) =>
                  h(
                    "span",
                    { class: `chip chip-marker chip-${m.signal}`, "data-testid": "segment-marker", "data-signal": m.signal },
                    `“${m.marker}” `,
                    h("span", { class: "chip-cue" }, m.signal === "attack" ? "attacks" : "supports"),
                  ),
                ),
              )
            : null,
        );
        const pick = () => {
          flash(`[data-segment="${seg.index}"]`);
          if ((seg.markers || []).length) openRelation(seg);
        };
        li.addEventListener("click", pick);
        li.addEventListener("keydown", (e) => {
          if (e.key === "Enter" || e.key === " ") {
            e.preventDefault();
            pick();
          }
        });
        return li;
      }),
    );
  }

  // ---------------------------------------------------------------- relations from a marker
  function openRelation(seg, { keep = false } = {}) {
    const same = state.segment && state.segment.index === seg.index;
    state.segment = seg;
    if (!same || !keep) state.marker = 0;
    for (const li of el.segments.children) li.classList.toggle("selected", Number(li.dataset.index) === seg.index);
    el.relSection.hidden = false;
    el.relSection.dataset.segment = seg.index;
    el.relSegment.textContent = "#" + seg.index;
    if (!keep || !same) {
      showError(el.relError, null);
      showResult(el.relResult);
    }

    // the segment, its markers in bold
    const parts = [];
    let at = seg.start;
    for (const m of [...(seg.markers || [])].sort((a, b) => a.start - b.start)) {
      if (m.start < at) continue;
      parts.push(state.cps.slice(at, m.start).join(""), h("b", { class: `mk mk-${m.signal}` }, state.cps.slice(m.start, m.end).join("")));
      at = m.end;
    }
    parts.push(state.cps.slice(at, seg.end).join(""));
    el.relSegmentText.replaceChildren(...parts);

    const markers = seg.markers || [];
    el.relMarkers.replaceChildren(
      ...(markers.length > 1
        ? markers.map((m, i) =>
            h(
              "label",
              { class: "marker-option" },
              h("input", {
                type: "radio",
                name: "marker",
                value: String(i),
                checked: i === state.marker,
                onchange: () => {
                  state.marker = i;
                  showType();
                },
              }),
              ` “${m.marker}” (${m.signal})`,
            ),
          )
        : []),
    );
    showType();

    // from: the statements quoted in the segment first
    const previousFrom = keep && same ? el.relFrom.value : "";
    const quoted = [...new Set((seg.quoted_by || []).map((q) => q.statement).filter(Boolean))];
    const others = state.statements.map((s) => s.id).filter((id) => !quoted.includes(id));
    el.relFrom.replaceChildren(
      ...[
      quoted.length ? null : h("option", { value: "" }, "— nothing in this segment is quoted yet —"),
      quoted.length
        ? h("optgroup", { label: "quoted in this segment" }, ...quoted.map((id) => h("option", { value: id }, labelOf(id))))
        : null,
      others.length
        ? h("optgroup", { label: "other statements of this source" }, ...others.map((id) => h("option", { value: id }, labelOf(id))))
        : null,
      ].filter(Boolean),
    );
    if (previousFrom && [...el.relFrom.options].some((o) => o.value === previousFrom)) el.relFrom.value = previousFrom;
    else el.relFrom.value = quoted[0] || "";

    // the quotes of the segment that can state the link
    const previousQuote = keep && same ? el.relQuote.value : "";
    el.relQuote.replaceChildren(
      h("option", { value: "" }, (seg.quoted_by || []).length ? "— choose a quote —" : "— no quote in this segment yet —"),
      ...(seg.quoted_by || []).map((q) =>
        h(
          "option",
          { value: q.quote, "data-statement": q.statement || "" },
          `“${short(state.cps.slice(q.start, q.end).join(""), 60)}”` + (q.statement ? ` (${short(labelOf(q.statement), 40)})` : ""),
        ),
      ),
    );
    if (previousQuote && [...el.relQuote.options].some((o) => o.value === previousQuote)) el.relQuote.value = previousQuote;
    else matchQuote();

    // who argues it: the people the segment attributes its words to
    const people = [];
    for (const a of seg.attributions || []) if (a.person && !people.some((p) => p.person === a.person)) people.push(a);
    el.relSpeakers.replaceChildren(
      ...(people.length
        ? [
            h("span", { class: "label" }, "Argued by"),
            ...people.map((a) =>
              h(
                "label",
                { class: "speaker-option" },
                h("input", { type: "checkbox", value: a.person, checked: true, "data-testid": "relation-speaker" }),
                ` ${a.speaker} `,
                h("span", { class: "muted" }, `(${a.person})`),
              ),
            ),
          ]
        : []),
    );
    showBasis();
    if (!keep) el.relSection.scrollIntoView({ block: "start" });
  }

  function closeRelation() {
    state.segment = null;
    el.relSection.hidden = true;
    for (const li of el.segments.children) li.classList.remove("selected");
  }

  function showType() {
    const m = (state.segment?.markers || [])[state.marker];
    const type = m ? TYPE_OF_SIGNAL[m.signal] : null;
    el.relType.textContent = type ? `${type} (from “${m.marker}”)` : "no marker";
    el.relType.className = "type-badge" + (type ? " type-" + type : "");
    el.relType.dataset.type = type || "";
  }

  function matchQuote() {
    const from = el.relFrom.value;
    const option = [...el.relQuote.options].find((o) => o.value && o.dataset.statement === from);
    el.relQuote.value = option ? option.value : "";
  }

  const basisValue = () => el.relForm.querySelector('input[name="basis"]:checked')?.value || "stated";

  function showBasis() {
    const stated = basisValue() === "stated";
    el.relQuoteField.hidden = !stated;
    el.relNoteField.hidden = stated;
  }

  async function drawRelation() {
    showError(el.relError, null);
    showResult(el.relResult);
    const seg = state.segment;
    const m = (seg?.markers || [])[state.marker];
    if (!seg || !m) return;
    const body = {
      source: el.relFrom.value,
      target: el.relTarget.value.trim(),
      type: TYPE_OF_SIGNAL[m.signal],
      basis: basisValue(),
    };
    if (body.basis === "stated") body.quotes = el.relQuote.value ? [el.relQuote.value] : [];
    else body.note = el.relNote.value.trim();
    const speakers = [...el.relSpeakers.querySelectorAll("input:checked")].map((i) => i.value);
    if (speakers.length) body.speakers = speakers;
    try {
      const edge = await post("/edges", body);
      showResult(
        el.relResult,
        "Drawn: ",
        h("strong", null, labelOf(edge.source)),
        ` ${edge.type === "REFUTES" ? "refutes" : "supports"} `,
        h("strong", null, labelOf(edge.target)),
        ` (${edge.basis}; ${edge.id}).`,
      );
      el.relResult.dataset.edge = edge.id;
      await afterWrite();
    } catch (err) {
      showError(el.relError, err);
    }
  }

  // ---------------------------------------------------------------- wiring
  function wire() {
    el.source.addEventListener("change", () => loadSource(el.source.value).catch(pageError));
    const onSelect = () => {
      captureSelection();
    };
    el.text.addEventListener("mouseup", onSelect);
    el.text.addEventListener("keyup", onSelect);
    el.attachById.addEventListener("click", () => attachQuote(el.attachId.value.trim()));
    el.createForm.addEventListener("submit", (e) => {
      e.preventDefault();
      state.pendingCreate = null;
      createStatement(false);
    });
    el.createAnyway.addEventListener("click", () => createStatement(true));
    el.relForm.addEventListener("submit", (e) => {
      e.preventDefault();
      drawRelation();
    });
    el.relFrom.addEventListener("change", matchQuote);
    for (const r of el.relForm.querySelectorAll('input[name="basis"]')) r.addEventListener("change", showBasis);
    el.relTarget.addEventListener("input", () => {
      const id = el.relTarget.value.trim();
      el.relTargetTitle.textContent = state.titles.has(id) ? labelOf(id) : "";
    });
  }

  function pageError(err) {
    showError(el.pageError, err);
    el.body.dataset.state = "error";
  }

  async function start() {
    initKey();
    wire();
    await Promise.all([loadSources(), loadStatementList()]);
    const wanted = new URLSearchParams(window.location.search).get("source");
    if (wanted) await loadSource(wanted);
    el.body.dataset.state = "ready";
  }

  const ready = start().catch((err) => {
    pageError(err);
  });

  window.annotate = {
    ready,
    state,
    loadSource: (id) => loadSource(id).catch(pageError),
    captureSelection,
    idle: () =>
      new Promise((resolve) => {
        const check = () => (state.pending ? setTimeout(check, 20) : resolve());
        check();
      }),
  };
})();
