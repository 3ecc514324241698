import type { Tabular } from '../format/tabular.js';
import type { Block, Card, ReportDoc } from './doc.js';
import { FONT_STACK, xml } from './svg/common.js';
import { text } from './text.js';

/**
 * One self-contained HTML file: inline CSS and SVG, no script, no font, no image fetched (a CSP
 * forbids it), laid out for the screen and for A4 paper.
 */
export function renderReportHtml(doc: ReportDoc): string {
  const lang = doc.lang === 'zh' ? 'zh-CN' : 'en';
  const toc = doc.sections.map((s, i) => `<li><a href="#${xml(s.id)}">${i + 1}. ${xml(s.title)}</a></li>`).join('');
  const sections = doc.sections
    .map((s, i) => `<section id="${xml(s.id)}" class="section"><h2>${i + 1}. ${xml(s.title)}</h2>\n${s.blocks.map(block).join('\n')}\n</section>`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="${xml(doc.generator)}">
<title>${xml(doc.title)}</title>
<style>${CSS}</style>
</head>
<body>
<main class="report">
<header class="masthead">
<h1>${xml(doc.title)}</h1>
<p class="meta">${doc.meta.map((m) => `<span>${xml(m)}</span>`).join('')}</p>
<nav class="toc" aria-label="${xml(text('contents', doc.lang))}"><ol>${toc}</ol></nav>
</header>
${sections}
<footer class="footer">${doc.footer.map((f) => `<p>${xml(f)}</p>`).join('')}</footer>
</main>
</body>
</html>
`;
}

function block(b: Block): string {
  switch (b.kind) {
    case 'cards':
      return `<div class="cards">${b.cards.map(card).join('')}</div>`;
    case 'chart':
      return `<figure class="chart-figure" id="fig-${xml(b.id)}">${b.svg}<figcaption>${xml(b.caption)}</figcaption></figure>`;
    case 'table':
      return table(b.table, b.caption, b.id);
    case 'p':
      return `<p${b.tone ? ` class="${b.tone}"` : ''}>${xml(b.text)}</p>`;
    case 'warnings':
      return `<ol class="warnings">${b.items
        .map(
          (w) =>
            `<li class="${w.severity}"><span class="where">${xml(w.where)}</span> ${xml(w.message)}${w.fix ? `<br><span class="fix">→ ${xml(w.fix)}</span>` : ''}</li>`,
        )
        .join('')}</ol>`;
  }
}

function card(c: Card): string {
  return (
    `<div class="card" data-key="${xml(c.key)}" data-value="${xml(c.exact)}"${c.also?.length ? ` data-also="${xml(c.also.join(' '))}"` : ''}>` +
    `<div class="card-label">${xml(c.label)}</div>` +
    `<div class="card-value"><span class="num">${xml(c.value)}</span> <span class="unit">${xml(c.unit)}</span></div>` +
    (c.detail ? `<div class="card-detail">${xml(c.detail)}</div>` : '') +
    (c.change ? `<div class="card-change">${xml(c.change)}</div>` : '') +
    (c.note ? `<div class="card-note">${xml(c.note)}</div>` : '') +
    `</div>`
  );
}

function table(t: Tabular, caption: string | undefined, id: string | undefined): string {
  const cls = (numeric: boolean) => (numeric ? ' class="n"' : '');
  const head = t.columns.map((c) => `<th scope="col"${cls(c.numeric)}>${xml(c.label)}</th>`).join('');
  const rows = t.rows.map((r) => `<tr>${r.map((cell, i) => `<td${cls(t.columns[i]!.numeric)}>${xml(cell)}</td>`).join('')}</tr>`).join('\n');
  const total = t.total ? `<tfoot><tr>${t.total.map((cell, i) => `<td${cls(t.columns[i]!.numeric)}>${xml(cell)}</td>`).join('')}</tr></tfoot>` : '';
  const wide = t.columns.length > 7 ? ' wide' : '';
  return (
    `<div class="table-wrap${wide}"><table${id ? ` id="${xml(id)}"` : ''}>` +
    (caption ? `<caption>${xml(caption)}</caption>` : '') +
    `<thead><tr>${head}</tr></thead>\n<tbody>\n${rows}\n</tbody>${total}</table></div>`
  );
}

/** The @font-face of the punctuation an English report takes from a Latin font. */
export const LATIN_PUNCTUATION = 'Latin punctuation';

const CSS = `
:root { --ink: #111827; --muted: #6b7280; --rule: #d1d5db; --soft: #f3f4f6; --accent: #0072B2; --warn: #b45309; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: var(--ink); background: #fff; font-family: ${FONT_STACK}; font-size: 14px; line-height: 1.6; }
/* The CJK fonts first in the stack draw ’ “ ” · × – — … a full em wide (English "city’s" read "city’ s").
   In English these few characters come from a Latin font on the reader's machine (local(): nothing is fetched). */
@font-face { font-family: "${LATIN_PUNCTUATION}"; src: local("Noto Sans"), local("DejaVu Sans"), local("Liberation Sans"), local("Arial"), local("Helvetica Neue"), local("Helvetica"); unicode-range: U+00B7, U+00D7, U+2013-2014, U+2018-201F, U+2026; }
html:lang(en) body, html:lang(en) svg.chart { font-family: "${LATIN_PUNCTUATION}", ${FONT_STACK}; }
.report { max-width: 980px; margin: 0 auto; padding: 28px 32px 48px; }
h1 { font-size: 26px; line-height: 1.3; margin: 0 0 6px; }
h2 { font-size: 19px; margin: 34px 0 12px; padding-bottom: 4px; border-bottom: 2px solid var(--accent); break-after: avoid; page-break-after: avoid; }
.meta { color: var(--muted); margin: 0 0 10px; }
.meta span + span::before { content: " · "; }
.toc ol { margin: 6px 0 0; padding-left: 0; list-style: none; columns: 2; column-gap: 32px; font-size: 13px; }
.toc a { color: var(--accent); text-decoration: none; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(178px, 1fr)); gap: 10px; margin: 8px 0 14px; }
.card { border: 1px solid var(--rule); border-top: 4px solid var(--accent); border-radius: 4px; padding: 10px 12px; break-inside: avoid; }
.card-label { font-weight: bold; font-size: 13px; }
.card-value { margin-top: 2px; }
.card-value .num { font-size: 24px; font-weight: bold; font-variant-numeric: tabular-nums; }
.card-value .unit { color: var(--muted); font-size: 13px; }
.card-detail, .card-note, .card-change { color: var(--muted); font-size: 11.5px; line-height: 1.45; }
.card-change { color: var(--ink); }
figure.chart-figure { margin: 12px 0 16px; break-inside: avoid; page-break-inside: avoid; }
figure.chart-figure svg { display: block; width: 100%; max-width: 760px; height: auto; }
figcaption { color: var(--muted); font-size: 12px; margin-top: 4px; }
p.note { color: #374151; font-size: 13px; background: var(--soft); padding: 8px 12px; border-radius: 4px; }
p.warn { color: var(--warn); font-size: 13px; }
.table-wrap { overflow-x: auto; margin: 8px 0 16px; }
table { border-collapse: collapse; width: 100%; font-size: 12.5px; }
caption { text-align: left; font-weight: bold; padding: 4px 0; }
th, td { border-bottom: 1px solid var(--rule); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: var(--soft); font-weight: bold; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
/* figures never break; headers do, so a table of many columns fits the page (A4 and screen) */
td.n { white-space: nowrap; }
th { overflow-wrap: break-word; }
tfoot td { font-weight: bold; border-top: 2px solid var(--ink); }
.wide th, .wide td { padding: 4px 5px; }
#inputs td:last-child, #factor-tables td:last-child { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 10.5px; word-break: break-all; }
ol.warnings { padding-left: 22px; font-size: 13px; }
ol.warnings li { margin-bottom: 6px; }
ol.warnings li.error { color: #b91c1c; }
.where { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12px; color: var(--muted); }
.fix { color: #374151; }
.footer { margin-top: 36px; padding-top: 8px; border-top: 1px solid var(--rule); color: var(--muted); font-size: 12px; }
@page { size: A4; margin: 14mm 12mm 16mm; }
@media print {
  body { font-size: 10.5pt; }
  .report { max-width: none; padding: 0; }
  .toc { display: none; }
  h2 { margin-top: 18px; }
  section.section { break-before: auto; }
  #trend, #intensity, #method { break-before: page; page-break-before: always; }
  .table-wrap { overflow: visible; }
  table { font-size: 8.5pt; }
  .wide table { font-size: 7.5pt; }
  .wide th, .wide td { padding: 3px 3px; }
  tfoot { display: table-row-group; }
  thead { display: table-header-group; }
  tr, .card, li { break-inside: avoid; page-break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;
