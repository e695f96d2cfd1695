// The query page's timeline view of a result (issue 21, finding 11): when a column holds dates
// (xsd:date, gYearMonth, gYear, dateTime, or text written as one), each row becomes a line of
// the picture with its label, a dot at its date and the date written beside it, so nothing
// needs a hover or a tap to be read. A partial date is drawn like the entity timeline does:
// the dot in the middle of the span it names, the span as a pale bar ("2023" is somewhere in
// 2023, not 1 January). Hand-written, no library (none was measured against it); the table
// stays the text alternative (the picture is role="img" with no tab stops). Used by query.js.
"use strict";
window.seckgTimeline = (function () {
  const XSD = "http://www.w3.org/2001/XMLSchema#";
  const DATE_TYPES = new Set(["date", "gYearMonth", "gYear", "dateTime"].map((t) => XSD + t));
  const DATE_TEXT = /^(-?\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T[\d:.]+(?:Z|[+-]\d{2}:\d{2})?)?$/;
  const MAX_ROWS = 500;
  const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

  /** [start, end) of a date's span in fractional years, or null if it is not a date. */
  function span(term) {
    if (!term || term.type !== "literal") return null;
    if (term.datatype && !DATE_TYPES.has(term.datatype) && term.datatype !== XSD + "string") return null;
    const m = DATE_TEXT.exec(term.value.trim());
    if (!m) return null;
    const y = +m[1];
    const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    const days = leap ? 366 : 365;
    const dayOfYear = (mo, d) => (Date.UTC(y, mo - 1, d) - Date.UTC(y, 0, 1)) / 86400000;
    if (!m[2]) return [y, y + 1];
    const mo = +m[2];
    if (!m[3]) return [y + dayOfYear(mo, 1) / days, mo === 12 ? y + 1 : y + dayOfYear(mo + 1, 1) / days];
    const start = y + dayOfYear(mo, +m[3]) / days;
    return [start, start + 1 / days];
  }

  /** The variables most of whose bound values are dates. */
  function dateColumns(vars, rows) {
    return vars.filter((v) => {
      let bound = 0, dated = 0;
      for (const row of rows) if (row[v]) { bound += 1; if (span(row[v])) dated += 1; }
      return dated > 0 && dated * 2 >= bound;
    });
  }

  /** SVG of the rows by the date in ``dateVar``; ``name(row)`` gives each row's label. */
  function draw(width, rows, dateVar, name) {
    const items = rows
      .map((row) => ({ row, span: span(row[dateVar]) }))
      .filter((it) => it.span)
      .sort((a, b) => a.span[0] - b.span[0])
      .slice(0, MAX_ROWS);
    if (!items.length) return "";
    const narrow = width < 600;
    const font = 12, rowH = 20, top = 28;
    const labelW = Math.min(narrow ? width * 0.42 : width * 0.34, 320);
    const dateW = 78; // room for the date written right of the last dot
    const x0 = labelW + 12, x1 = width - dateW;
    let lo = Math.min(...items.map((it) => it.span[0])), hi = Math.max(...items.map((it) => it.span[1]));
    lo = Math.floor(lo); hi = Math.max(Math.ceil(hi), lo + 1);
    const x = (t) => x0 + ((t - lo) / (hi - lo)) * (x1 - x0);
    const step = [1, 2, 5, 10, 20, 50, 100].find((s) => ((x1 - x0) / (hi - lo)) * s >= 48) || 100;
    const height = top + items.length * rowH + 8;
    const out = [`<svg xmlns="http://www.w3.org/2000/svg" class="result-timeline" role="img" aria-label="${esc(`Timeline of ${items.length} rows by ?${dateVar}; the table has the same rows`)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="sans-serif">`];
    for (let yr = lo; yr <= hi; yr += 1) {
      if (yr % step !== 0) continue;
      out.push(`<line class="grid" x1="${x(yr).toFixed(1)}" y1="${top - 6}" x2="${x(yr).toFixed(1)}" y2="${height - 8}" stroke="#cfd8dc"/>`);
      out.push(`<text class="tick" x="${x(yr).toFixed(1)}" y="${top - 10}" font-size="${font - 1}" text-anchor="middle" fill="#455a64">${yr}</text>`);
    }
    const chars = Math.max(8, Math.floor(labelW / (font * 0.56)));
    items.forEach((it, i) => {
      const y = top + i * rowH + rowH / 2;
      const label = name(it.row) || "";
      const shown = label.length > chars ? label.slice(0, chars - 1) + "…" : label;
      const [a, b] = it.span, mid = (a + b) / 2, date = it.row[dateVar].value.trim();
      out.push(`<g class="row"><title>${esc(`${label}: ${date}`)}</title>`);
      out.push(`<text class="label" x="${labelW}" y="${y + 4}" font-size="${font}" text-anchor="end">${esc(shown)}</text>`);
      if (x(b) - x(a) > 3) out.push(`<rect class="span" x="${x(a).toFixed(1)}" y="${y - 3}" width="${(x(b) - x(a)).toFixed(1)}" height="6" fill="#90caf9"/>`);
      out.push(`<circle class="dot" cx="${x(mid).toFixed(1)}" cy="${y}" r="4.5" fill="#1565c0"/>`);
      out.push(`<text class="when" x="${(x(b) + 6).toFixed(1)}" y="${y + 4}" font-size="${font - 1}" fill="#37474f">${esc(date.slice(0, 10))}</text></g>`);
    });
    const more = rows.length > items.length ? `<p class="hint">${items.length} of ${rows.length} rows are drawn (the ones with a date${rows.length > MAX_ROWS ? `, at most ${MAX_ROWS}` : ""}).</p>` : "";
    return out.join("") + "</svg>" + more;
  }

  return { span, dateColumns, draw };
})();
