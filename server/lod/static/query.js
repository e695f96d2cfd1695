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

  let config = { base: "", prefixes: {}, formats: { results: [], graph: [] } };
  let errorAt = null; // {offset, length} of the marked error in the editor text

  const $ = (id) => document.getElementById(id);

  /** Syntax colours; the error position (if any) is drawn as a wavy underline. */
  function highlight(text) {
    let out = "", last = 0, m;
    TOKEN.lastIndex = 0;
    const piece = (s, start) => {
      if (!errorAt || start + s.length <= errorAt.offset || start > errorAt.offset) return esc(s);
      const k = errorAt.offset - start, n = Math.max(1, Math.min(errorAt.length, s.length - k));
      const mark = s.slice(k, k + n) || " ";
      return esc(s.slice(0, k)) + `<mark class="err">${esc(mark)}</mark>` + esc(s.slice(k + n));
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

  /** Replace prefixed names by labels where the graph has one (the name stays, small). */
  async function addLabels(box) {
    const links = [...box.querySelectorAll("a.iri[data-iri]")];
    const iris = [...new Set(links.map((a) => a.dataset.iri))].filter((i) => i.startsWith(config.base)).slice(0, 300);
    if (!iris.length) return;
    const query = `SELECT ?s (SAMPLE(?l) AS ?label) WHERE { VALUES ?s { ${iris.map((i) => `<${i}>`).join(" ")} }
      ?s <http://www.w3.org/2000/01/rdf-schema#label>|<http://www.w3.org/2004/02/skos/core#prefLabel>|<http://schema.org/headline> ?l
      FILTER (LANG(?l) = "en" || LANG(?l) = "") } GROUP BY ?s`;
    try {
      const res = await fetch("/sparql", { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/sparql-results+json" }, body: new URLSearchParams({ query }) });
      if (!res.ok) return;
      const labels = new Map((await res.json()).results.bindings.map((b) => [b.s.value, b.label.value]));
      for (const a of links) {
        const label = labels.get(a.dataset.iri);
        if (label) a.innerHTML = `${esc(label)} <span class="pn">${esc(prefixed(a.dataset.iri) || "")}</span>`;
      }
    } catch (err) { /* labels are a nicety; the names stay */ }
  }

  function renderTable(data) {
    const box = $("results");
    if (typeof data.boolean === "boolean") {
      box.innerHTML = `<table class="rows"><thead><tr><th>ASK</th></tr></thead><tbody><tr><td class="boolean">${data.boolean}</td></tr></tbody></table>`;
      return "1 answer";
    }
    const vars = data.head.vars, rows = data.results.bindings;
    let html = `<table class="rows"><thead><tr>${vars.map((v) => `<th>?${esc(v)}</th>`).join("")}</tr></thead><tbody>`;
    for (const row of rows) html += `<tr>${vars.map((v) => `<td>${cell(row[v])}</td>`).join("")}</tr>`;
    box.innerHTML = html + "</tbody></table>";
    addLabels(box);
    return `${rows.length} row${rows.length === 1 ? "" : "s"}`;
  }

  function renderTurtle(text) {
    // IRIs of our data link to their pages, as in the tables
    const linked = esc(text).replace(/&lt;([^\s&]+)&gt;/g, (all, iri) =>
      webAddress(iri) && iri.startsWith(config.base) ? `&lt;<a href="${pageOf(iri)}">${iri}</a>&gt;` : all);
    $("results").innerHTML = `<pre class="turtle">${linked}</pre>`;
    const lines = text.split("\n").filter((l) => l.trim()).length;
    return `Turtle, ${lines} line${lines === 1 ? "" : "s"}`;
  }

  function shareUrl(query) {
    return `${location.origin}/?query=${encodeURIComponent(query)}`;
  }

  function showDownloads(query, form) {
    const kinds = form === "CONSTRUCT" || form === "DESCRIBE" ? config.formats.graph : config.formats.results;
    const links = kinds.map((f) => {
      const href = `/sparql?${new URLSearchParams({ query, format: f })}`;
      return `<a class="download" data-format="${f}" href="${esc(href)}" download="result.${FILE_EXT[f] || f}">${FORMAT_NAMES[f] || f}</a>`;
    });
    const box = $("downloads");
    box.innerHTML = `Download: ${links.join(" ")}`;
    box.hidden = false;
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
    for (const item of list[1].match(/"(?:[^"\\]|\\.)*"|\[[^\]]*\]|[^,\s][^,]*/g) || []) {
      if (item === "[_]") continue;
      if (/^\['0'\.\.='9'\]$/.test(item)) seen.add("a number");
      else if (item.startsWith("[")) seen.add("a name");
      else seen.add(item.trim());
    }
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
      errorAt = { offset: Math.min(offset, area.value.length), length: 1 };
      where = `Line ${line}, column ${col}: `;
      area.focus();
      area.setSelectionRange(errorAt.offset, errorAt.offset);
    }
    const raw = text.replace(/^syntax error:\s*/, "").replace(/(?:error )?at \d+:\d+:\s*/, "").trim();
    const message = m ? humanize(raw, area.value, errorAt.offset) : raw;
    box.innerHTML = `<strong>${m ? "Syntax error" : "Error"}</strong> ${esc(where)}${esc(message)}`;
    box.hidden = false;
    sync();
  }

  async function run(event) {
    if (event) event.preventDefault();
    const area = $("query"), status = $("status");
    const missing = missingPrefixes(area.value);
    if (missing.length) addPrefixes(missing);
    const query = area.value;
    const form = queryForm(query);
    const graph = form === "CONSTRUCT" || form === "DESCRIBE";
    errorAt = null;
    $("error").hidden = true;
    sync();
    status.textContent = "running…";
    history.replaceState(null, "", `/?query=${encodeURIComponent(query)}`);
    const started = performance.now();
    try {
      const res = await fetch("/sparql", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: graph ? "text/turtle" : "application/sparql-results+json" },
        body: new URLSearchParams({ query }),
      });
      if (!res.ok) {
        showError(await res.text());
        $("results").innerHTML = "";
        $("downloads").hidden = true;
        status.textContent = `error ${res.status}`;
        return;
      }
      const summary = graph ? renderTurtle(await res.text()) : renderTable(await res.json());
      showDownloads(query, form);
      const truncated = res.headers.get("X-SPARQL-Truncated") ? ` (cut at the row limit, ${res.headers.get("X-SPARQL-Row-Limit")})` : "";
      status.textContent = `${summary} in ${Math.round(performance.now() - started)} ms${truncated}`;
    } catch (err) {
      status.textContent = "request failed: " + err;
    }
  }

  function sync() {
    const area = $("query"), pre = $("highlight");
    pre.innerHTML = highlight(area.value);
    pre.scrollTop = area.scrollTop;
    pre.scrollLeft = area.scrollLeft;
  }

  document.addEventListener("DOMContentLoaded", () => {
    config = JSON.parse($("page-config").textContent);
    const area = $("query");
    const shared = new URLSearchParams(location.search).get("query");
    if (shared) area.value = shared;
    area.addEventListener("input", () => { errorAt = null; sync(); });
    area.addEventListener("scroll", sync);
    area.addEventListener("keydown", (e) => {
      if (e.key === "Tab" && !e.shiftKey) {
        e.preventDefault();
        area.setRangeText("  ", area.selectionStart, area.selectionEnd, "end");
        sync();
      }
    });
    document.addEventListener("keydown", (e) => {
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) run(e);
    });
    const examples = JSON.parse($("examples").textContent);
    for (const button of document.querySelectorAll("button.example")) {
      button.addEventListener("click", () => {
        area.value = examples[+button.dataset.index].query;
        sync();
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
