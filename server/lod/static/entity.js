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
