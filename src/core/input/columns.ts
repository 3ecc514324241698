import { nameKey } from '../text.js';

export type Field = 'year' | 'sector' | 'fuel' | 'quantity' | 'unit' | 'use';

export const requiredFields: Field[] = ['year', 'sector', 'fuel', 'quantity', 'unit'];

/** Header names accepted for each field, any case; the first is the canonical one. */
export const fieldAliases: Record<Field, string[]> = {
  year: ['year', '年份', '年度', '年'],
  sector: ['sector', '部门', '行业', '行业名称', '行业分类', '部门名称'],
  fuel: ['fuel', '能源品种', '能源名称', '燃料', '品种', '能源种类', '燃料品种'],
  quantity: ['quantity', '消费量', '实物量', '数量', '消费数量', '实物消费量'],
  unit: ['unit', '单位', '计量单位'],
  use: ['use', '用途', '用能类型'],
};

const byKey = new Map<string, Field>();
for (const [field, aliases] of Object.entries(fieldAliases) as [Field, string[]][]) {
  for (const alias of aliases) byKey.set(nameKey(alias), field);
}

export function fieldOfHeader(header: string): Field | undefined {
  return byKey.get(nameKey(header));
}

/** reductant: coke or coal reducing ore (还原剂); its carbon leaves as CO2, so it is never feedstock */
export type Use = 'energy' | 'feedstock' | 'reductant' | 'output';

const useAliases: Record<Use, string[]> = {
  energy: ['', 'energy', 'fuel', '燃料', '能源', '燃料用', '终端消费', '消费'],
  feedstock: ['feedstock', 'nonenergy', 'non-energy', '原料', '原料用能', '用作原料', '用作原料、材料', '原材料', '材料'],
  reductant: ['reductant', 'reducing agent', 'reductants', '还原剂', '还原剂用', '作还原剂', '用作还原剂'],
  output: ['output', 'generation', 'generated', '产出', '发电', '供热', '产出量', '发电量', '供热量'],
};
const useByKey = new Map<string, Use>();
for (const [use, aliases] of Object.entries(useAliases) as [Use, string[]][]) {
  for (const alias of aliases) useByKey.set(nameKey(alias), use);
}

export function parseUse(raw: string): Use | undefined {
  return useByKey.get(nameKey(raw));
}
