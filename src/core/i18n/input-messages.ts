/**
 * Messages about reading activity files that the row messages in messages.ts do not cover: the
 * summary of a kind of problem seen many times, and the limits on hostile input. Merged into the
 * catalogue in messages.ts; same shape: what is wrong, then what to do.
 */
import { s, type MessageEntry as Entry } from './types.js';

const count = (v: unknown) => Number(v ?? 0).toLocaleString('en-US');

export const inputMessages = {
  MORE_OF_KIND: {
    en: {
      message: (p) =>
        `${count(p.count)} more ${p.severity === 'error' ? 'error' : 'warning'}${Number(p.count) === 1 ? '' : 's'} of this kind (${s(p.kind)}: ${s(p.exampleEn)}) not listed one by one; they are at ${Number(p.lines) > 1 ? 'lines ' : Number(p.lines) === 1 ? 'line ' : ''}${s(p.at)}`,
      fix: (p) =>
        p.listed === 'all'
          ? 'they have the cause of those listed above: fix it and run again to see any left'
          : '`jinchang-carbon validate` lists up to 5,000 of each kind',
    },
    zh: {
      message: (p) => `另有 ${s(p.count)} 条同类${p.severity === 'error' ? '错误' : '警告'}（${s(p.kind)}：${s(p.exampleZh)}）未逐条列出，位于${Number(p.lines) > 0 ? `第 ${s(p.at)} 行` : ` ${s(p.at)}`}`,
      fix: (p) => (p.listed === 'all' ? '其原因与上面列出的相同：改正后再运行一次查看剩余问题' : '`jinchang-carbon validate` 每类最多逐条列出 5000 条'),
    },
  },
} satisfies Record<string, Entry>;
