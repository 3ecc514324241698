import type { FactorTable } from '../factors/table.js';
import type { Lang } from '../i18n/lang.js';
import { products, type Product } from './products.js';

/** Technologies of a product that the table has a factor for (and routes without process GHG). */
function technologies(product: Product, table: FactorTable | undefined): string[] {
  return Object.entries(product.technologies)
    .filter(([id]) => product.noGhgRoutes?.[id] !== undefined || table?.rows.some((r) => r.values.product === product.id && r.values.technology === id))
    .map(([id, aliases]) => `${id}=${aliases[0]}`);
}

/** The lines of `template --process`: help as # comments, then the header. */
export function productTemplateLines(table: FactorTable | undefined, lang: Lang): string[] {
  const zh = lang === 'zh';
  const list = products.map((p) => {
    const tech = technologies(p, table);
    const name = zh ? p.zh : `${p.id} (${p.zh})`;
    return tech.length ? `${name} [${tech.join(' ')}]` : name;
  });
  return zh
    ? [
        '# jinchang-carbon 工业生产过程数据模板：每行一个产品（或原料）的年产量/用量，与能源活动数据文件一起交给 calc、validate、report。以 # 开头的行会被忽略。',
        '# 年份：四位数字。部门：国民经济行业分类大类名称或代码（如 30 非金属矿物制品业）。产量：吨或万吨。',
        `# 产品（[ ] 内为可选工艺）：${list.join('；')}`,
        '# CaO含量、MgO含量（水泥熟料、石灰，百分数，如 65.2）：填写后按含量计算，否则用因子表默认值。纯度（碳酸盐，百分数，默认 100）。',
        '# 减排率（硝酸，N2O 去除百分数）。尿素产量（合成氨，吨：其固定的 CO2 按 44/60 扣除）。合成氨的排放取自同年同部门能源活动数据中用途为“原料”的行。',
        '# 硫酸、盐酸、烧碱没有工业过程温室气体，可以填写（会给出提示）。镍、铜、钴冶炼：碳酸盐熔剂按石灰石、白云石等填写；还原剂焦炭、煤留在能源活动数据中。',
        '年份,部门,产品,产量,计量单位,工艺,CaO含量,MgO含量,纯度,减排率,尿素产量,备注',
      ]
    : [
        '# jinchang-carbon process (IPPU) data template: one row per product (or material used) and year; give it to calc, validate and report beside the activity files. Lines starting with # are ignored.',
        '# year: four digits. sector: a GB/T 4754 division name or code (e.g. 30 非金属矿物制品业). quantity: tonnes (t, 吨, 万吨).',
        `# product [technologies]: ${list.join('; ')}`,
        '# cao_pct, mgo_pct (clinker, lime; percent, e.g. 65.2): CO2 from the contents, else the table default. purity_pct (carbonates; percent, default 100).',
        '# abatement_pct (nitric acid: percent of N2O destroyed). urea_t (ammonia: tonnes of urea; its CO2, 44/60 per tonne, is subtracted). Ammonia takes its CO2 from the same year\'s and sector\'s use=feedstock rows of the activity data.',
        '# sulfuric acid, hydrochloric acid, chlor-alkali: accepted, no process greenhouse gas (with a note). Nickel, copper, cobalt smelting: enter carbonate fluxes as limestone, dolomite rows; coke and coal reductants stay in the activity data.',
        'year,sector,product,quantity,unit,technology,cao_pct,mgo_pct,purity_pct,abatement_pct,urea_t,note',
      ];
}
