/* argmap explorer — draws the argument map served by the argmap API with cytoscape.js.
 *
 * API used (all JSON, relative to the <meta name="argmap-api-base"> value, default same origin):
 *   GET /graph[?position=&speaker=&source=]      {nodes:[{id,role,title,text,speakers,sources}],
 *                                                edges:[{id,source,target,type,basis,speakers}]}
 *       type SUPPORTS | REFUTES, or UNDERCUTS whose target is the id of another edge of the answer
 *   GET /positions | /people | /sources          {items:[...], total}
 *   GET /search?q=&limit=                        {items:[{kind,id,title,field,snippet,highlights,score,
 *                                                statement,source}], total}   (the search box's list)
 *   GET /statements/{id}                         {id,role,title,text,speakers,quotes,supporters,refuters}
 *   GET /statements/{id}/support-tree?depth=4    same shape as /graph
 *   GET /statements/{id}/attack-tree?depth=4     same shape as /graph
 *   GET /edges/{id}                              {id,source,target,type,basis,note,speakers:[{id,name}],
 *                                                quotes:[{id,source,quote,start,end,note}],undercutters:[...]}
 *   GET /evaluation?semantics=grounded&basis=stated|all   {items:[{id,label: IN|OUT|UNDEC}]}
 *   GET /sources/{id}?include_text=true          {id,title,text,...}
 *
 * Hooks for end-to-end tests: window.argmap = {cy, ready, idle(), select(id), selectEdge(id),
 * setOutcome(basis), loadMap(), loadTree(kind, id), exportSvg(), exportPng(), search(text), state}; every
 * statement's cytoscape node id is the statement id, every link's edge id the link id; an
 * undercut ends on a node `link:<attacked edge id>` (data handle: true). data-testid attributes
 * are in index.html (and quote / quote-source / quote-context / quote-note on each quote).
 * <body data-state> is loading | ready | error, <body data-outcome> "" | stated | all; #cy
 * carries data-view, data-root, data-nodes, data-edges, data-matches, data-outcome; #detail
 * carries data-state (empty | loading | ready | error), data-kind (statement | edge) and
 * data-statement-id or data-edge-id.
 */
