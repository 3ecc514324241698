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
  QUANTITY_TOO_LONG: {
    en: {
      message: (p) => `quantity "${s(p.value)}" has ${count(p.chars)} characters; a quantity has at most ${s(p.max)}`,
      fix: () => 'write the figure as a plain number such as 1234.5; check that the cell holds the quantity and not another column',
    },
    zh: {
      message: (p) => `消费量“${s(p.value)}”有 ${s(p.chars)} 个字符；消费量最多 ${s(p.max)} 个字符`,
      fix: () => '只填数字，如 1234.5；并核对该单元格是否确为消费量',
    },
  },
  QUANTITY_IMPLAUSIBLE: {
    en: {
      message: (p) =>
        `quantity ${s(p.value)} ${s(p.unit)} is outside the plausible range of one row (not zero: at least ${s(p.min)} and below ${s(p.max)} ${s(p.base)}, about ten times the world's annual use)`,
      fix: () => 'check the number and its unit (吨 vs 万吨, an exponent such as E+30 from a spreadsheet); write 0 for nothing',
    },
    zh: {
      message: (p) => `消费量 ${s(p.value)} ${s(p.unit)} 超出单行数据的合理范围（非零时须不小于 ${s(p.min)}、小于 ${s(p.max)} ${s(p.base)}，约为全世界一年用量的十倍）`,
      fix: () => '请核对数字及其单位（吨还是万吨，表格软件写出的 E+30 之类指数）；没有消费请填 0',
    },
  },
  LABEL_TOO_LONG: {
    en: {
      message: (p) => `the ${s(p.column)} "${s(p.value)}" has ${count(p.chars)} characters; a ${s(p.column)} name has at most ${s(p.max)}`,
      fix: () => 'check that the cell holds a name (a missing quote can join many cells into one)',
    },
    zh: {
      message: (p) => `${p.column === 'fuel' ? '能源品种' : '部门'}“${s(p.value)}”有 ${s(p.chars)} 个字符；名称最多 ${s(p.max)} 个字符`,
      fix: () => '请核对该单元格是否为名称（缺少一个引号会把许多单元格连成一格）',
    },
  },
  FILE_CHANGED: {
    en: {
      message: () => 'the file changed while it was read (its size, modification time or inode is not what it was): the totals would be of neither version',
      fix: () => 'run again once nothing is writing the file (or copy it first and read the copy)',
    },
    zh: {
      message: () => '读取期间文件被改动（大小、修改时间或 inode 与开始时不同），结果将不对应任何一个版本',
      fix: () => '待没有程序写入该文件后再运行（或先复制一份再读取副本）',
    },
  },
} satisfies Record<string, Entry>;
