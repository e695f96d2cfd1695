// A lean SPARQL editor: a textarea over a highlighted <pre>, the competency questions as
// examples, and results as a table. No external assets: works offline.
"use strict";
(function () {
  const KEYWORDS = /^(SELECT|CONSTRUCT|DESCRIBE|ASK|WHERE|FROM|NAMED|PREFIX|BASE|OPTIONAL|FILTER|UNION|MINUS|GRAPH|SERVICE|BIND|VALUES|AS|DISTINCT|REDUCED|ORDER|BY|GROUP|HAVING|LIMIT|OFFSET|ASC|DESC|NOT|EXISTS|IN|a|COUNT|SUM|MIN|MAX|AVG|SAMPLE|GROUP_CONCAT|SEPARATOR|STR|LANG|IF|COALESCE|STRSTARTS|CONTAINS|REGEX)$/i;
  const TOKEN = /(#[^\n]*)|("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|(<[^<>"{}|^`\\\s]*>)|([?$][A-Za-z_0-9]+)|([A-Za-z_][\w-]*)?:([\w-]*)|([A-Za-z_]+)/g;
  const esc = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

  function highlight(text) {
    let out = "", last = 0, m;
    TOKEN.lastIndex = 0;
    while ((m = TOKEN.exec(text)) !== null) {
      out += esc(text.slice(last, m.index));
      const t = esc(m[0]);
      if (m[1]) out += `<span class="tok-com">${t}</span>`;
      else if (m[2]) out += `<span class="tok-str">${t}</span>`;
      else if (m[3]) out += `<span class="tok-iri">${t}</span>`;
      else if (m[4]) out += `<span class="tok-var">${t}</span>`;
      else if (m[6] !== undefined) out += `<span class="tok-pn">${t}</span>`;
      else if (KEYWORDS.test(m[0])) out += `<span class="tok-kw">${t}</span>`;
      else out += t;
      last = m.index + m[0].length;
    }
    return out + esc(text.slice(last)) + "\n";
  }

  function cell(term) {
    if (!term) return "";
    const text = esc(term.value);
    if (term.type === "uri") {
      const local = term.value.replace(/^https:\/\/seckg\.example\.org\//, "/doc/");
      const href = local.startsWith("/doc/") ? local : term.value;
      return `<a href="${esc(href)}">${text}</a>`;
    }
    return text;
  }

  function render(data) {
    const box = document.getElementById("results");
    if (typeof data.boolean === "boolean") { box.innerHTML = `<p class="rows">${data.boolean}</p>`; return 1; }
    const vars = data.head.vars, rows = data.results.bindings;
    let html = `<table class="rows"><thead><tr>${vars.map((v) => `<th>${esc(v)}</th>`).join("")}</tr></thead><tbody>`;
    for (const row of rows) html += `<tr>${vars.map((v) => `<td>${cell(row[v])}</td>`).join("")}</tr>`;
    box.innerHTML = html + "</tbody></table>";
    return rows.length;
  }

  async function run(event) {
    if (event) event.preventDefault();
    const status = document.getElementById("status");
    const query = document.getElementById("query").value;
    status.textContent = "running…";
    const started = performance.now();
    try {
      const res = await fetch("/sparql", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json" },
        body: new URLSearchParams({ query }),
      });
      if (!res.ok) {
        document.getElementById("results").innerHTML = `<p class="error">${esc(await res.text())}</p>`;
        status.textContent = `error ${res.status}`;
        return;
      }
      const n = render(await res.json());
      const truncated = res.headers.get("X-SPARQL-Truncated") ? " (truncated)" : "";
      status.textContent = `${n} row(s) in ${Math.round(performance.now() - started)} ms${truncated}`;
    } catch (err) {
      status.textContent = "request failed: " + err;
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    const area = document.getElementById("query"), pre = document.getElementById("highlight");
    const sync = () => { pre.innerHTML = highlight(area.value); pre.scrollTop = area.scrollTop; };
    area.addEventListener("input", sync);
    area.addEventListener("scroll", sync);
    sync();
    const examples = JSON.parse(document.getElementById("examples").textContent);
    for (const button of document.querySelectorAll("button.example")) {
      button.addEventListener("click", () => { area.value = examples[+button.dataset.index].query; sync(); run(); });
    }
    document.getElementById("query-form").addEventListener("submit", run);
  });
})();
