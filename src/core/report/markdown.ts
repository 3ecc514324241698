import { toMarkdown } from '../format/tabular.js';
import type { Block, ReportDoc } from './doc.js';
import { text } from './text.js';

/** The report as Markdown: the same sections, figures and tables as the HTML, without the charts. */
export function renderReportMarkdown(doc: ReportDoc): string {
  const out: string[] = [`# ${doc.title}`, '', doc.meta.join(' · '), '', `> ${text('chartsInHtml', doc.lang)}`, ''];
  doc.sections.forEach((s, i) => {
    out.push(`## ${i + 1}. ${s.title}`, '');
    for (const b of s.blocks) {
      const md = block(b, doc.lang);
      if (md) out.push(md, '');
    }
  });
  out.push('---', '', ...doc.footer.map((f) => `_${escapeInline(f)}_`).flatMap((f) => [f, '']));
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

function block(b: Block, lang: 'zh' | 'en'): string {
  switch (b.kind) {
    case 'cards': {
      const head = lang === 'zh' ? '| 指标 | 数值 | 精确值 | 说明 |' : '| Indicator | Value | Exact | Note |';
      const rows = b.cards.map(
        (c) => `| **${cell(c.label)}** | ${cell(`${c.value} ${c.unit}`)} | ${cell(c.detail ?? '')} | ${cell([c.change, c.note].filter(Boolean).join('; '))} |`,
      );
      return [head, '| --- | ---: | ---: | --- |', ...rows].join('\n');
    }
    case 'chart':
      return '';
    case 'table':
      return (b.caption ? `**${escapeInline(b.caption)}**\n\n` : '') + toMarkdown({ ...b.table, rows: b.table.rows.map((r) => r.map(inline)), total: b.table.total?.map(inline) }).trimEnd();
    case 'p':
      return b.tone === 'note' ? `> ${escapeInline(b.text)}` : escapeInline(b.text);
    case 'warnings':
      return b.items
        .map((w, i) => `${i + 1}. ${w.where ? `\`${w.where.replace(/`/g, "'")}\` ` : ''}${escapeInline(w.message)}${w.fix ? ` — ${escapeInline(w.fix)}` : ''}`)
        .join('\n');
  }
}

/** Markdown table cells: one line, pipes escaped. */
function cell(s: string): string {
  return inline(s).replace(/\|/g, '\\|');
}

function inline(s: string): string {
  return s.replace(/[\r\n]+/g, ' ').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Text that must not turn into Markdown or HTML by accident. */
function escapeInline(s: string): string {
  return inline(s).replace(/([\\*_[\]])/g, '\\$1');
}
