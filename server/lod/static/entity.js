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
