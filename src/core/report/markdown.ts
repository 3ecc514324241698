import { markdownText, toMarkdown } from '../format/tabular.js';
import type { Block, ReportDoc } from './doc.js';
import { text } from './text.js';

/** The report as Markdown: the same sections, figures and tables as the HTML, without the charts. */
export function renderReportMarkdown(doc: ReportDoc): string {
  // --title and --city are the user's words: escaped like every other text, as the HTML report escapes them
  const out: string[] = [`# ${escapeInline(doc.title)}`, '', doc.meta.map(escapeInline).join(' · '), '', `> ${text('chartsInHtml', doc.lang)}`, ''];
  doc.sections.forEach((s, i) => {
    out.push(`## ${i + 1}. ${escapeInline(s.title)}`, '');
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
      return (b.caption ? `**${escapeInline(b.caption)}**\n\n` : '') + toMarkdown(b.table).trimEnd();
    case 'p':
      return b.tone === 'note' ? `> ${escapeInline(b.text)}` : escapeInline(b.text);
    case 'warnings':
      return b.items
        .map((w, i) => `${i + 1}. ${w.where ? `\`${w.where.replace(/`/g, "'")}\` ` : ''}${escapeInline(w.message)}${w.fix ? ` — ${escapeInline(w.fix)}` : ''}`)
        .join('\n');
  }
}

/** Markdown table cells: one line, nothing read as Markdown or HTML. */
function cell(s: string): string {
  return markdownText(s);
}

/** Text that must not turn into Markdown or HTML by accident, nor start a heading, quote or list. */
function escapeInline(s: string): string {
  return markdownText(s).replace(/^(\s*)([#>+\-=]|\d+[.)])/, (_, space: string, mark: string) => `${space}${mark.replace(/[#>+\-=.)]/, (c) => `\\${c}`)}`);
}
