import { detectDelimiter } from '../csv-text.js';
import { fieldOfHeader } from '../input/columns.js';
import { nameKey, toHalfWidth } from '../text.js';

export type ProcessField =
  | 'year'
  | 'sector'
  | 'product'
  | 'quantity'
  | 'unit'
  | 'cao_pct'
  | 'mgo_pct'
  | 'purity_pct'
  | 'technology'
  | 'abatement_pct'
  | 'urea_t';

export const requiredProcessFields: ProcessField[] = ['year', 'sector', 'product', 'quantity', 'unit'];

/** Header names accepted for each column of a process file, any case; the first is the canonical one. */
export const processAliases: Record<ProcessField, string[]> = {
  year: ['year', '年份', '年度', '年'],
  sector: ['sector', '部门', '行业', '行业名称', '行业分类', '部门名称'],
  product: ['product', '产品', '产品名称', '产品或原料', '物料', 'material'],
  quantity: ['quantity', '产量', '用量', '消费量', '数量', '实物量', '产品产量', '使用量'],
  unit: ['unit', '单位', '计量单位'],
  cao_pct: ['cao_pct', 'CaO含量', '氧化钙含量', 'CaO%', 'cao'],
  mgo_pct: ['mgo_pct', 'MgO含量', '氧化镁含量', 'MgO%', 'mgo'],
  purity_pct: ['purity_pct', '纯度', '含量', 'purity'],
  technology: ['technology', '工艺', '生产工艺', '技术', '工艺路线', 'route', 'process'],
  abatement_pct: ['abatement_pct', '减排率', '去除率', 'N2O去除率', '分解率', 'abatement'],
  urea_t: ['urea_t', '尿素产量', '尿素', 'urea'],
};

const byKey = new Map<string, ProcessField>();
for (const [field, aliases] of Object.entries(processAliases) as [ProcessField, string[]][]) {
  for (const alias of aliases) byKey.set(nameKey(alias), field);
}

export function processFieldOfHeader(header: string): ProcessField | undefined {
  return byKey.get(nameKey(header));
}

const HEADER_SEARCH = 10;

/**
 * Whether a file is a process file: among its first lines (a title line may come first) a header
 * names a product column and no fuel column. Looks at the text only, so any reader can dispatch.
 */
export function isProcessText(head: string): boolean {
  const text = head.replace(/^\uFEFF/, '');
  const delimiter = detectDelimiter(text);
  const lines = text.split(/\r\n|\n|\r/).filter((l) => l.trim() !== '' && !l.startsWith('#')).slice(0, HEADER_SEARCH);
  for (const line of lines) {
    const cells = line.split(delimiter).map((c) => toHalfWidth(c).trim().replace(/^"|"$/g, '').trim());
    const hasProduct = cells.some((c) => processFieldOfHeader(c) === 'product');
    const hasFuel = cells.some((c) => fieldOfHeader(c) === 'fuel');
    if (hasFuel) return false;
    if (hasProduct) return true;
  }
  return false;
}
