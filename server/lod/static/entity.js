// Entity pages: "relations as of D" on the partner picture (issue 21, finding 4). A tie is
// shown when one of its facts is dated (or attested) on or before D; the others are hidden,
// not greyed, so the picture answers "who had a tie with whom by then". It says nothing of
// whether a tie still held on D: that is what the dates under each name (first-last evidence)
// and the timeline's attested points are for (docs/modelling.md, "As of a day").
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const input = document.getElementById("asof");
  if (!input) return;
  const status = document.getElementById("asof-status");
  const marks = [...document.querySelectorAll("#partners [data-first]")];
  const apply = () => {
    const day = input.value;
    let shown = 0, total = 0;
    for (const el of marks) {
      const later = Boolean(day) && el.dataset.first > day;
      el.classList.toggle("later", later);
      // each picture is drawn twice (wide and narrow): count the partners of one of them
      if (el.matches(".wide-only a")) { total += 1; if (!later) shown += 1; }
    }
    for (const el of document.querySelectorAll("#partners [data-strained-from]")) {
      // before any evidence of the strain (a frozen status, a weakening, critical words) or
      // of the conflict, the tie is drawn plain, in the colour of its kinds
      const before = Boolean(day) && el.dataset.strainedFrom > day;
      el.classList.toggle("unstrained", before);
      el.style.stroke = before ? el.dataset.plain : "";
    }
    status.textContent = day ? `${shown} of ${total} dated partners with a tie on or before ${day}` : "";
    showMemberships(day);
  };
  input.addEventListener("change", apply);
  input.addEventListener("input", apply);
  document.getElementById("asof-all").addEventListener("click", () => { input.value = ""; apply(); });
});

// A dot that stands for several facts links to their entry in the list under the timeline
// (issue 21, findings 8 and 11: a tooltip needs a mouse). Open the list there and move the
// focus to the entry, on a tap or click and on a link opened with such a fragment.
function showCluster() {
  const target = location.hash.startsWith("#cluster-") && document.getElementById(location.hash.slice(1));
  if (!target) return;
  const list = target.closest("details");
  if (list) list.open = true;
  target.scrollIntoView({ block: "center" });
  target.focus({ preventScroll: true });
}
window.addEventListener("hashchange", showCluster);
document.addEventListener("DOMContentLoaded", showCluster);

// A state's memberships on the chosen day, in the words of the model's as-of rule (computed by
// the server with competency question 21's query: /memberships-as-of.json, server/lod/asof.py).
// Built with textContent only: labels come from the data.
// Each answer as (what is bold, the rest). Only a status attested on the day is bold by
// itself: "CSTO: active — unknown …" read as "active" at a glance although the rule's answer
// is "unknown" (issue 18: never "active" where the evidence only says "was, earlier").
const months = (a) => `${a.monthsBefore} month${a.monthsBefore === 1 ? "" : "s"}`;
const WORDS = {
  "attested": (a) => [a.status, `attested on that day (evidence ${a.evidence})`],
  "last attested": (a) => [`last attested ${a.evidence}`, `as ${a.status}, ${months(a)} before that day`],
  "replaced": (a) => ["replaced", `its evidence of ${a.status} (${a.evidence}) is followed by another status reported by that day`],
  "ended": (a) => ["ended", `${a.status}, ended by that day (${a.evidence})`],
  "disputed": (a) => ["sources differ", `${a.endedByLabel} ends it by that day, ${a.attestedAfterEndByLabel} attests it after that end (evidence ${a.evidence}, ${a.status})`],
  "unknown": (a) => ["unknown", `the latest evidence before it (${a.evidence}, ${months(a)} old) says ${a.status}, and another status is attested only later`],
};
let asked = "";
async function showMemberships(day) {
  const box = document.getElementById("asof-memberships");
  if (!box) return;
  asked = day;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) { box.hidden = true; box.replaceChildren(); return; }
  let data;
  try {
    const res = await fetch(`/memberships-as-of.json?entity=${encodeURIComponent(box.dataset.entity)}&day=${day}`);
    data = await res.json();
    if (!res.ok) throw new Error(data.error || res.status);
  } catch (err) {
    if (asked === day) { box.textContent = `Memberships on ${day}: ${err.message}`; box.hidden = false; }
    return;
  }
  if (asked !== day) return; // a later day was asked meanwhile
  const el = (tag, text, cls) => { const e = document.createElement(tag); if (text) e.textContent = text; if (cls) e.className = cls; return e; };
  const head = el("h3", `Memberships on ${day} `);
  head.append(el("small", "(the data model's as-of rule: what the evidence on or before that day says)"));
  const list = el("ul");
  for (const a of data.memberships) {
    const li = el("li", "", "asof-answer");
    li.dataset.answer = a.answer;
    const org = el("a", a.organizationLabel); org.href = a.page;
    const source = el("a", a.sourceLabel); source.href = a.source;
    const [bold, rest] = (WORDS[a.answer] || ((x) => [x.answer, x.status]))(a);
    li.append(org, ": ", el("strong", bold), ` \u2014 ${rest} (per `, source, ")");
    list.append(li);
  }
  if (!data.memberships.length) list.append(el("li", "No evidence of a membership on or before that day."));
  box.replaceChildren(head, list);
  box.hidden = false;
}

// A fact in a folded year (server/lod/sections.py) is opened when the address names it
// ("/doc/id/armenia#membership-armenia-csto"): a link to it must land on something visible.
function openTarget() {
  const id = decodeURIComponent(location.hash.slice(1));
  const target = id && document.getElementById(id);
  if (!target) return;
  for (let d = target.closest("details"); d; d = d.parentElement.closest("details")) d.open = true;
  target.scrollIntoView();
}
document.addEventListener("DOMContentLoaded", openTarget);
window.addEventListener("hashchange", openTarget);