(function () {
  "use strict";

  // ---------------------------------------------------------------- constants
  const API = (document.querySelector('meta[name="argmap-api-base"]')?.content || "").replace(/\/$/, "");
  const TREE_DEPTH = 4;
  const FONT_FAMILY =
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "DejaVu Sans", sans-serif';
  // One look per role (argmap.domain.Role, in its order: tests/test_viewer_e2e.py checks the
  // keys against it). Okabe–Ito palette (colour-blind safe); keep in sync with app.css.
  const ROLE_STYLE = {
    Position: { fill: "#0072b2", border: "#00466e", text: "#ffffff", shape: "round-rectangle", font: 15, weight: "bold", width: 170 },
    Claim: { fill: "#f6d08a", border: "#e69f00", text: "#1d1f24", shape: "round-rectangle", font: 14, weight: "normal", width: 150 },
    Premise: { fill: "#c3e5f8", border: "#2c8fc6", text: "#1d1f24", shape: "rectangle", font: 14, weight: "normal", width: 150 },
    Rebuttal: { fill: "#eec4dc", border: "#a8558a", text: "#1d1f24", shape: "cut-rectangle", font: 14, weight: "normal", width: 150 },
  };
  const ROLES = Object.keys(ROLE_STYLE);
  const FALLBACK_ROLE = { fill: "#e6e8ec", border: "#7a8190", text: "#1d1f24", shape: "round-rectangle", font: 14, weight: "normal", width: 150 };
  // One look per relation type (argmap.domain.EdgeType, then UNDERCUTS: an attack on the
  // inference of another link). `light` is the colour mixed 40 % with white, for
  // reconstructed links.
  const EDGE_STYLE = {
    SUPPORTS: { color: "#009e73", light: "#66c5ab", arrow: "triangle" },
    REFUTES: { color: "#d55e00", light: "#e69e66", arrow: "triangle-tee" },
    UNDERCUTS: { color: "#882255", light: "#b87a99", arrow: "tee" },
  };
  // How a link is grounded (argmap.domain.Basis, in its order: tests/test_role_styles.py).
  // The type keeps colour and arrowhead; the basis sets the stroke: stated in the text solid,
  // the analyst's reconstruction dashed and lighter.
  const BASIS_STYLE = {
    stated: { dash: null, width: 2.5, light: false, label: "stated in the text" },
    reconstructed: { dash: [6, 5], width: 2, light: true, label: "reconstructed by the analyst" },
  };
  // A link whose answer has no (or an unknown) basis: dotted, so it is neither mistaken for a
  // stated link nor for a reconstructed one.
  const UNKNOWN_BASIS = { dash: [1.5, 4], width: 2, light: false, label: "basis unknown" };
  const basisStyle = (basis) => BASIS_STYLE[basis] || UNKNOWN_BASIS;
  // Grounded outcome colours (IN stands, OUT is defeated, UNDEC neither): light fills so the
  // title stays readable, the Okabe–Ito green / vermillion / grey as borders.
  const OUTCOME_STYLE = {
    IN: { fill: "#c4eadc", border: "#009e73", label: "IN: stands" },
    OUT: { fill: "#f8d3b9", border: "#d55e00", label: "OUT: defeated" },
    UNDEC: { fill: "#e6e8ec", border: "#7a8190", label: "UNDEC: undecided" },
  };
  const HANDLE_PREFIX = "link:"; // cytoscape id of the node an undercut aims at (not a slug)
  const PAD_X = 10;
  const PAD_Y = 8;
  const LINE_HEIGHT = 1.2;
  const MAX_LINES = 4;
  const MAX_SPEAKER_LINES = 2;
  const GROUP_GAP_X = 50;
  const GROUP_GAP_Y = 64;
  // Default zoom never goes below this (labels stay readable); "Fit" shows everything.
  const MIN_DEFAULT_ZOOM = 0.7;
  const MAX_DEFAULT_ZOOM = 1.1;

  const $ = (id) => document.getElementById(id);
  const el = {
    body: document.body,
    cy: $("cy"),
    status: $("status"),
    viewLabel: $("view-label"),
    position: $("filter-position"),
    speaker: $("filter-speaker"),
    source: $("filter-source"),
    search: $("search"),
    searchCount: $("search-count"),
    searchResults: $("search-results"),
    whole: $("btn-whole-map"),
    support: $("btn-support-tree"),
    attack: $("btn-attack-tree"),
    fit: $("btn-fit"),
    svg: $("btn-export-svg"),
    png: $("btn-export-png"),
    detail: $("detail"),
    dRole: $("detail-role"),
    dTitle: $("detail-title"),
    dText: $("detail-text"),
    dSpeakers: $("detail-speakers"),
    dQuotes: $("detail-quotes"),
    dSupporters: $("detail-supporters"),
    dRefuters: $("detail-refuters"),
    dError: $("detail-error"),
    statementDetail: $("statement-detail"),
    edgeDetail: $("edge-detail"),
    eType: $("edge-type"),
    eBasis: $("edge-basis"),
    eTitle: $("edge-title"),
    eEnds: $("edge-ends"),
    eNote: $("edge-note"),
    eSpeakers: $("edge-speakers"),
    eQuotes: $("edge-quotes"),
    eUndercutters: $("edge-undercutters"),
    eUndercutSection: $("edge-undercut-section"),
    outcome: $("outcome"),
  };

  // ---------------------------------------------------------------- state
  const state = {
    view: "map", // "map" | "support-tree" | "attack-tree"
    root: null, // statement id of the tree view
    selected: null, // statement id shown in the detail panel
    selectedEdge: null, // or the link id shown there
    outcome: "", // "" | "stated" | "all": colour statements by their grounded label
    outcomeLabels: null, // statement id -> IN | OUT | UNDEC
    outcomeSeq: 0,
    lastGraph: null,
    sourceTitles: new Map(), // source id -> title (from /sources)
    sourceCache: new Map(), // source id -> Promise<{source, cps}>
    searchHits: [],
    searchCursor: -1,
    detailSeq: 0,
  };

  // ---------------------------------------------------------------- helpers
  async function getJSON(path) {
    const res = await fetch(API + path, { headers: { Accept: "application/json" } });
    if (!res.ok) {
      let detail = "";
      try {
        const body = await res.json();
        detail = typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail ?? body);
      } catch (_) {
        /* not JSON */
      }
      const err = new Error(`${res.status} ${res.statusText} for ${path}${detail ? ": " + detail : ""}`);
      err.status = res.status;
      throw err;
    }
    return res.json();
  }
  const enc = encodeURIComponent;
  const itemsOf = (body) => (Array.isArray(body) ? body : body?.items || []);

  function h(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v == null || v === false) continue;
      if (k === "class") node.className = v;
      else if (k === "dataset") Object.assign(node.dataset, v);
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? "" : v);
    }
    for (const c of children.flat()) {
      if (c == null || c === false) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  function setStatus(message, isError) {
    el.status.hidden = !message;
    el.status.textContent = message || "";
    el.status.classList.toggle("error", !!isError);
  }

  const normalise = (s) =>
    String(s || "")
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase();

  // ---------------------------------------------------------------- label wrapping
  const measureCtx = document.createElement("canvas").getContext("2d");
  // A speaker as the node shows it: the name without its parenthetical explanation.
  const shortName = (name) => String(name || "").replace(/\s*\([^)]*\)\s*/g, " ").trim();

  // "— Antony Blinken, Xiaoyin" under the title, wrapped by words into at most
  // MAX_SPEAKER_LINES lines; names that do not fit are counted ("+2"), so who says what is
  // visible without clicking.
  function speakerLines(speakers, maxWidth) {
    const names = (speakers || []).map((p) => shortName(typeof p === "string" ? p : p?.name || p?.id)).filter(Boolean);
    const fits = (text) => measureCtx.measureText(text).width <= maxWidth;
    const wrap = (text) => {
      const lines = [];
      for (const word of text.split(" ")) {
        if (!fits(word)) return null;
        const last = lines.length ? lines[lines.length - 1] + " " + word : null;
        if (last && fits(last)) lines[lines.length - 1] = last;
        else lines.push(word);
      }
      return lines.length <= MAX_SPEAKER_LINES ? lines : null;
    };
    for (let shown = names.length; shown > 0; shown--) {
      const more = shown < names.length ? ` +${names.length - shown}` : "";
      const lines = wrap("— " + names.slice(0, shown).join(", ") + more);
      if (lines) return lines;
    }
    if (!names.length) return [];
    // one name longer than the lines allow: cut it
    let cut = names[0];
    const more = names.length > 1 ? ` +${names.length - 1}` : "";
    while (cut.length > 1 && !fits("— " + cut + "…" + more)) cut = cut.slice(0, -1);
    return ["— " + cut.trimEnd() + "…" + more];
  }

  function wrapTitle(title, role, speakers) {
    const rs = ROLE_STYLE[role] || FALLBACK_ROLE;
    const maxWidth = rs.width - 2 * PAD_X;
    measureCtx.font = `${rs.weight} ${rs.font}px ${FONT_FAMILY}`;
    const words = String(title || "").split(/\s+/).filter(Boolean);
    const lines = [];
    let line = "";
    for (const word of words) {
      const candidate = line ? line + " " + word : word;
      if (measureCtx.measureText(candidate).width <= maxWidth || !line) {
        line = candidate;
      } else {
        lines.push(line);
        line = word;
      }
    }
    if (line) lines.push(line);
    // Break words that are longer than a line on their own.
    const out = [];
    for (let l of lines) {
      while (measureCtx.measureText(l).width > maxWidth && l.length > 4) {
        let cut = l.length - 1;
        while (cut > 1 && measureCtx.measureText(l.slice(0, cut) + "-").width > maxWidth) cut--;
        out.push(l.slice(0, cut) + "-");
        l = l.slice(cut);
      }
      out.push(l);
    }
    if (out.length > MAX_LINES) {
      out.length = MAX_LINES;
      let last = out[MAX_LINES - 1];
      while (last.length > 1 && measureCtx.measureText(last + "…").width > maxWidth) last = last.slice(0, -1);
      out[MAX_LINES - 1] = last.replace(/\s+$/, "") + "…";
    }
    if (!out.length) out.push("(untitled)");
    out.push(...speakerLines(speakers, maxWidth));
    const textWidth = Math.max(...out.map((l) => measureCtx.measureText(l).width));
    return {
      lines: out,
      w: Math.max(rs.width * 0.6, Math.ceil(textWidth) + 2 * PAD_X),
      h: Math.ceil(out.length * rs.font * LINE_HEIGHT + 2 * PAD_Y),
    };
  }

  // ---------------------------------------------------------------- cytoscape
  const stylesheet = [
    {
      selector: "node",
      style: {
        label: "data(label)",
        "text-wrap": "wrap",
        "text-max-width": "1000px",
        "text-valign": "center",
        "text-halign": "center",
        "line-height": LINE_HEIGHT,
        "font-family": FONT_FAMILY,
        width: "data(w)",
        height: "data(h)",
        "border-width": 2,
        "background-color": FALLBACK_ROLE.fill,
        "border-color": FALLBACK_ROLE.border,
        color: FALLBACK_ROLE.text,
        "font-size": FALLBACK_ROLE.font,
        shape: FALLBACK_ROLE.shape,
        "min-zoomed-font-size": 4,
        "transition-property": "opacity",
        "transition-duration": "150ms",
      },
    },
    ...ROLES.map((role) => ({
      selector: `node[role = "${role}"]`,
      style: {
        "background-color": ROLE_STYLE[role].fill,
        "border-color": ROLE_STYLE[role].border,
        color: ROLE_STYLE[role].text,
        "font-size": ROLE_STYLE[role].font,
        "font-weight": ROLE_STYLE[role].weight,
        shape: ROLE_STYLE[role].shape,
        "border-width": role === "Position" ? 3 : 2,
      },
    })),
    {
      selector: "edge",
      style: {
        width: 2,
        "curve-style": "bezier",
        "target-arrow-shape": "triangle",
        "arrow-scale": 1.1,
        "line-color": "#888",
        "target-arrow-color": "#888",
        "transition-property": "opacity, width",
        "transition-duration": "150ms",
      },
    },
    ...Object.entries(OUTCOME_STYLE).map(([label, o]) => ({
      // after the roles: with outcomes on, the fill says what stands, the shape the role
      selector: `node[outcome = "${label}"]`,
      style: { "background-color": o.fill, "border-color": o.border, color: "#1d1f24" },
    })),
    ...Object.entries(EDGE_STYLE).flatMap(([type, t]) =>
      [...Object.entries(BASIS_STYLE), ["unknown", UNKNOWN_BASIS]].map(([basis, b]) => ({
        selector: `edge[type = "${type}"][basis = "${basis}"]`,
        style: {
          "line-color": b.light ? t.light : t.color,
          "target-arrow-color": b.light ? t.light : t.color,
          "target-arrow-shape": t.arrow,
          width: b.width,
          "line-style": b.dash ? "dashed" : "solid",
          ...(b.dash ? { "line-dash-pattern": b.dash } : {}),
        },
      })),
    ),
    {
      // an undercut ends on a small ring sitting on the middle of the link it attacks
      selector: "edge.undercut",
      style: { "curve-style": "straight", "target-distance-from-node": 1, "arrow-scale": 1.3 },
    },
    {
      selector: "node[?handle]",
      style: {
        label: "",
        shape: "ellipse",
        width: 11,
        height: 11,
        "background-color": "#ffffff",
        "border-color": EDGE_STYLE.UNDERCUTS.color,
        "border-width": 3,
      },
    },
    { selector: ".ghost", style: { display: "none" } },
    {
      // intra-tree edges follow dagre's routing (they bend around nodes instead of crossing them)
      selector: "edge.routed",
      style: {
        "curve-style": "unbundled-bezier",
        "control-point-weights": (e) => e.scratch("controlPointWeights"),
        "control-point-distances": (e) => e.scratch("controlPointDistances"),
        "edge-distances": "intersection",
      },
    },
    { selector: "edge.cross", style: { opacity: 0.35, width: 1.5 } },
    // an undercut is never a mere cross reference: it stays visible wherever it runs
    { selector: "edge.undercut.cross", style: { opacity: 0.8, width: 2 } },
    {
      // links between trees whose ends sit in the same row arc over it instead of running
      // through the nodes between them
      selector: "edge.cross.arc",
      style: {
        "curve-style": "unbundled-bezier",
        "control-point-weights": 0.5,
        "control-point-distances": (e) => e.scratch("arc") || 0,
      },
    },
    { selector: "node.root", style: { "border-width": 5, "border-color": "#1d1f24" } },
    { selector: "node:selected", style: { "border-width": 5, "border-color": "#1d1f24", "overlay-opacity": 0 } },
    { selector: "edge.hl", style: { opacity: 1, width: 3.5, "z-index": 10 } },
    {
      selector: "edge:selected",
      style: { opacity: 1, width: 4.5, "z-index": 20, "overlay-color": "#1d1f24", "overlay-opacity": 0.14, "overlay-padding": 5 },
    },
    { selector: "node.match", style: { "underlay-color": "#f0e442", "underlay-padding": 9, "underlay-opacity": 1, "underlay-shape": "round-rectangle" } },
    { selector: ".faded", style: { opacity: 0.18 } },
    { selector: "edge.faded", style: { opacity: 0.08 } },
  ];

  const cy = cytoscape({
    container: el.cy,
    style: stylesheet,
    elements: [],
    minZoom: 0.08,
    maxZoom: 3,
    boxSelectionEnabled: false,
    selectionType: "single",
  });

  function toElements(graph) {
    const nodes = [];
    const seen = new Set();
    for (const n of graph.nodes || []) {
      if (!n || n.id == null || seen.has(String(n.id))) continue;
      seen.add(String(n.id));
      const wrapped = wrapTitle(n.title || n.id, n.role, n.speakers);
      nodes.push({
        group: "nodes",
        data: {
          id: String(n.id),
          role: n.role,
          title: n.title || "",
          text: n.text || "",
          speakers: n.speakers || [],
          sources: n.sources || [],
          label: wrapped.lines.join("\n"),
          lines: wrapped.lines,
          w: wrapped.w,
          h: wrapped.h,
          order: nodes.length,
          search: normalise([n.title, n.text, n.id, ...(n.speakers || [])].join(" \u0000 ")),
        },
      });
    }
    const edges = [];
    const edgeIds = new Set();
    const linkData = (e) => ({
      basis: BASIS_STYLE[e.basis] ? e.basis : "unknown",
      speakers: (e.speakers || []).map((p) => (typeof p === "string" ? p : p?.name || p?.id)),
    });
    for (const e of graph.edges || []) {
      if (!e || e.type === "UNDERCUTS" || !seen.has(String(e.source)) || !seen.has(String(e.target))) continue;
      const id = String(e.id ?? `${e.source}~${String(e.type).toLowerCase()}~${e.target}`);
      // one (source, type, target) triple is one edge
      const triple = `${e.source}\u0000${e.type}\u0000${e.target}`;
      if (edgeIds.has(id) || edgeIds.has(triple) || seen.has(id)) continue;
      edgeIds.add(id);
      edgeIds.add(triple);
      edges.push({
        group: "edges",
        data: { id, source: String(e.source), target: String(e.target), type: e.type, ...linkData(e) },
      });
    }
    // Cytoscape cannot aim an edge at an edge: an undercut ends on a small "handle" node that
    // placeHandles() keeps on the middle of the attacked link, one handle per attacked link.
    const handles = new Set();
    for (const e of graph.edges || []) {
      if (!e || e.type !== "UNDERCUTS" || !seen.has(String(e.source)) || !edgeIds.has(String(e.target))) continue;
      const id = String(e.id);
      if (edgeIds.has(id)) continue;
      edgeIds.add(id);
      const handle = HANDLE_PREFIX + String(e.target);
      if (!handles.has(handle)) {
        handles.add(handle);
        nodes.push({ group: "nodes", data: { id: handle, handle: true, link: String(e.target) }, grabbable: false, selectable: false });
      }
      edges.push({
        group: "edges",
        data: { id, source: String(e.source), target: handle, type: "UNDERCUTS", attacks: String(e.target), ...linkData(e) },
        classes: "undercut",
      });
    }
    return { nodes, edges };
  }

  // -------------------------------------------------- layout: one layered tree per root
  // Each root (a Position, or any statement nothing in view points from) gets its own
  // top-down dagre tree of the statements closest to it; trees are then packed in rows to
  // match the window's shape. Links between trees are drawn but faint (class "cross"), so a
  // map with many cross references does not turn into a hairball.
  function layoutGraph(preferredRoot) {
    const nodes = cy.nodes("[!handle]");
    if (!nodes.length) return;
    // For the layout only, an undercutter counts as a reason for the attacked link's target:
    // dagre then seats it one rank below that target, beside the link's own source, and its
    // undercut runs a short way sideways onto the link. (Removed again after the layout.)
    cy.add(
      cy.edges(".undercut").map((u) => ({
        group: "edges",
        data: { id: "ghost:" + u.id(), source: u.source().id(), target: cy.$id(u.data("attacks")).target().id() },
        classes: "ghost",
      })),
    );
    const links = (edges) => edges.not(".undercut");
    const outgoing = (n) => links(n.outgoers("edge"));
    const isSink = (n) => outgoing(n).filter((e) => e.target().id() !== n.id()).length === 0;
    const rank = Object.fromEntries(ROLES.map((role, i) => [role, i]));
    let roots = nodes.filter((n) => n.data("role") === "Position" || isSink(n));
    roots = roots.sort((a, b) => {
      if (preferredRoot) {
        if (a.id() === preferredRoot) return -1;
        if (b.id() === preferredRoot) return 1;
      }
      const ra = rank[a.data("role")] ?? 9;
      const rb = rank[b.data("role")] ?? 9;
      return ra - rb || a.data("order") - b.data("order");
    });
    if (preferredRoot && !roots.some((r) => r.id() === preferredRoot) && cy.$id(preferredRoot).nonempty()) {
      roots = cy.$id(preferredRoot).union(roots);
    }
    // Multi-source BFS against the edge direction (from what is supported to its supporters).
    const home = new Map();
    let frontier = [];
    roots.forEach((r, i) => {
      home.set(r.id(), i);
      frontier.push(r);
    });
    while (frontier.length) {
      const next = [];
      for (const n of frontier) {
        const g = home.get(n.id());
        links(n.incomers("edge")).forEach((e) => {
          const s = e.source();
          if (!home.has(s.id())) {
            home.set(s.id(), g);
            next.push(s);
          }
        });
      }
      frontier = next;
    }
    // Whatever is left (only cycles with no way out) forms groups by connected component.
    let extra = roots.length;
    nodes.forEach((n) => {
      if (home.has(n.id())) return;
      const comp = n.closedNeighborhood().union(n.successors()).union(n.predecessors()).nodes("[!handle]");
      comp.forEach((m) => {
        if (!home.has(m.id())) home.set(m.id(), extra);
      });
      extra++;
    });
    const groups = new Map();
    nodes.forEach((n) => {
      const g = home.get(n.id());
      if (!groups.has(g)) groups.set(g, cy.collection());
      groups.set(g, groups.get(g).union(n));
    });
    cy.edges().forEach((e) => {
      // an undercut belongs where the link it attacks is
      const end = e.hasClass("undercut") ? cy.$id(e.data("attacks")).source() : e.target();
      e.toggleClass("cross", home.get(e.source().id()) !== home.get(end.id()));
    });

    // Lay out each group on its own, then read its bounding box.
    const boxes = [];
    for (const [g, members] of [...groups.entries()].sort((a, b) => a[0] - b[0])) {
      const eles = members.union(members.edgesWith(members));
      eles
        .layout({
          name: "dagre",
          rankDir: "BT",
          ranker: "network-simplex",
          nodeSep: 14,
          edgeSep: 8,
          rankSep: 40,
          fit: false,
          animate: false,
          nodeDimensionsIncludeLabels: false,
          useDagreEdgeControlPoints: true,
          automaticDagreEdgeStyle: false,
        })
        .run();
      members.edgesWith(members).forEach((e) => {
        const w = e.scratch("controlPointWeights");
        const d = e.scratch("controlPointDistances");
        // Edges between adjacent ranks stay straight; longer ones (several bends) follow dagre.
        const ok =
          Array.isArray(w) && Array.isArray(d) && w.length > 1 && w.length === d.length &&
          w.every(Number.isFinite) && d.every(Number.isFinite);
        e.toggleClass("routed", ok);
      });
      const bb = members.boundingBox({ includeLabels: false, includeOverlays: false });
      boxes.push({ g, members, bb, w: bb.w, h: bb.h });
    }
    // Shelf-pack the groups (in order) into rows; pick the row width whose result best fits
    // the container's aspect ratio.
    const vw = Math.max(el.cy.clientWidth, 300);
    const vh = Math.max(el.cy.clientHeight, 200);
    const pack = (rowWidth, order) => {
      const placed = [];
      let x = 0;
      let y = 0;
      let rowH = 0;
      let maxW = 0;
      for (const b of order) {
        if (x > 0 && x + b.w > rowWidth) {
          y += rowH + GROUP_GAP_Y;
          x = 0;
          rowH = 0;
        }
        placed.push({ b, x, y });
        x += b.w + GROUP_GAP_X;
        rowH = Math.max(rowH, b.h);
        maxW = Math.max(maxW, x - GROUP_GAP_X);
      }
      return { placed, w: maxW, h: y + rowH };
    };
    const total = boxes.reduce((s, b) => s + b.w + GROUP_GAP_X, 0);
    const widest = Math.max(...boxes.map((b) => b.w));
    // Try the given order (positions as the API lists them) and widest-first. Prefer the
    // packing that fits the whole map at the largest zoom; if even that is below the readable
    // zoom, use rows as wide as the window shows at the readable zoom (scroll down, not across).
    const readableRow = (vw - 40) / MIN_DEFAULT_ZOOM;
    // (in a tree view the tree of the selected statement always comes first)
    const keepFirst = preferredRoot ? 1 : 0;
    const orders = [boxes, [...boxes.slice(0, keepFirst), ...boxes.slice(keepFirst).sort((a, b) => b.w - a.w)]];
    const candidates = [];
    orders.forEach((order, k) => {
      const widths = [readableRow];
      for (let i = 0; i <= 40; i++) widths.push(widest + ((total - widest) * i) / 40);
      for (const rw of widths) {
        const p = pack(rw, order);
        // the given order wins unless the other one fits clearly better
        const zoom = Math.min(vw / (p.w + 60), vh / (p.h + 60)) * (k === 0 ? 1.1 : 1);
        candidates.push({ zoom, p, k });
      }
    });
    const narrow = candidates.filter((c) => c.p.w <= readableRow);
    const pool = narrow.length ? narrow : candidates;
    let best = pool.reduce((a, c) => (c.zoom > a.zoom + 1e-9 ? c : a));
    if (best.zoom < MIN_DEFAULT_ZOOM && narrow.length) {
      best = narrow.reduce((a, c) => {
        const ha = a.p.h * (a.k ? 1.1 : 1);
        const hc = c.p.h * (c.k ? 1.1 : 1);
        return hc < ha - 1e-6 ? c : a;
      });
    }
    cy.remove(".ghost");
    cy.batch(() => {
      for (const { b, x, y } of best.p.placed) {
        const dx = x - b.bb.x1;
        const dy = y - b.bb.y1;
        b.members.forEach((n) => {
          const p = n.position();
          n.position({ x: p.x + dx, y: p.y + dy });
        });
      }
    });
  }

  // Fit everything if labels stay readable; otherwise start at a readable zoom at the top-left
  // of the map (the first tree, its position on top) and let the user pan or press Fit.
  function arcSameRowLinks() {
    cy.edges(".cross").not(".undercut").forEach((e) => {
      const s = e.source().position();
      const t = e.target().position();
      const dx = t.x - s.x;
      const flat = Math.abs(t.y - s.y) < 40 && Math.abs(dx) > 300;
      // positive distances bend to the left of the source->target direction
      e.scratch("arc", flat ? (dx > 0 ? 1 : -1) * Math.min(120, 30 + Math.abs(dx) / 12) : 0);
      e.toggleClass("arc", flat);
    });
  }

  function fitView() {
    const eles = cy.elements();
    if (!eles.length) return;
    cy.fit(eles, 30);
    if (cy.zoom() > MAX_DEFAULT_ZOOM) {
      cy.zoom(MAX_DEFAULT_ZOOM);
      cy.center(eles);
    }
    if (cy.zoom() >= MIN_DEFAULT_ZOOM) return;
    const bb = eles.boundingBox();
    const z = MIN_DEFAULT_ZOOM;
    const pan = { x: 20 - bb.x1 * z, y: 20 - bb.y1 * z };
    // if the whole width fits, centre horizontally
    if (bb.w * z + 40 <= el.cy.clientWidth) pan.x = (el.cy.clientWidth - bb.w * z) / 2 - bb.x1 * z;
    cy.viewport({ zoom: z, pan });
  }

  // Keep every undercut's handle on the middle of the link it attacks (after a layout, and
  // whenever a statement moves: dragging, animations).
  function placeHandles() {
    cy.batch(() => {
      cy.nodes("[?handle]").forEach((handle) => {
        const link = cy.$id(handle.data("link"));
        if (link.nonempty()) handle.position({ ...link.midpoint() });
      });
    });
  }
  let handleFrame = 0;
  cy.on("position", "node[!handle]", () => {
    if (!handleFrame) {
      handleFrame = requestAnimationFrame(() => {
        handleFrame = 0;
        placeHandles();
      });
    }
  });

  // ---------------------------------------------------------------- drawing
  function draw(graph, opts) {
    const { nodes, edges } = toElements(graph);
    state.lastGraph = graph;
    cy.batch(() => {
      cy.elements().remove();
      cy.add(nodes);
      cy.add(edges);
    });
    layoutGraph(opts.root);
    arcSameRowLinks();
    placeHandles();
    paintOutcomes();
    if (opts.root) cy.$id(opts.root).addClass("root");
    fitView();
    if (state.selected && cy.$id(state.selected).nonempty()) {
      cy.$id(state.selected).select();
      highlightNeighbourhood(cy.$id(state.selected));
    }
    if (state.selectedEdge) cy.$id(state.selectedEdge).select();
    applySearch(false);
    el.cy.dataset.view = opts.view;
    el.cy.dataset.root = opts.root || "";
    const statements = cy.nodes("[!handle]").length;
    el.cy.dataset.nodes = String(statements);
    el.cy.dataset.edges = String(cy.edges().length);
    el.body.toggleAttribute("data-unknown-basis", cy.edges('[basis = "unknown"]').nonempty());
    const counts = `${statements} statements · ${cy.edges().length} links`;
    el.viewLabel.replaceChildren();
    if (opts.view === "map") {
      const filters = [];
      if (el.position.value) filters.push("position: " + el.position.selectedOptions[0].textContent);
      if (el.speaker.value) filters.push("speaker: " + el.speaker.selectedOptions[0].textContent);
      if (el.source.value) filters.push("source: " + el.source.selectedOptions[0].textContent);
      el.viewLabel.append(h("strong", null, "Whole map"), filters.length ? ` (${filters.join(", ")})` : "", " · " + counts);
    } else {
      const title = cy.$id(opts.root).data("title") || opts.rootTitle || opts.root;
      el.viewLabel.append(
        h("strong", null, opts.view === "support-tree" ? "Support tree" : "Attack tree"),
        ` of “${title}” (depth ${TREE_DEPTH}) · ${counts}`,
      );
    }
    el.viewLabel.title = el.viewLabel.textContent;
    el.whole.classList.toggle("active", opts.view === "map");
    el.support.classList.toggle("active", opts.view === "support-tree");
    el.attack.classList.toggle("active", opts.view === "attack-tree");
    if (!nodes.length) setStatus(opts.view === "map" ? "No statements match these filters." : "Nothing to show for this statement.");
    else setStatus("");
  }

  let pending = Promise.resolve();
  let loadSeq = 0;
  function run(task) {
    const seq = ++loadSeq;
    el.body.dataset.state = "loading";
    const p = (async () => {
      try {
        await task(() => seq === loadSeq);
        if (seq === loadSeq) el.body.dataset.state = "ready";
      } catch (err) {
        if (seq === loadSeq) {
          el.body.dataset.state = "error";
          setStatus("Could not load the graph: " + err.message, true);
          console.error(err);
        }
        throw err;
      }
    })();
    pending = p.catch(() => {});
    return p;
  }

  function filterQuery() {
    const params = new URLSearchParams();
    if (el.position.value) params.set("position", el.position.value);
    if (el.speaker.value) params.set("speaker", el.speaker.value);
    if (el.source.value) params.set("source", el.source.value);
    return params.toString();
  }

  function syncUrl() {
    const params = new URLSearchParams(filterQuery());
    if (state.view !== "map" && state.root) {
      params.set("view", state.view);
      params.set("root", state.root);
    }
    if (state.selected) params.set("selected", state.selected);
    if (state.selectedEdge) params.set("edge", state.selectedEdge);
    if (state.outcome) params.set("outcome", state.outcome);
    const qs = params.toString();
    history.replaceState(null, "", location.pathname + (qs ? "?" + qs : ""));
  }

  function loadMap() {
    return run(async (current) => {
      const qs = filterQuery();
      const graph = await getJSON("/graph" + (qs ? "?" + qs : ""));
      if (!current()) return;
      state.view = "map";
      state.root = null;
      draw(graph, { view: "map" });
      syncUrl();
    });
  }

  function loadTree(kind, id) {
    return run(async (current) => {
      const graph = await getJSON(`/statements/${enc(id)}/${kind}?depth=${TREE_DEPTH}`);
      if (!current()) return;
      // The root is part of its own tree even if the API leaves it out.
      const hasRoot = (graph.nodes || []).some((n) => String(n.id) === id);
      if (!hasRoot) {
        const known = cy.$id(id);
        graph.nodes = [
          known.nonempty()
            ? { id, role: known.data("role"), title: known.data("title"), text: known.data("text") }
            : { id, role: el.dRole.textContent || "Claim", title: el.dTitle.textContent || id },
          ...(graph.nodes || []),
        ];
      }
      state.view = kind;
      state.root = id;
      draw(graph, { view: kind, root: id });
      syncUrl();
    });
  }

  // ---------------------------------------------------------------- search
  function applySearch(focus) {
    const term = normalise(el.search.value.trim());
    cy.elements().removeClass("match faded");
    state.searchHits = [];
    state.searchCursor = -1;
    if (!term) {
      el.searchCount.textContent = "";
      el.cy.dataset.matches = "0";
      return;
    }
    const words = term.split(/\s+/).filter(Boolean);
    const hits = cy.nodes("[!handle]").filter((n) => words.every((w) => n.data("search").includes(w)));
    state.searchHits = hits.toArray().sort((a, b) => a.position("y") - b.position("y") || a.position("x") - b.position("x"));
    el.cy.dataset.matches = String(hits.length);
    el.searchCount.textContent = hits.length === 1 ? "1 match" : `${hits.length} matches`;
    if (hits.length) {
      hits.addClass("match");
      cy.elements().difference(hits).difference(hits.edgesWith(hits)).addClass("faded");
      if (focus) {
        cy.stop();
        if (hits.length === 1) cy.animate({ zoom: Math.min(Math.max(cy.zoom(), 0.9), 1.4), center: { eles: hits }, duration: 300 });
        else cy.animate({ fit: { eles: hits, padding: 80 }, duration: 300 });
      }
    }
  }

  // The whole map's statements, quotes, people and sources (GET /search), listed under the
  // box: each hit's passage with its matched words marked. Choosing a statement selects it,
  // a quote its statement, a person filters by speaker, a source by source.
  const SEARCH_PAGE = 20;
  const KIND_LABELS = { statement: "Statement", quote: "Quote", person: "Person", source: "Source" };
  let serverSearchTimer = null;
  let serverSearchSeq = 0;
  function serverSearch(raw) {
    clearTimeout(serverSearchTimer);
    const seq = ++serverSearchSeq;
    if (raw.length < 2) {
      hideSearchResults();
      return;
    }
    serverSearchTimer = setTimeout(async () => {
      try {
        const body = await getJSON(`/search?limit=${SEARCH_PAGE}&q=` + enc(raw));
        if (seq !== serverSearchSeq) return;
        showSearchResults(itemsOf(body), body.total ?? 0);
      } catch (err) {
        if (seq !== serverSearchSeq) return;
        showSearchResults([], 0, err.status === 422 ? "Not a search this box can run" : "Search failed: " + err.message);
      }
    }, 250);
  }

  // The snippet as text nodes with <mark>s: highlights are [start, end) in code points.
  function markedSnippet(snippet, highlights) {
    const cps = Array.from(String(snippet || ""));
    const parts = [];
    let at = 0;
    for (const [start, end] of [...(highlights || [])].sort((a, b) => a[0] - b[0])) {
      if (start < at || end > cps.length || start >= end) continue;
      if (start > at) parts.push(cps.slice(at, start).join(""));
      parts.push(h("mark", {}, cps.slice(start, end).join("")));
      at = end;
    }
    if (at < cps.length) parts.push(cps.slice(at).join(""));
    return parts;
  }

  function showSearchResults(hits, total, message) {
    const list = el.searchResults;
    list.replaceChildren();
    for (const hit of hits) {
      const choose = () => chooseSearchHit(hit);
      list.append(
        h(
          "li",
          {
            class: `search-hit kind-${hit.kind}`,
            role: "option",
            tabindex: "0",
            "data-testid": "search-hit",
            dataset: { kind: hit.kind, id: hit.id },
            onclick: choose,
            onkeydown: (ev) => {
              if (ev.key === "Enter") choose();
              else if (ev.key === "ArrowDown") ev.currentTarget.nextElementSibling?.focus();
              else if (ev.key === "ArrowUp") (ev.currentTarget.previousElementSibling || el.search).focus();
              else return;
              ev.preventDefault();
            },
          },
          h("div", { class: "search-hit-head" },
            h("span", { class: "kind-badge" }, KIND_LABELS[hit.kind] || hit.kind),
            h("span", { class: "search-hit-title" }, hit.title || hit.id)),
          h("div", { class: "search-hit-snippet", "data-testid": "search-snippet" }, markedSnippet(hit.snippet, hit.highlights)),
        ),
      );
    }
    const note = message || (!hits.length ? "Nothing in the map matches" : total > hits.length ? `${total - hits.length} more: add words to narrow` : "");
    if (note) list.append(h("li", { class: "search-note" }, note));
    list.dataset.total = String(total);
    list.hidden = false;
  }

  function hideSearchResults() {
    el.searchResults.hidden = true;
  }

  function chooseSearchHit(hit) {
    hideSearchResults();
    if (hit.kind === "statement" || (hit.kind === "quote" && hit.statement)) {
      const id = String(hit.kind === "quote" ? hit.statement : hit.id);
      const node = cy.$id(id);
      if (node.nonempty()) cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 0.9), duration: 250 });
      return selectStatement(id);
    }
    const select = hit.kind === "person" ? el.speaker : el.source;
    const id = hit.kind === "quote" ? hit.source : hit.id;
    if (!id) return;
    setSelectValue(select, String(id));
    return loadMap();
  }

  function nextSearchHit() {
    if (!state.searchHits.length) return;
    state.searchCursor = (state.searchCursor + 1) % state.searchHits.length;
    const n = state.searchHits[state.searchCursor];
    cy.animate({ center: { eles: n }, zoom: Math.max(cy.zoom(), 0.9), duration: 250 });
    selectStatement(n.id());
  }

  // ---------------------------------------------------------------- selection + detail
  function highlightNeighbourhood(node) {
    cy.edges().removeClass("hl");
    if (node && node.nonempty()) node.connectedEdges().addClass("hl");
  }

  function roleSwatch(role) {
    return h("span", { class: `swatch role-${ROLES.includes(role) ? role : "none"}`, "aria-hidden": "true" });
  }

  function statementLink(s) {
    const id = String(s.id);
    return h(
      "li",
      { dataset: { statementId: id } },
      h(
        "a",
        {
          href: "#",
          title: s.role ? `${s.role}: ${s.title || id}` : s.title || id,
          onclick: (ev) => {
            ev.preventDefault();
            selectStatement(id);
          },
        },
        roleSwatch(s.role),
        h("span", null, s.title || id),
      ),
    );
  }

  function sourceText(sourceId) {
    if (!state.sourceCache.has(sourceId)) {
      const p = getJSON(`/sources/${enc(sourceId)}?include_text=true`).then((source) => ({
        source,
        // Quote offsets are Python str indices (Unicode code points), not UTF-16 units.
        cps: Array.from(String(source.text || "")),
      }));
      p.catch(() => state.sourceCache.delete(sourceId));
      state.sourceCache.set(sourceId, p);
    }
    return state.sourceCache.get(sourceId);
  }

  function contextOf(cps, start, end, quote, radius) {
    const n = cps.length;
    const s = Math.max(0, Math.min(n, start | 0));
    const e = Math.max(s, Math.min(n, end | 0));
    let a = Math.max(0, s - radius);
    let b = Math.min(n, e + radius);
    // snap to word boundaries
    if (a > 0) {
      let k = a;
      while (k < s && !/\s/.test(cps[k - 1])) k++;
      if (k < s) a = k;
    }
    if (b < n) {
      let k = b;
      while (k > e && !/\s/.test(cps[k])) k--;
      if (k > e) b = k;
    }
    const exact = cps.slice(s, e).join("");
    return {
      before: (a > 0 ? "…" : "") + cps.slice(a, s).join(""),
      match: exact,
      after: cps.slice(e, b).join("") + (b < n ? "…" : ""),
      verified: quote == null || exact === quote,
    };
  }

  function renderQuote(q, li) {
    const srcId = q.source != null ? String(q.source) : null;
    const title = (srcId && state.sourceTitles.get(srcId)) || srcId || "unknown source";
    const head = h("div", { class: "quote-source", "data-testid": "quote-source" }, title);
    const ctx = h("blockquote", { class: "quote-context", "data-testid": "quote-context" }, h("mark", null, q.quote || ""));
    li.append(head, ctx);
    if (q.note) li.append(h("div", { class: "quote-note", "data-testid": "quote-note" }, q.note));
    if (!srcId || q.start == null || q.end == null) return Promise.resolve();
    return sourceText(srcId)
      .then(({ source, cps }) => {
        if (source.title) head.textContent = source.title;
        if (source.url && /^https?:\/\//i.test(source.url)) {
          head.replaceChildren(h("a", { href: source.url, target: "_blank", rel: "noopener noreferrer" }, source.title || title));
        }
        const c = contextOf(cps, q.start, q.end, q.quote, 150);
        ctx.replaceChildren(c.before, h("mark", null, c.match), c.after);
        ctx.dataset.verified = String(c.verified);
        if (!c.verified) {
          li.append(h("div", { class: "quote-note" }, "The source text at these offsets differs from the stored quote."));
        }
      })
      .catch((err) => {
        ctx.dataset.verified = "unknown";
        li.append(h("div", { class: "quote-note" }, "Source text unavailable: " + err.message));
      });
  }

  async function selectStatement(id) {
    id = String(id);
    const seq = ++state.detailSeq;
    state.selected = id;
    state.selectedEdge = null;
    cy.$(":selected").unselect();
    const node = cy.$id(id);
    if (node.nonempty()) node.select();
    highlightNeighbourhood(node);
    el.support.disabled = false;
    el.attack.disabled = false;
    const wasHidden = el.detail.hidden;
    el.detail.hidden = false;
    showDetail("statement");
    el.detail.dataset.state = "loading";
    el.detail.dataset.statementId = id;
    // Show what the graph already knows right away.
    if (node.nonempty()) fillDetailHead(node.data());
    if (wasHidden) cy.resize();
    if (node.nonempty()) revealNode(node);
    syncUrl();
    try {
      const s = await getJSON("/statements/" + enc(id));
      if (seq !== state.detailSeq) return;
      fillDetailHead(s);
      el.dSpeakers.replaceChildren();
      const speakers = (s.speakers || []).map((p) => (typeof p === "string" ? p : p.name || p.id));
      el.dSpeakers.textContent = speakers.length ? speakers.join(", ") : "—";
      el.dQuotes.replaceChildren();
      const quoteLoads = [];
      if (!(s.quotes || []).length) el.dQuotes.append(h("li", { class: "empty" }, "No quotes recorded."));
      for (const q of s.quotes || []) {
        const li = h("li", { class: "quote", "data-testid": "quote", dataset: { quoteId: q.id ?? "" } });
        el.dQuotes.append(li);
        quoteLoads.push(renderQuote(q, li));
      }
      el.dSupporters.replaceChildren(...(s.supporters || []).map(statementLink));
      if (!(s.supporters || []).length) el.dSupporters.append(h("li", { class: "empty" }, "Nothing."));
      el.dRefuters.replaceChildren(...(s.refuters || []).map(statementLink));
      if (!(s.refuters || []).length) el.dRefuters.append(h("li", { class: "empty" }, "Nothing."));
      await Promise.all(quoteLoads);
      if (seq === state.detailSeq) el.detail.dataset.state = "ready";
    } catch (err) {
      if (seq !== state.detailSeq) return;
      el.detail.dataset.state = "error";
      el.dError.hidden = false;
      el.dError.textContent = "Could not load this statement: " + err.message;
    }
  }

  // Pan (without changing zoom) so that a node hidden off-screen comes into view.
  function revealNode(node) {
    const bb = node.renderedBoundingBox();
    const w = el.cy.clientWidth;
    const hgt = el.cy.clientHeight;
    if (bb.x1 >= 0 && bb.y1 >= 0 && bb.x2 <= w && bb.y2 <= hgt) return;
    cy.animate({ center: { eles: node }, duration: 250 });
  }

  function fillDetailHead(s) {
    const role = s.role || "";
    el.dRole.textContent = role;
    el.dRole.className = "role-badge role-" + (ROLES.includes(role) ? role : "none");
    el.dTitle.textContent = s.title || s.id || "";
    el.dText.textContent = s.text || "";
  }

  // The side panel shows a statement or a link.
  function showDetail(kind) {
    el.detail.hidden = false;
    el.detail.dataset.kind = kind;
    el.statementDetail.hidden = kind !== "statement";
    el.edgeDetail.hidden = kind !== "edge";
    el.dError.hidden = true;
    if (kind !== "statement") delete el.detail.dataset.statementId;
    if (kind !== "edge") delete el.detail.dataset.edgeId;
  }

  const titleOf = (id) => cy.$id(String(id)).data("title") || String(id);
  const TYPE_VERB = { SUPPORTS: "supports", REFUTES: "refutes", UNDERCUTS: "undercuts" };

  function linkSentence(source, type, target) {
    // “A” supports “B”; for an undercut, target is the attacked link's id
    const attacked = type === "UNDERCUTS" && cy.$id(String(target)).isEdge?.() ? cy.$id(String(target)) : null;
    return [
      h("q", null, titleOf(source)),
      ` ${TYPE_VERB[type] || String(type).toLowerCase()} `,
      attacked
        ? h("span", null, "the link ", h("q", null, titleOf(attacked.source().id())), ` ${TYPE_VERB[attacked.data("type")]} `, h("q", null, titleOf(attacked.target().id())))
        : h("q", null, type === "UNDERCUTS" ? String(target) : titleOf(target)),
    ];
  }

  function basisBadge(basis) {
    const b = basisStyle(basis);
    return h("span", { class: `basis-badge basis-${BASIS_STYLE[basis] ? basis : "unknown"}`, "data-testid": "edge-basis" }, b.label);
  }

  // The grounds of a link: GET /edges/{id}. An undercut's own grounds are also listed among
  // the undercutters of the link it attacks, which is where they are looked up when the API
  // has no route for undercut ids.
  async function linkGrounds(id, attacks) {
    try {
      return await getJSON("/edges/" + enc(id));
    } catch (err) {
      if (!attacks || (err.status !== 404 && err.status !== 422)) throw err;
      const attacked = await getJSON("/edges/" + enc(attacks));
      const found = (attacked.undercutters || []).find((u) => String(u.id) === id);
      if (!found) throw err;
      return found;
    }
  }

  function linkItem(link, onclick) {
    return h(
      "li",
      { dataset: { edgeId: String(link.id) } },
      h("a", { href: "#", onclick: (ev) => { ev.preventDefault(); onclick(); } },
        h("span", { class: `line ${String(link.type).toLowerCase()} basis-${BASIS_STYLE[link.basis] ? link.basis : "unknown"}`, "aria-hidden": "true" }),
        h("span", null, titleOf(link.source))),
      " ",
      h("span", { class: "muted" }, (link.speakers || []).map((p) => (typeof p === "string" ? p : p.name)).join(", ")),
    );
  }

  async function selectEdge(id) {
    id = String(id);
    const seq = ++state.detailSeq;
    const edge = cy.$id(id);
    state.selected = null;
    state.selectedEdge = id;
    cy.$(":selected").unselect();
    highlightNeighbourhood(null);
    if (edge.nonempty()) edge.select().addClass("hl");
    cy.$id(HANDLE_PREFIX + id).connectedEdges().addClass("hl"); // the undercuts aimed at it
    el.support.disabled = true;
    el.attack.disabled = true;
    const wasHidden = el.detail.hidden;
    showDetail("edge");
    el.detail.dataset.state = "loading";
    el.detail.dataset.edgeId = id;
    // What the graph already knows, right away.
    const known = edge.nonempty() ? edge.data() : {};
    fillEdgeHead({ id, ...known, target: known.attacks || known.target });
    el.eSpeakers.textContent = (known.speakers || []).join(", ") || "—";
    el.eQuotes.replaceChildren();
    el.eUndercutters.replaceChildren();
    if (wasHidden) cy.resize();
    syncUrl();
    try {
      const link = await linkGrounds(id, known.attacks);
      if (seq !== state.detailSeq) return;
      fillEdgeHead(link);
      const speakers = (link.speakers || []).map((p) => (typeof p === "string" ? p : p.name || p.id));
      el.eSpeakers.textContent = speakers.length ? speakers.join(", ") : "—";
      const quoteLoads = [];
      if (!(link.quotes || []).length) {
        el.eQuotes.append(h("li", { class: "empty" }, link.basis === "reconstructed" ? "None: the text does not draw this link." : "No quotes recorded."));
      }
      for (const q of link.quotes || []) {
        const li = h("li", { class: "quote", "data-testid": "quote", dataset: { quoteId: q.id ?? "" } });
        el.eQuotes.append(li);
        quoteLoads.push(renderQuote(q, li));
      }
      const undercutters = link.undercutters || [];
      el.eUndercutters.replaceChildren(...undercutters.map((u) => linkItem(u, () => selectEdge(u.id))));
      el.eUndercutSection.hidden = link.type === "UNDERCUTS";
      if (!undercutters.length) el.eUndercutters.append(h("li", { class: "empty" }, "Nothing attacks this inference."));
      await Promise.all(quoteLoads);
      if (seq === state.detailSeq) el.detail.dataset.state = "ready";
    } catch (err) {
      if (seq !== state.detailSeq) return;
      el.detail.dataset.state = "error";
      el.dError.hidden = false;
      el.dError.textContent = "Could not load this link: " + err.message;
    }
  }

  function fillEdgeHead(link) {
    const type = link.type || "";
    el.eType.textContent = TYPE_VERB[type] || type;
    el.eType.className = `type-badge type-${type}`;
    el.eBasis.replaceWith((el.eBasis = basisBadge(link.basis)));
    el.eTitle.replaceChildren(...linkSentence(link.source, type, link.target));
    el.eNote.hidden = !link.note;
    el.eNote.textContent = link.note ? "Why: " + link.note : "";
    el.eEnds.replaceChildren(
      ...[["From", link.source], ...(type === "UNDERCUTS" ? [] : [["To", link.target]])].map(([label, sid]) =>
        h("li", null, `${label}: `, statementLink({ id: sid, role: cy.$id(String(sid)).data("role"), title: titleOf(sid) }).firstChild),
      ),
      ...(type === "UNDERCUTS" && link.target
        ? [h("li", null, "Attacks the link: ", h("a", { href: "#", onclick: (ev) => { ev.preventDefault(); selectEdge(link.target); } }, "show its grounds"))]
        : []),
    );
  }

  // ---------------------------------------------------------------- grounded outcome
  // Colours every statement by its grounded label over the whole map (GET /evaluation), counting
  // only stated links or all of them. Off: colours by role again.
  async function setOutcome(basis) {
    basis = basis === "stated" || basis === "all" ? basis : "";
    const seq = ++state.outcomeSeq;
    state.outcome = basis;
    el.outcome.value = basis;
    el.body.dataset.outcome = basis;
    state.outcomeLabels = null;
    if (basis) {
      try {
        const body = await getJSON(`/evaluation?semantics=grounded&basis=${enc(basis)}`);
        if (seq !== state.outcomeSeq) return;
        state.outcomeLabels = new Map(itemsOf(body).map((it) => [String(it.id), it.label]));
      } catch (err) {
        if (seq !== state.outcomeSeq) return;
        setStatus("Could not load the outcome: " + err.message, true);
        setTimeout(() => setStatus(""), 4000);
        state.outcome = "";
        el.outcome.value = "";
        el.body.dataset.outcome = "";
      }
    }
    paintOutcomes();
    syncUrl();
  }

  function paintOutcomes() {
    const labels = state.outcomeLabels;
    cy.batch(() => {
      cy.nodes("[!handle]").forEach((n) => {
        const label = labels?.get(n.id());
        // "" rather than removeData(): cytoscape restyles on data(), not on removeData()
        n.data("outcome", OUTCOME_STYLE[label] ? label : "");
      });
    });
    el.cy.dataset.outcome = labels ? state.outcome : "";
  }

  function clearSelection() {
    state.detailSeq++;
    state.selected = null;
    state.selectedEdge = null;
    cy.$(":selected").unselect();
    highlightNeighbourhood(null);
    el.detail.hidden = true;
    el.detail.dataset.state = "empty";
    delete el.detail.dataset.statementId;
    delete el.detail.dataset.edgeId;
    el.support.disabled = true;
    el.attack.disabled = true;
    cy.resize();
    syncUrl();
  }

  // ---------------------------------------------------------------- export
  function download(blob, filename) {
    const url = URL.createObjectURL(blob);
    const a = h("a", { href: url, download: filename });
    a.style.display = "none";
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  function exportName(ext) {
    const base = state.view === "map" ? "argmap" : `argmap-${state.view}-${state.root}`;
    return `${base}.${ext}`;
  }

  function exportPng() {
    const blob = cy.png({ output: "blob", full: true, scale: 2, bg: "#ffffff", maxWidth: 12000, maxHeight: 12000 });
    download(blob, exportName("png"));
    return blob;
  }

  const xmlEscape = (s) =>
    String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]);
  const f1 = (x) => (Math.round(x * 10) / 10).toString();

  function nodeShapePath(role, x, y, w, hgt) {
    const x1 = x - w / 2;
    const y1 = y - hgt / 2;
    const shape = (ROLE_STYLE[role] || FALLBACK_ROLE).shape;
    if (shape === "rectangle") return `<rect x="${f1(x1)}" y="${f1(y1)}" width="${f1(w)}" height="${f1(hgt)}"`;
    if (shape === "cut-rectangle") {
      const c = Math.min(8, w / 4, hgt / 4);
      const pts = [
        [x1 + c, y1], [x1 + w - c, y1], [x1 + w, y1 + c], [x1 + w, y1 + hgt - c],
        [x1 + w - c, y1 + hgt], [x1 + c, y1 + hgt], [x1, y1 + hgt - c], [x1, y1 + c],
      ];
      return `<polygon points="${pts.map((p) => p.map(f1).join(",")).join(" ")}"`;
    }
    const r = Math.min(10, w / 4, hgt / 4);
    return `<rect x="${f1(x1)}" y="${f1(y1)}" width="${f1(w)}" height="${f1(hgt)}" rx="${r}" ry="${r}"`;
  }

  function edgePath(e) {
    const s = e.sourceEndpoint();
    const t = e.targetEndpoint();
    const curve = e.style("curve-style");
    if (curve === "segments" || curve === "taxi") {
      const pts = e.segmentPoints() || [];
      return `M${f1(s.x)},${f1(s.y)} ` + pts.map((p) => `L${f1(p.x)},${f1(p.y)}`).join(" ") + ` L${f1(t.x)},${f1(t.y)}`;
    }
    const cps = (curve !== "straight" && e.controlPoints()) || [];
    if (!cps.length) return `M${f1(s.x)},${f1(s.y)} L${f1(t.x)},${f1(t.y)}`;
    // cytoscape draws a chain of quadratic curves through the midpoints of its control points
    let d = `M${f1(s.x)},${f1(s.y)}`;
    for (let i = 0; i < cps.length; i++) {
      const end = i + 1 < cps.length ? { x: (cps[i].x + cps[i + 1].x) / 2, y: (cps[i].y + cps[i + 1].y) / 2 } : t;
      d += ` Q${f1(cps[i].x)},${f1(cps[i].y)} ${f1(end.x)},${f1(end.y)}`;
    }
    return d;
  }

  function buildSvg() {
    const eles = cy.elements();
    const bb = eles.nonempty() ? eles.boundingBox({ includeLabels: true }) : { x1: 0, y1: 0, w: 200, h: 100 };
    const pad = 24;
    const headH = 58;
    const width = Math.ceil(bb.w + 2 * pad);
    const height = Math.ceil(bb.h + 2 * pad + headH);
    const ox = pad - bb.x1;
    const oy = pad + headH - bb.y1;
    const out = [];
    out.push(
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${xmlEscape(FONT_FAMILY)}">`,
      `<title>${xmlEscape(el.viewLabel.textContent)}</title>`,
      "<defs>",
    );
    // one marker per (type, stroke colour): the tip sits exactly on the end of the path
    const markerId = (type, light) => `arrow-${type}${light ? "-light" : ""}`;
    for (const [type, t] of Object.entries(EDGE_STYLE)) {
      for (const light of [false, true]) {
        const colour = light ? t.light : t.color;
        const bar = t.arrow === "triangle" ? "" : `<path d="M${t.arrow === "tee" ? 8 : -1},-5 L${t.arrow === "tee" ? 8 : -1},5" stroke="${colour}" stroke-width="2"/>`;
        const head = t.arrow === "tee" ? "" : `<path d="M0,-4.5 L9,0 L0,4.5 z" fill="${colour}"/>`;
        out.push(
          `<marker id="${markerId(type, light)}" viewBox="-4 -6 14 12" refX="9" refY="0" markerWidth="9" markerHeight="8" markerUnits="userSpaceOnUse" orient="auto" overflow="visible">`,
          `${head}${bar}</marker>`,
        );
      }
    }
    const dashAttr = (b) => (b.dash ? ` stroke-dasharray="${b.dash.join(" ")}"` : "");
    out.push("</defs>", `<rect width="100%" height="100%" fill="#ffffff"/>`);
    // header: view title + legend (roles, or outcomes when they colour the map; link types; bases)
    out.push(`<text x="${pad}" y="24" font-size="15" font-weight="bold" fill="#1d1f24">${xmlEscape(el.viewLabel.textContent)}</text>`);
    let lx = pad;
    const swatches = state.outcomeLabels
      ? Object.entries(OUTCOME_STYLE).map(([label, o]) => [label, o.fill, o.border])
      : ROLES.map((role) => [role, ROLE_STYLE[role].fill, ROLE_STYLE[role].border]);
    for (const [name, fill, border] of swatches) {
      out.push(
        `<rect x="${lx}" y="36" width="18" height="12" rx="3" fill="${fill}" stroke="${border}" stroke-width="2"/>`,
        `<text x="${lx + 24}" y="46.5" font-size="12" fill="#1d1f24">${name}</text>`,
      );
      lx += 24 + name.length * 7.5 + 16;
    }
    const legendLine = (colour, b, marker, label) => {
      out.push(
        `<path d="M${lx},42 L${lx + 30},42" stroke="${colour}" stroke-width="2.5"${dashAttr(b)}${marker ? ` marker-end="url(#${marker})"` : ""}/>`,
        `<text x="${lx + 38}" y="46.5" font-size="12" fill="#1d1f24">${xmlEscape(label)}</text>`,
      );
      lx += 38 + label.length * 7 + 16;
    };
    for (const [type, t] of Object.entries(EDGE_STYLE)) legendLine(t.color, BASIS_STYLE.stated, markerId(type, false), type.toLowerCase());
    for (const [basis, b] of Object.entries(BASIS_STYLE)) legendLine(b.light ? "#9aa3b2" : "#5b6270", b, null, basis);
    if (cy.edges('[basis = "unknown"]').nonempty()) legendLine("#5b6270", UNKNOWN_BASIS, null, "basis unknown");
    out.push(`<g transform="translate(${f1(ox)},${f1(oy)})">`);
    const edges = cy.edges().sort((a, b) => (a.hasClass("cross") ? 0 : 1) - (b.hasClass("cross") ? 0 : 1));
    edges.forEach((e) => {
      const type = EDGE_STYLE[e.data("type")] ? e.data("type") : "SUPPORTS";
      const b = basisStyle(e.data("basis"));
      const colour = b.light ? EDGE_STYLE[type].light : EDGE_STYLE[type].color;
      const opacity = e.effectiveOpacity();
      out.push(
        `<path class="edge" data-id="${xmlEscape(e.id())}" data-type="${xmlEscape(e.data("type"))}" data-basis="${xmlEscape(e.data("basis"))}" d="${edgePath(e)}" fill="none" stroke="${colour}" stroke-width="${f1(parseFloat(e.style("width")))}"` +
          dashAttr(b) +
          (opacity < 1 ? ` opacity="${f1(opacity)}"` : "") +
          ` marker-end="url(#${markerId(type, b.light)})"/>`,
      );
    });
    cy.nodes("[?handle]").forEach((n) => {
      const p = n.position();
      out.push(`<circle class="handle" data-link="${xmlEscape(n.data("link"))}" cx="${f1(p.x)}" cy="${f1(p.y)}" r="4.5" fill="#ffffff" stroke="${EDGE_STYLE.UNDERCUTS.color}" stroke-width="3"/>`);
    });
    cy.nodes("[!handle]").forEach((n) => {
      const role = n.data("role");
      const rs = ROLE_STYLE[role] || FALLBACK_ROLE;
      const p = n.position();
      const w = n.width();
      const hgt = n.height();
      const opacity = n.effectiveOpacity();
      const bw = parseFloat(n.style("border-width")) || 0;
      out.push(
        `<g class="node" data-id="${xmlEscape(n.id())}" data-role="${xmlEscape(role || "")}"${n.data("outcome") ? ` data-outcome="${n.data("outcome")}"` : ""}${opacity < 1 ? ` opacity="${f1(opacity)}"` : ""}>`,
        nodeShapePath(role, p.x, p.y, w, hgt) + ` fill="${n.style("background-color")}" stroke="${n.style("border-color")}" stroke-width="${bw}"/>`,
      );
      const lines = n.data("lines") || [n.data("title")];
      const lh = rs.font * LINE_HEIGHT;
      const y0 = p.y - (lines.length * lh) / 2 + lh / 2;
      out.push(
        `<text text-anchor="middle" dominant-baseline="central" font-size="${rs.font}" font-weight="${rs.weight}" fill="${n.style("color")}">` +
          lines.map((l, i) => `<tspan x="${f1(p.x)}" y="${f1(y0 + i * lh)}">${xmlEscape(l)}</tspan>`).join("") +
          `<title>${xmlEscape(n.data("text") || n.data("title"))}</title></text></g>`,
      );
    });
    out.push("</g></svg>");
    return out.join("\n");
  }

  function exportSvg() {
    const svg = buildSvg();
    download(new Blob([svg], { type: "image/svg+xml;charset=utf-8" }), exportName("svg"));
    return svg;
  }

  // ---------------------------------------------------------------- filters
  async function fillSelect(select, path, label) {
    try {
      const body = await getJSON(path);
      const items = itemsOf(body)
        .map((it) => ({ id: String(it.id), label: it[label] || it.title || it.name || it.id }))
        .sort((a, b) => a.label.localeCompare(b.label));
      for (const it of items) select.append(h("option", { value: it.id }, it.label));
      if (body && typeof body.total === "number" && body.total > items.length) {
        console.warn(`${path}: showing ${items.length} of ${body.total}`);
      }
      return body;
    } catch (err) {
      console.warn(`could not load ${path}:`, err);
      select.disabled = true;
      select.title = "Could not load: " + err.message;
      return null;
    }
  }

  function setSelectValue(select, value) {
    if (!value) return;
    if (![...select.options].some((o) => o.value === value)) select.append(h("option", { value }, value));
    select.value = value;
  }

  // ---------------------------------------------------------------- events
  cy.on("tap", "node[!handle]", (ev) => selectStatement(ev.target.id()));
  cy.on("tap", "edge", (ev) => selectEdge(ev.target.id()));
  // the ring on an attacked link stands for that link
  cy.on("tap", "node[?handle]", (ev) => selectEdge(ev.target.data("link")));
  cy.on("mouseover", "edge, node[?handle]", () => {
    el.cy.style.cursor = "pointer";
  });
  cy.on("mouseout", "edge, node[?handle]", () => {
    el.cy.style.cursor = "";
  });
  cy.on("tap", (ev) => {
    if (ev.target === cy) clearSelection();
  });
  cy.on("mouseover", "node[!handle]", (ev) => {
    el.cy.style.cursor = "pointer";
    ev.target.connectedEdges().addClass("hl");
  });
  cy.on("mouseout", "node[!handle]", (ev) => {
    el.cy.style.cursor = "";
    const keep = state.selected ? cy.$id(state.selected).connectedEdges() : cy.collection();
    ev.target.connectedEdges().difference(keep).removeClass("hl");
  });

  for (const select of [el.position, el.speaker, el.source]) select.addEventListener("change", () => loadMap());
  let searchTimer = null;
  el.search.addEventListener("input", () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => applySearch(true), 150);
    serverSearch(el.search.value.trim());
  });
  el.search.addEventListener("focus", () => {
    if (el.search.value.trim().length >= 2 && el.searchResults.childElementCount) el.searchResults.hidden = false;
  });
  document.addEventListener("click", (ev) => {
    if (!el.searchResults.contains(ev.target) && ev.target !== el.search) hideSearchResults();
  });
  el.search.addEventListener("keydown", (ev) => {
    if (ev.key === "ArrowDown" && !el.searchResults.hidden) {
      ev.preventDefault();
      el.searchResults.querySelector(".search-hit")?.focus();
    } else if (ev.key === "Enter") {
      ev.preventDefault();
      clearTimeout(searchTimer);
      if (!state.searchHits.length) applySearch(true);
      nextSearchHit();
    } else if (ev.key === "Escape") {
      el.search.value = "";
      applySearch(false);
      serverSearch("");
    }
  });
  el.outcome.addEventListener("change", () => setOutcome(el.outcome.value));
  el.whole.addEventListener("click", () => loadMap());
  el.support.addEventListener("click", () => state.selected && loadTree("support-tree", state.selected));
  el.attack.addEventListener("click", () => state.selected && loadTree("attack-tree", state.selected));
  el.detail.querySelectorAll("[data-action]").forEach((b) =>
    b.addEventListener("click", () => state.selected && loadTree(b.dataset.action, state.selected)),
  );
  el.detail.querySelector(".detail-close").addEventListener("click", clearSelection);
  el.fit.addEventListener("click", () => cy.animate({ fit: { eles: cy.elements(), padding: 30 }, duration: 250 }));
  el.svg.addEventListener("click", exportSvg);
  el.png.addEventListener("click", exportPng);
  document.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape" && document.activeElement !== el.search) clearSelection();
  });
  let resizeTimer = null;
  window.addEventListener("resize", () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => cy.resize(), 100);
  });

  // ---------------------------------------------------------------- start
  const params = new URLSearchParams(location.search);
  const ready = (async () => {
    const [, , sources] = await Promise.all([
      fillSelect(el.position, "/positions", "title"),
      fillSelect(el.speaker, "/people", "name"),
      fillSelect(el.source, "/sources", "title"),
    ]);
    for (const s of itemsOf(sources)) state.sourceTitles.set(String(s.id), s.title || String(s.id));
    setSelectValue(el.position, params.get("position"));
    setSelectValue(el.speaker, params.get("speaker"));
    setSelectValue(el.source, params.get("source"));
    // Open the detail panel before the first layout so the graph is fitted to its final width.
    if (params.get("selected") || params.get("edge")) {
      el.detail.hidden = false;
      cy.resize();
    }
    const outcome = params.get("outcome") ? setOutcome(params.get("outcome")) : null;
    const view = params.get("view");
    const root = params.get("root");
    if ((view === "support-tree" || view === "attack-tree") && root) await loadTree(view, root);
    else await loadMap();
    if (params.get("selected")) selectStatement(params.get("selected"));
    else if (params.get("edge")) selectEdge(params.get("edge"));
    await outcome;
    return cy;
  })();
  ready.catch(() => {}); // reported in the page; callers awaiting argmap.ready still see the error

  window.argmap = {
    cy,
    ready,
    /** Resolves when the latest graph load (filter change, tree view) has been drawn. */
    idle: () => pending,
    /** Opens the detail panel for a statement; resolves when it is filled. */
    select: (id) => selectStatement(id),
    /** Types `text` into the search box as a person would (the list of hits follows). */
    search: (text) => {
      el.search.value = text;
      el.search.dispatchEvent(new Event("input"));
    },
    /** Opens the detail panel for a link (SUPPORTS, REFUTES or UNDERCUTS id). */
    selectEdge: (id) => selectEdge(id),
    /** Colours statements by their grounded outcome: "stated", "all", or "" (off). */
    setOutcome: (basis) => setOutcome(basis),
    loadMap,
    loadTree,
    exportSvg: buildSvg,
    exportPng: () => cy.png({ output: "base64uri", full: true, scale: 1, bg: "#ffffff" }),
    state,
  };
})();
