/**
 * Messages of `factors check` and `calc --compare-factors`, in both languages; spread into
 * messages.ts so every diagnostic is looked up in one place.
 */
import { s, type MessageEntry as Entry } from './types.js';

export const factorsMessages = {
  TABLE_GRID_NO_YEAR: {
    en: {
      message: (p) => `a grid table normally describes one data year, but applies_to is "${s(p.value)}"; given with --factors, calc applies it to every data year`,
      fix: () => 'if the factors describe one year, write it, e.g. "# applies_to: 2023", so calc can warn when the data year differs',
    },
    zh: {
      message: (p) => `电网因子表通常只对应一个数据年份，但 applies_to 为“${s(p.value)}”；用 --factors 指定时，calc 将其用于所有数据年份`,
      fix: () => '若因子只对应一个年份，请写明，例如“# applies_to: 2023”，以便数据年份不同时给出提示',
    },
  },
  COMPARE_GRID_YEAR: {
    en: {
      message: (p) =>
        `comparison: the ${s(p.factorYear)} grid factor of ${s(p.table)} replaces the grid factor of ${s(p.dataYear)} data (base run: ${s(p.baseTable)})`,
      fix: () => 'part of the change is the year of the grid factor, not only the new publication',
    },
    zh: {
      message: (p) => `对比：${s(p.dataYear)} 年数据的电网因子改用 ${s(p.table)} 的 ${s(p.factorYear)} 年因子（原计算：${s(p.baseTable)}）`,
      fix: () => '变化中有一部分来自电网因子年份不同，而不只是新发布的因子',
    },
  },
  COMPARE_SAME_TABLE: {
    en: { message: (p) => `comparison: ${s(p.table)} is already the ${s(p.kind)} table of this run; nothing changes for it` },
    zh: { message: (p) => `对比：${s(p.table)} 已是本次计算所用的 ${s(p.kind)} 类因子表，该项没有变化` },
  },
  COMPARE_NOT_USED: {
    en: { message: (p) => `comparison: the data use no ${s(p.kind)} factor, so ${s(p.table)} changes nothing` },
    zh: { message: (p) => `对比：数据未用到 ${s(p.kind)} 类因子，${s(p.table)} 不会带来变化` },
  },
} satisfies Record<string, Entry>;
