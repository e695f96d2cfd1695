// Every page: suggestions under the search boxes while typing (issue 21, finding 10), as an
// ARIA combobox: arrows move, Enter opens the highlighted entity, Escape closes. The answers
// come from /search.json (the same ranking as the search page); nothing else is loaded.
"use strict";
(function () {
  const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  let serial = 0;

  function attach(input) {
    const id = `suggest-${++serial}`;
    const list = document.createElement("ul");
    list.id = id;
    list.className = "suggest";
    list.setAttribute("role", "listbox");
    list.hidden = true;
    input.after(list);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", id);
    input.setAttribute("aria-expanded", "false");
    input.autocomplete = "off";
    let timer = 0, active = -1, asked = 0, items = [];

    const close = () => {
      list.hidden = true;
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    };
    const mark = () => {
      [...list.children].forEach((li, i) => li.setAttribute("aria-selected", i === active ? "true" : "false"));
      if (active >= 0) input.setAttribute("aria-activedescendant", `${id}-${active}`);
      else input.removeAttribute("aria-activedescendant");
    };
    async function ask() {
      const text = input.value;
      if (!text.trim()) { close(); return; }
      const ticket = ++asked;
      try {
        const res = await fetch(`/search.json?${new URLSearchParams({ q: text, limit: "8" })}`);
        if (ticket !== asked) return; // a newer keystroke has asked since
        items = res.ok ? (await res.json()).results : [];
      } catch (err) { items = []; }
      if (!items.length) { close(); return; }
      list.innerHTML = items.map((h, i) => {
        const context = [h.type, h.date, h.description].filter(Boolean).join(" · ");
        return `<li role="option" id="${id}-${i}" aria-selected="false"><a href="${esc(h.page)}" tabindex="-1"><span class="label">${esc(h.label)}</span><span class="context">${esc(context)}</span></a></li>`;
      }).join("");
      active = -1;
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }
    input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(ask, 120); });
    input.addEventListener("keydown", (e) => {
      if (list.hidden) return;
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        const n = list.children.length;
        active = e.key === "ArrowDown" ? (active + 1) % n : (active - 1 + n) % n;
        mark();
      } else if (e.key === "Enter" && active >= 0) {
        e.preventDefault();
        location.href = items[active].page;
      } else if (e.key === "Escape") close();
    });
    input.addEventListener("blur", () => setTimeout(close, 200));
  }

  document.addEventListener("DOMContentLoaded", () => {
    for (const input of document.querySelectorAll("form[role=search] input[type=search]")) attach(input);
  });
})();
