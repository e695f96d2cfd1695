// The query page: a small SPARQL editor (a textarea over a highlighted <pre>), every query
// form (SELECT/ASK as a table, CONSTRUCT/DESCRIBE as Turtle), downloads in every format the
// endpoint offers, shareable /?query= links, known prefixes added on demand, IRIs shown as
// labels / prefixed names linking to their pages, and syntax errors marked in the editor.
// No external assets: the page works offline (docs/linked-data.md says why no editor library).
"use strict";
(function () {
  const KEYWORDS = /^(SELECT|CONSTRUCT|DESCRIBE|ASK|WHERE|FROM|NAMED|PREFIX|BASE|OPTIONAL|FILTER|UNION|MINUS|GRAPH|SERVICE|BIND|VALUES|AS|DISTINCT|REDUCED|ORDER|BY|GROUP|HAVING|LIMIT|OFFSET|ASC|DESC|NOT|EXISTS|IN|a|COUNT|SUM|MIN|MAX|AVG|SAMPLE|GROUP_CONCAT|SEPARATOR|STR|LANG|LANGMATCHES|DATATYPE|IF|COALESCE|STRSTARTS|STRENDS|CONTAINS|REGEX|YEAR|isIRI|isLITERAL|BOUND|true|false)$/i;
  // comment | string | IRI | variable | prefixed name (prefix, local) | word
  const TOKEN = /(#[^\n]*)|("""[\s\S]*?"""|'''[\s\S]*?'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|(<[^<>"{}|^`\\\s]*>)|([?$][A-Za-z_0-9]+)|([A-Za-z][\w.-]*[\w-]|[A-Za-z])?:((?:[\w-]|\\.|%[0-9A-Fa-f]{2})*)|([A-Za-z_]+)/g;
  const FORM = /\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b/i;
  const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  const FILE_EXT = { json: "srj", xml: "srx", csv: "csv", tsv: "tsv", turtle: "ttl", ntriples: "nt", rdfxml: "rdf", jsonld: "jsonld", nquads: "nq", trig: "trig" };
  const FORMAT_NAMES = { json: "JSON", xml: "XML", csv: "CSV", tsv: "TSV", turtle: "Turtle", ntriples: "N-Triples", rdfxml: "RDF/XML", jsonld: "JSON-LD", nquads: "N-Quads", trig: "TriG" };

  const LONG_QUERY = 1500; // characters; longer queries are never put into a URL sent to the server
  let config = { base: "", prefixes: {}, formats: { results: [], graph: [] } };
  let errorAt = null; // {offset, length} of the marked error in the editor text

  const $ = (id) => document.getElementById(id);

  const OPEN = "({[", CLOSE = ")}]";

  /** Offsets of the bracket at the caret (just before or after it) and of its partner,
   * counting only brackets outside comments, strings and IRIs; [at] alone if unmatched. */
  function bracketPair(text, caret) {
    const opaque = [];
    let m;
    TOKEN.lastIndex = 0;
    while ((m = TOKEN.exec(text)) !== null) if (m[1] || m[2] || m[3]) opaque.push([m.index, m.index + m[0].length]);
    const inside = (i) => opaque.some(([a, b]) => i >= a && i < b);
    const isBracket = (i) => i >= 0 && i < text.length && (OPEN + CLOSE).includes(text[i]) && !inside(i);
    const at = isBracket(caret - 1) ? caret - 1 : isBracket(caret) ? caret : -1;
    if (at < 0) return null;
    const ch = text[at], opening = OPEN.includes(ch);
    const mate = opening ? CLOSE[OPEN.indexOf(ch)] : OPEN[CLOSE.indexOf(ch)];
    let depth = 0;
    for (let i = at; opening ? i < text.length : i >= 0; i += opening ? 1 : -1) {
      if (inside(i)) continue;
      if (text[i] === ch) depth += 1;
      else if (text[i] === mate && --depth === 0) return [at, i];
    }
    return [at];
  }

  /** Syntax colours; the error position (if any) is drawn as a wavy underline, the bracket
   * at the caret and its partner are marked (an unmatched one in red). */
  function highlight(text, caret) {
    let out = "", last = 0, m;
    const marks = [];
    if (errorAt) marks.push({ offset: errorAt.offset, length: Math.max(1, errorAt.length), cls: "err" });
    const pair = caret === undefined ? null : bracketPair(text, caret);
    if (pair) for (const at of pair) marks.push({ offset: at, length: 1, cls: pair.length === 2 ? "brace" : "brace brace-bad" });
    marks.sort((a, b) => a.offset - b.offset);
    TOKEN.lastIndex = 0;
    // a mark starts in one piece of text and is cut at its end
    const piece = (s, start) => {
      let html = "", at = 0;
      for (const mk of marks) {
        if (mk.offset < start + at || mk.offset >= start + s.length) continue;
        const k = mk.offset - start, e = Math.min(s.length, k + mk.length);
        html += esc(s.slice(at, k)) + `<mark class="${mk.cls}">${esc(s.slice(k, e))}</mark>`;
        at = e;
      }
      return html + esc(s.slice(at));
    };
    while ((m = TOKEN.exec(text)) !== null) {
      out += piece(text.slice(last, m.index), last);
      const t = piece(m[0], m.index);
      if (m[1]) out += `<span class="tok-com">${t}</span>`;
      else if (m[2]) out += `<span class="tok-str">${t}</span>`;
      else if (m[3]) out += `<span class="tok-iri">${t}</span>`;
      else if (m[4]) out += `<span class="tok-var">${t}</span>`;
      else if (m[6] !== undefined) out += `<span class="tok-pn">${t}</span>`;
      else if (KEYWORDS.test(m[0])) out += `<span class="tok-kw">${t}</span>`;
      else out += t;
      last = m.index + m[0].length;
    }
    const rest = text.slice(last);
    // an error just past the end of the text (a missing "}") still gets a visible mark
    const tail = errorAt && errorAt.offset >= text.length ? `<mark class="err"> </mark>` : "";
    return out + piece(rest, last) + tail + "\n";
  }

  /** The query form, read past comments, strings and IRIs so "# SELECT" does not count. */
  function queryForm(text) {
    const stripped = text.replace(TOKEN, (all, com, str, iri) => (com || str || iri ? " " : all));
    const m = FORM.exec(stripped);
    return m ? m[1].toUpperCase() : "SELECT";
  }

  /** Prefixes the text uses but does not declare, and which the site knows. */
  function missingPrefixes(text) {
    const declared = new Set(), used = new Set();
    for (const m of text.matchAll(/PREFIX\s+([A-Za-z][\w.-]*)?:/gi)) declared.add(m[1] || "");
    let m;
    TOKEN.lastIndex = 0;
    while ((m = TOKEN.exec(text)) !== null) if (m[6] !== undefined) used.add(m[5] || "");
    return [...used].filter((p) => !declared.has(p) && p in config.prefixes);
  }

  function addPrefixes(names) {
    const area = $("query");
    const lines = names.map((p) => `PREFIX ${p}: <${config.prefixes[p]}>\n`).join("");
    if (!lines) return;
    area.value = lines + area.value;
    sync();
  }

  function prefixed(iri) {
    let best = null;
    for (const [p, ns] of Object.entries(config.prefixes)) {
      if (iri.startsWith(ns) && (!best || ns.length > best[1].length)) {
        const local = iri.slice(ns.length);
        if (/^[\w-]*$/.test(local)) best = [p, ns, local];
      }
    }
    return best ? `${best[0]}:${best[2]}` : null;
  }

  function pageOf(iri) {
    if (config.base && iri.startsWith(config.base)) {
      const rest = iri.slice(config.base.length);
      if (rest === "ontology") return "/doc/ontology";
      if (rest.startsWith("ontology#")) return "/doc/ontology#" + rest.slice(9);
      return "/doc/" + rest;
    }
    return iri;
  }

  /** Only http(s) IRIs become links: a shared query can bind any IRI ("javascript:…"). */
  const webAddress = (iri) => /^https?:/i.test(iri);

  function cell(term) {
    if (!term) return "";
    if (term.type === "uri") {
      const short = prefixed(term.value);
      if (!webAddress(term.value)) return `<span class="iri" title="not a web address: not a link">${esc(term.value)}</span>`;
      return `<a class="iri" href="${esc(pageOf(term.value))}" title="${esc(term.value)}" data-iri="${esc(term.value)}">${esc(short || term.value)}</a>`;
    }
    if (term.type === "bnode") return `<span class="bnode">_:${esc(term.value)}</span>`;
    let extra = "";
    if (term["xml:lang"]) extra = `<span class="lang">@${esc(term["xml:lang"])}</span>`;
    else if (term.datatype) {
      const dt = prefixed(term.datatype) || term.datatype;
      if (dt !== "xsd:string") extra = `<span class="dt">${esc(dt)}</span>`;
    }
    const short = term.value.length <= 24 && !term.value.includes("\n") ? " short" : "";
    return `<span class="lit${short}">${esc(term.value)}</span>${extra}`;
  }

  const labelCache = new Map(); // IRI -> label ("" when the graph has none)

  /** The labels of our IRIs (cached), fetched in one query; a failure leaves the names. */
  async function fetchLabels(all) {
    const iris = [...new Set(all)].filter((i) => i.startsWith(config.base) && !labelCache.has(i)).slice(0, 500);
    if (!iris.length) return labelCache;
    const query = `SELECT ?s (SAMPLE(?l) AS ?label) WHERE { VALUES ?s { ${iris.map((i) => `<${i}>`).join(" ")} }
      ?s <http://www.w3.org/2000/01/rdf-schema#label>|<http://www.w3.org/2004/02/skos/core#prefLabel>|<http://schema.org/headline> ?l
      FILTER (LANG(?l) = "en" || LANG(?l) = "") } GROUP BY ?s`;
    try {
      const res = await fetch("/sparql", { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/sparql-results+json" }, body: new URLSearchParams({ query }) });
      if (!res.ok) return labelCache;
      for (const b of (await res.json()).results.bindings) labelCache.set(b.s.value, b.label.value);
      for (const i of iris) if (!labelCache.has(i)) labelCache.set(i, "");
    } catch (err) { /* labels are a nicety; the names stay */ }
    return labelCache;
  }

  /** Replace prefixed names by labels where the graph has one (the name stays, small). */
  async function addLabels(box) {
    const links = [...box.querySelectorAll("a.iri[data-iri]")];
    const labels = await fetchLabels(links.map((a) => a.dataset.iri));
    for (const a of links) {
      const label = labels.get(a.dataset.iri);
      if (label) a.innerHTML = `${esc(label)} <span class="pn">${esc(prefixed(a.dataset.iri) || "")}</span>`;
    }
  }

  /** A row's name for the timeline: its first other bound value, by label where known. */
  function rowName(row, vars, dateVar) {
    const v = vars.find((name) => name !== dateVar && row[name]);
    if (!v) return "";
    const t = row[v];
    return t.type === "uri" ? labelCache.get(t.value) || prefixed(t.value) || t.value : t.value;
  }

  /** "Table" and one "Timeline by ?date" button per date column (none without dates). */
  function viewButtons(vars, rows) {
    const dates = window.seckgTimeline ? window.seckgTimeline.dateColumns(vars, rows) : [];
    if (!dates.length) return "";
    const button = (view, text) => `<button type="button" class="view" data-view="${esc(view)}" aria-pressed="${table.view === view}">${esc(text)}</button>`;
    return `<div class="views" role="group" aria-label="Show the answer as">${button("", "Table")}${dates.map((v) => button(v, `Timeline by ?${v}`)).join("")}</div>`;
  }

  function bindViews(box) {
    for (const b of box.querySelectorAll("button.view")) {
      b.addEventListener("click", () => {
        table.view = b.dataset.view;
        drawTable();
        box.querySelector(`button.view[data-view="${CSS.escape(b.dataset.view)}"]`).focus();
      });
    }
  }

  async function drawTimeline(box) {
    const { vars, rows, view } = table;
    box.innerHTML = viewButtons(vars, rows) + `<div class="timeline-box"></div>`;
    bindViews(box);
    const names = vars.filter((v) => v !== view);
    await fetchLabels(rows.flatMap((row) => names.map((v) => row[v]).filter((t) => t && t.type === "uri").map((t) => t.value)));
    const holder = box.querySelector(".timeline-box");
    if (!holder || table.view !== view) return; // the person switched back meanwhile
    holder.innerHTML = window.seckgTimeline.draw(Math.max(320, holder.clientWidth), rows, view, (row) => rowName(row, vars, view));
  }

  const PAGE_ROWS = 100;
  let table = null; // {vars, rows, sortBy, desc, page} of the answer on screen

  /** A cell's sort key: numbers as numbers, everything else by its text. */
  function sortKey(term) {
    if (!term) return "";
    const n = Number(term.value);
    return term.type === "literal" && term.value.trim() !== "" && !Number.isNaN(n) ? n : term.value.toLowerCase();
  }

  function drawTable() {
    const box = $("results"), { vars, rows, sortBy, desc, page } = table;
    if (table.view) { drawTimeline(box); return; }
    const order = rows.map((row, i) => i);
    if (sortBy !== null) {
      order.sort((a, b) => {
        const x = sortKey(rows[a][sortBy]), y = sortKey(rows[b][sortBy]);
        const c = typeof x === typeof y ? (x < y ? -1 : x > y ? 1 : 0) : typeof x === "number" ? -1 : 1;
        return desc ? -c : c;
      });
    }
    const pages = Math.max(1, Math.ceil(rows.length / PAGE_ROWS));
    const first = page * PAGE_ROWS, shown = order.slice(first, first + PAGE_ROWS);
    const arrow = (v) => (sortBy === v ? (desc ? " ▾" : " ▴") : "");
    const sorted = (v) => (sortBy === v ? ` aria-sort="${desc ? "descending" : "ascending"}"` : "");
    let html = viewButtons(vars, rows) + `<table class="rows"><thead><tr><th class="rownum" scope="col">#</th>${vars.map((v) => `<th scope="col"${sorted(v)}><button type="button" class="sort" data-var="${esc(v)}" title="sort by ?${esc(v)}">?${esc(v)}${arrow(v)}</button></th>`).join("")}</tr></thead><tbody>`;
    for (const i of shown) html += `<tr><td class="rownum">${i + 1}</td>${vars.map((v) => `<td>${cell(rows[i][v])}</td>`).join("")}</tr>`;
    html += "</tbody></table>";
    if (pages > 1) {
      html += `<nav class="pager" aria-label="Result pages"><button type="button" class="page-prev"${page === 0 ? " disabled" : ""}>‹ previous</button> rows ${first + 1}–${Math.min(first + PAGE_ROWS, rows.length)} of ${rows.length} <button type="button" class="page-next"${page + 1 >= pages ? " disabled" : ""}>next ›</button></nav>`;
    }
    box.innerHTML = html;
    bindViews(box);
    for (const b of box.querySelectorAll("button.sort")) {
      b.addEventListener("click", () => {
        table.desc = table.sortBy === b.dataset.var ? !table.desc : false;
        table.sortBy = b.dataset.var;
        table.page = 0;
        drawTable();
        box.querySelector(`button.sort[data-var="${CSS.escape(b.dataset.var)}"]`).focus();
      });
    }
    const step = (d) => { table.page += d; drawTable(); };
    const prev = box.querySelector(".page-prev"), next = box.querySelector(".page-next");
    if (prev) prev.addEventListener("click", () => step(-1));
    if (next) next.addEventListener("click", () => step(1));
    addLabels(box);
  }

  function renderTable(data) {
    const box = $("results");
    if (typeof data.boolean === "boolean") {
      table = null;
      box.innerHTML = `<table class="rows"><thead><tr><th>ASK</th></tr></thead><tbody><tr><td class="boolean">${data.boolean}</td></tr></tbody></table>`;
      return "1 answer";
    }
    const rows = data.results.bindings;
    table = { vars: data.head.vars, rows, sortBy: null, desc: false, page: 0, view: "" };
    drawTable();
    return `${rows.length} row${rows.length === 1 ? "" : "s"}`;
  }

  /** N-Triples lines as SPARQL JSON terms (for the table of triples). */
  function parseNTriples(text) {
    const term = (t) => {
      if (t.startsWith("<")) return { type: "uri", value: t.slice(1, -1) };
      if (t.startsWith("_:")) return { type: "bnode", value: t.slice(2) };
      const m = /^("(?:[^"\\]|\\.)*")(?:@([\w-]+)|\^\^<([^>]*)>)?$/.exec(t);
      if (!m) return { type: "literal", value: t };
      let value;
      try { value = JSON.parse(m[1].replace(/\\U([0-9A-Fa-f]{8})/g, (a, h) => String.fromCodePoint(parseInt(h, 16)).replace(/["\\]/g, "\\$&"))); } catch (err) { value = m[1].slice(1, -1); }
      const out = { type: "literal", value };
      if (m[2]) out["xml:lang"] = m[2];
      if (m[3]) out.datatype = m[3];
      return out;
    };
    const rows = [];
    for (const line of text.split("\n")) {
      const m = /^(<[^>]*>|_:\S+)\s+(<[^>]*>)\s+(.*?)\s*\.\s*$/.exec(line.trim());
      if (m) rows.push({ subject: term(m[1]), predicate: term(m[2]), object: term(m[3]) });
    }
    return rows;
  }

  function renderTurtle(text, triples) {
    // IRIs of our data link to their pages, as in the tables
    const linked = esc(text).replace(/&lt;([^\s&]+)&gt;/g, (all, iri) =>
      webAddress(iri) && iri.startsWith(config.base) ? `&lt;<a href="${pageOf(iri)}">${iri}</a>&gt;` : all);
    const rows = parseNTriples(triples || "");
    if (rows.length) {
      table = { vars: ["subject", "predicate", "object"], rows, sortBy: null, desc: false, page: 0, view: "" };
      drawTable();
    } else {
      table = null;
      $("results").innerHTML = "";
    }
    $("results").insertAdjacentHTML("beforeend", `<h2 class="as-turtle">As Turtle</h2><pre class="turtle">${linked}</pre>`);
    return `${rows.length} triple${rows.length === 1 ? "" : "s"}`;
  }

  function shareUrl(query) {
    return `${location.origin}/#query=${encodeURIComponent(query)}`;
  }

  function showDownloads(query, form) {
    const kinds = form === "CONSTRUCT" || form === "DESCRIBE" ? config.formats.graph : config.formats.results;
    const long = query.length > LONG_QUERY;
    const links = kinds.map((f) => {
      const href = long ? "#" : `/sparql?${new URLSearchParams({ query, format: f })}`;
      return `<a class="download" data-format="${f}" href="${esc(href)}" download="result.${FILE_EXT[f] || f}">${FORMAT_NAMES[f] || f}</a>`;
    });
    const box = $("downloads");
    box.innerHTML = `Download: ${links.join(" ")}`;
    box.hidden = false;
    if (!long) return;
    // a long query would make a URL the server refuses (414): fetch it by POST, save the answer
    for (const a of box.querySelectorAll("a.download")) {
      a.addEventListener("click", async (e) => {
        if (a.dataset.ready) return;
        e.preventDefault();
        const res = await fetch("/sparql", { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ query, format: a.dataset.format }) });
        a.href = URL.createObjectURL(await res.blob());
        a.dataset.ready = "1";
        a.click();
      });
    }
  }

  // words the grammar expects as words, not as functions ("expected one of WHERE, {")
  const KEYWORD_PLACES = new Set(["WHERE", "SELECT", "CONSTRUCT", "DESCRIBE", "ASK", "FROM", "GRAPH", "OPTIONAL", "UNION", "MINUS", "FILTER", "BIND", "VALUES", "SERVICE", "LATERAL", "ORDER", "GROUP", "HAVING", "LIMIT", "OFFSET", "BY", "AS", "DISTINCT", "REDUCED", "NAMED", "PREFIX", "BASE", "CONSTRUCT"]);

  /** Where the person has to look: the engine reports how far it read (past spaces and
   * closing brackets, even onto the next line); an operator with nothing after it is the
   * place, so the mark goes to what follows the operator ("FILTER(?s = )": the ")"). */
  function refine(text, offset) {
    let i = Math.min(offset, text.length) - 1;
    while (i >= 0 && /[\s)}\]]/.test(text[i])) i -= 1;
    if (i >= 0 && /[=<>!+\-*\/,(&|]/.test(text[i])) {
      let j = i + 1;
      while (j < text.length && /\s/.test(text[j])) j += 1;
      return j < offset ? j : offset;
    }
    return offset;
  }

  /** The engine's "expected one of ..." grammar dump, in words a person can act on. */
  function humanize(message, text, offset) {
    if (/Prefix not found/.test(message)) {
      const m = /([A-Za-z][\w.-]*)?:[\w-]*\s?$/.exec(text.slice(0, offset + 1));
      const name = m ? `${m[1] || ""}:` : "this prefix";
      return `unknown prefix ${name} (declare it with PREFIX, or pick one under "Prefixes")`;
    }
    const list = /^expected one of (.*)$/s.exec(message);
    if (!list) return message;
    const seen = new Set();
    let functions = 0;
    for (const item of list[1].match(/"(?:[^"\\]|\\.)*"|\[[^\]]*\]|[^,\s][^,]*/g) || []) {
      if (item === "[_]") continue;
      if (/^\['0'\.\.='9'\]$/.test(item)) seen.add("a number");
      else if (item.startsWith("[")) seen.add("a name");
      else if (/^[A-Za-z_]+$/.test(item.trim()) && !KEYWORD_PLACES.has(item.trim().toUpperCase())) functions += 1;
      else seen.add(item.trim());
    }
    // the engine lists every function an expression may start with: say what that means
    if (functions >= 4) return "expected a value, a variable or a function call here";
    if (functions) for (const item of list[1].split(/,\s*/)) if (/^[A-Za-z_]+$/.test(item)) seen.add(item);
    return seen.size ? `expected ${[...seen].join(", ")}` : "unexpected text here";
  }

  function showError(text) {
    const box = $("error"), area = $("query");
    const m = /(?:error )?at (\d+):(\d+)/.exec(text);
    errorAt = null;
    let where = "";
    if (m) {
      const line = +m[1], col = +m[2];
      const lines = area.value.split("\n");
      let offset = 0;
      for (let i = 0; i < line - 1 && i < lines.length; i++) offset += lines[i].length + 1;
      offset += Math.max(0, col - 1);
      offset = refine(area.value, Math.min(offset, area.value.length));
      errorAt = { offset, length: 1 };
      const before = area.value.slice(0, offset).split("\n");
      where = `Line ${before.length}, column ${before[before.length - 1].length + 1}: `;
      area.focus();
      area.setSelectionRange(errorAt.offset, errorAt.offset);
    }
    const raw = text.replace(/^syntax error:\s*/, "").replace(/(?:error )?at \d+:\d+:\s*/, "").trim();
    const message = m ? humanize(raw, area.value, errorAt.offset) : raw;
    box.innerHTML = `<strong>${m ? "Syntax error" : "Error"}</strong> ${esc(where)}${esc(message)}`;
    box.hidden = false;
    sync();
  }

  const UPDATE = /^\s*(?:(?:PREFIX|BASE)\b[^\n]*\n\s*|#[^\n]*\n\s*)*(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b/i;
  const HISTORY_KEY = "seckg.query.history", DRAFT_KEY = "seckg.query.draft", HISTORY_MAX = 30;
  let running = null; // the AbortController of the query in flight

  function remember(query) {
    try {
      const past = JSON.parse(localStorage.getItem(HISTORY_KEY) || "[]").filter((q) => q !== query);
      localStorage.setItem(HISTORY_KEY, JSON.stringify([query, ...past].slice(0, HISTORY_MAX)));
    } catch (err) { /* private mode: no history */ }
    showHistory();
  }

  function showHistory() {
    let past = [];
    try { past = JSON.parse(localStorage.getItem(HISTORY_KEY) || "[]"); } catch (err) { past = []; }
    const list = $("history-list");
    $("history-count").textContent = String(past.length);
    list.innerHTML = past.map((q, i) => `<li><button type="button" class="past" data-index="${i}" title="${esc(q)}">${esc(q.replace(/\s+/g, " ").slice(0, 90))}</button></li>`).join("");
    for (const b of list.querySelectorAll("button.past")) {
      b.addEventListener("click", () => { setQuery(past[+b.dataset.index]); run(); });
    }
  }

  /** Replace the editor's text, keeping the previous text one Back step away. */
  function setQuery(text) {
    const area = $("query");
    if (area.value !== text) history.pushState(null, "", `/#query=${encodeURIComponent(area.value)}`);
    area.value = text;
    saveDraft();
    sync();
  }

  function saveDraft() {
    try { localStorage.setItem(DRAFT_KEY, $("query").value); } catch (err) { /* ignore */ }
  }

  async function run(event) {
    if (event) event.preventDefault();
    const area = $("query"), status = $("status");
    if (UPDATE.test(area.value)) {
      errorAt = null;
      $("error").innerHTML = "<strong>This page is read-only.</strong> Updates (INSERT, DELETE, LOAD, …) go to the endpoint <code>/sparql</code> with an update token; see docs/endpoint.md.";
      $("error").hidden = false;
      status.textContent = "";
      return;
    }
    const missing = missingPrefixes(area.value);
    if (missing.length) addPrefixes(missing);
    const query = area.value;
    const form = queryForm(query);
    const graph = form === "CONSTRUCT" || form === "DESCRIBE";
    errorAt = null;
    $("error").hidden = true;
    sync();
    if (running) running.abort();
    const control = (running = new AbortController());
    status.textContent = "running…";
    $("stop").hidden = false;
    // the query lives in the fragment: never sent to the server, so no length limit (issue 21, 3)
    history.replaceState(null, "", `/#query=${encodeURIComponent(query)}`);
    remember(query);
    const started = performance.now();
    const post = (accept) => fetch("/sparql", {
      method: "POST",
      signal: control.signal,
      headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: accept },
      body: new URLSearchParams({ query }),
    });
    try {
      const res = await post(graph ? "text/turtle" : "application/sparql-results+json");
      if (!res.ok) {
        showError(await res.text());
        $("results").innerHTML = "";
        $("downloads").hidden = true;
        status.textContent = `error ${res.status}`;
        return;
      }
      let summary;
      if (graph) {
        const turtle = await res.text();
        const nt = await post("application/n-triples");
        summary = renderTurtle(turtle, nt.ok ? await nt.text() : "");
      } else summary = renderTable(await res.json());
      showDownloads(query, form);
      const truncated = res.headers.get("X-SPARQL-Truncated") ? ` (cut at the row limit, ${res.headers.get("X-SPARQL-Row-Limit")})` : "";
      status.textContent = `${summary} in ${Math.round(performance.now() - started)} ms${truncated}`;
    } catch (err) {
      status.textContent = err.name === "AbortError" ? "stopped" : "request failed: " + err;
    } finally {
      if (running === control) { running = null; $("stop").hidden = true; }
    }
  }

  function sync() {
    const area = $("query"), pre = $("highlight");
    const focused = document.activeElement === area && area.selectionStart === area.selectionEnd;
    pre.innerHTML = highlight(area.value, focused ? area.selectionStart : undefined);
    pre.scrollTop = area.scrollTop;
    pre.scrollLeft = area.scrollLeft;
  }

  document.addEventListener("DOMContentLoaded", () => {
    config = JSON.parse($("page-config").textContent);
    const area = $("query");
    const fromFragment = () => new URLSearchParams(location.hash.slice(1)).get("query");
    const shared = fromFragment() || new URLSearchParams(location.search).get("query");
    let draft = null;
    try { draft = localStorage.getItem(DRAFT_KEY); } catch (err) { draft = null; }
    if (shared) area.value = shared;
    else if (draft) area.value = draft; // what you were writing when you left
    area.addEventListener("input", () => { errorAt = null; sync(); saveDraft(); });
    area.addEventListener("scroll", sync);
    // the caret moved (keys, clicks, selection): mark the bracket there and its partner
    document.addEventListener("selectionchange", () => { if (document.activeElement === area) sync(); });
    area.addEventListener("blur", sync);
    // Tab indents; Escape then Tab (or Shift+Tab) leaves the editor (issue 21, 8)
    let leave = false;
    area.addEventListener("keydown", (e) => {
      if (e.key === "Escape") { leave = true; $("status").textContent = "Tab now leaves the editor"; return; }
      if (e.key === "Tab" && !e.shiftKey && !leave) {
        e.preventDefault();
        area.setRangeText("  ", area.selectionStart, area.selectionEnd, "end");
        sync();
        return;
      }
      leave = false;
    });
    area.addEventListener("blur", () => { leave = false; });
    $("stop").addEventListener("click", () => { if (running) running.abort(); });
    window.addEventListener("popstate", () => {
      const q = fromFragment();
      if (q !== null && q !== area.value) { area.value = q; sync(); }
    });
    showHistory();
    document.addEventListener("keydown", (e) => {
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) run(e);
    });
    const examples = JSON.parse($("examples").textContent);
    for (const button of document.querySelectorAll("button.example")) {
      button.addEventListener("click", () => {
        setQuery(examples[+button.dataset.index].query);
        run();
        if (matchMedia("(max-width: 1100px)").matches) $("examples-box").open = false;
        area.scrollIntoView({ block: "nearest" });
      });
    }
    for (const button of document.querySelectorAll("button.prefix")) {
      button.addEventListener("click", () => {
        if (!new RegExp(`PREFIX\\s+${button.dataset.prefix}:`, "i").test(area.value)) addPrefixes([button.dataset.prefix]);
      });
    }
    $("copy-link").addEventListener("click", async () => {
      const url = shareUrl(area.value);
      try { await navigator.clipboard.writeText(url); $("status").textContent = "link copied"; }
      catch (err) { window.prompt("Copy this link:", url); }
    });
    $("query-form").addEventListener("submit", run);
    if (matchMedia("(max-width: 1100px)").matches) $("examples-box").open = false;
    sync();
    if (shared) run();
  });
})();
