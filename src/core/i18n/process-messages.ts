/**
 * Messages about process (IPPU) files and process emissions, in both languages; spread into
 * messages.ts so every diagnostic is looked up in one place.
 */
import { s, type MessageEntry as Entry, type MessageParams as P } from './types.js';

const COLUMN_ZH: Record<string, string> = {
  year: '年份', sector: '部门', product: '产品', quantity: '产量/用量', unit: '计量单位',
  cao_pct: 'CaO含量', mgo_pct: 'MgO含量', purity_pct: '纯度', technology: '工艺', abatement_pct: '减排率', urea_t: '尿素产量',
};
const columnZh = (p: P): string => COLUMN_ZH[s(p.column)] ?? s(p.column);
const productEn = (p: P): string => (p.productEn ? `${s(p.productEn)} (${s(p.product)})` : s(p.product));

export const processMessages = {
  PROCESS_MISSING_COLUMN: {
    en: { message: (p) => `process file: required column "${s(p.column)}" is missing (found: ${s(p.found)})`, fix: (p) => `add a column named ${s(p.aliases)}; \`jinchang-carbon template --process\` prints the header` },
    zh: { message: (p) => `工业过程数据文件缺少必需的列“${columnZh(p)}”（现有列：${s(p.found)}）`, fix: (p) => `增加一列，列名可用 ${s(p.aliases)}；\`jinchang-carbon template --process\` 可打印表头` },
  },
  PROCESS_EMPTY_PRODUCT: {
    en: { message: () => 'product is empty', fix: () => 'fill in the product, e.g. 水泥熟料 / clinker, 石灰 / lime, 硝酸 / nitric_acid' },
    zh: { message: () => '产品为空', fix: () => '填写产品，如 水泥熟料、石灰、硝酸' },
  },
  PROCESS_UNKNOWN_PRODUCT: {
    en: {
      message: (p) => `product "${s(p.value)}" is not a known process product${p.suggestion ? ` (did you mean ${s(p.suggestionEn)} ${s(p.suggestion)}?)` : ''}`,
      fix: () => '`jinchang-carbon template --process` lists the products: clinker, lime, limestone, dolomite, magnesite, soda_ash_use, calcium_carbide, soda_ash, nitric_acid, ammonia, lead, zinc, …',
    },
    zh: {
      message: (p) => `产品“${s(p.value)}”不是可识别的工业过程产品${p.suggestion ? `（是不是“${s(p.suggestion)}”？）` : ''}`,
      fix: () => '`jinchang-carbon template --process` 列出可用产品：水泥熟料、石灰、石灰石、白云石、菱镁矿、纯碱使用、电石、纯碱、硝酸、合成氨、铅、锌等',
    },
  },
  PROCESS_UNIT_NOT_MASS: {
    en: { message: (p) => `unit "${s(p.value)}" is not a unit of mass; process quantities are tonnes of product or material`, fix: () => 'use t, 吨, 万吨 or kg' },
    zh: { message: (p) => `计量单位“${s(p.value)}”不是质量单位；工业过程数据按产品或原料的吨数填写`, fix: () => '使用 吨、万吨、t 或 kg' },
  },
  PROCESS_UNKNOWN_TECHNOLOGY: {
    en: {
      message: (p) => `technology "${s(p.value)}" is not known for ${productEn(p)}`,
      fix: (p) => (p.known ? `use one of: ${s(p.known)}` : 'leave the technology empty: this product has no technologies'),
    },
    zh: {
      message: (p) => `${s(p.product)}没有“${s(p.value)}”这种工艺`,
      fix: (p) => (p.known ? `可用：${s(p.known)}` : '工艺留空：该产品不分工艺'),
    },
  },
  PROCESS_BAD_PCT: {
    en: { message: (p) => `${s(p.column)} "${s(p.value)}" is not a percentage between 0 and 100`, fix: () => 'write a plain number of percent, e.g. 65.2 for 65.2 %' },
    zh: { message: (p) => `${columnZh(p)}“${s(p.value)}”不是 0 到 100 之间的百分数`, fix: () => '填百分数的数值，如 65.2 表示 65.2%' },
  },
  PROCESS_PCT_FRACTION: {
    en: { message: (p) => `${s(p.column)} "${s(p.value)}" is read as ${s(p.value)} %, which looks like a fraction written in a percent column`, fix: (p) => `if you meant ${s(p.percent)} %, write ${s(p.percent)}` },
    zh: { message: (p) => `${columnZh(p)}“${s(p.value)}”按 ${s(p.value)}% 计算，看起来是把小数填进了百分数列`, fix: (p) => `如果是 ${s(p.percent)}%，请填 ${s(p.percent)}` },
  },
  PROCESS_BAD_NUMBER: {
    en: { message: (p) => `${s(p.column)} "${s(p.value)}" is not a number ≥ 0`, fix: () => 'write a plain number of tonnes, e.g. 120000' },
    zh: { message: (p) => `${columnZh(p)}“${s(p.value)}”不是大于等于 0 的数字`, fix: () => '只填吨数，如 120000' },
  },
  PROCESS_PARAMETER_IGNORED: {
    en: { message: (p) => `${s(p.column)} does not apply to ${productEn(p)} and is ignored`, fix: () => 'check that the row and the column are the ones you meant' },
    zh: { message: (p) => `${columnZh(p)}不适用于${s(p.product)}，不参与计算`, fix: () => '检查该行的产品和该列是否填对' },
  },
  PROCESS_NO_FACTOR: {
    en: {
      message: (p) => `the process table ${s(p.table)} has no factor for ${productEn(p)} with technology ${s(p.technology)}`,
      fix: (p) => (p.known ? `give the technology: ${s(p.known)}` : 'choose another process table with --factors, or pass your own'),
    },
    zh: {
      message: (p) => `工业过程因子表 ${s(p.table)} 中没有 ${s(p.product)}（工艺 ${s(p.technology)}）的排放因子`,
      fix: (p) => (p.known ? `请填写工艺：${s(p.known)}` : '用 --factors 选择其他工业过程因子表，或提供自己的因子表'),
    },
  },
  PROCESS_FACTOR_FALLBACK: {
    en: { message: (p) => `${s(p.table)} has no factor for ${productEn(p)} (${s(p.technology)}); the default table ${s(p.fallback)} gives it` },
    zh: { message: (p) => `${s(p.table)} 中没有 ${s(p.product)}（${s(p.technology)}）的因子，改用默认因子表 ${s(p.fallback)}` },
  },
  PROCESS_TECHNOLOGY_ASSUMED: {
    en: { message: (p) => `no technology given for ${productEn(p)}; ${s(p.technology)} is assumed`, fix: () => 'give the kind in the technology column (high_calcium, dolomitic or hydraulic) or the CaO and MgO contents' },
    zh: { message: (p) => `${s(p.product)}未填工艺，按 ${s(p.technology)}（高钙石灰）计算`, fix: () => '在工艺列填写石灰种类（高钙石灰、白云石灰、水硬性石灰），或填写 CaO、MgO 含量' },
  },
  PROCESS_NO_GHG_ROUTE: {
    en: {
      message: (p) =>
        `${productEn(p)} by the ${s(p.technology)} route has no process CO2 here: ${s(p.where) === 'energy' ? 'the CO2 of the coke it burns is counted in energy' : 'its CO2 comes from the ammonia plant and is counted with ammonia'}`,
    },
    zh: {
      message: (p) => `${s(p.product)}（${s(p.technology)}）不计工业过程排放：${s(p.where) === 'energy' ? '所用焦炭的排放已计入能源活动' : '其 CO2 来自合成氨装置，已在合成氨中计算'}`,
    },
  },
  PROCESS_ABATEMENT_TWICE: {
    en: { message: (p) => `the ${s(p.technology)} factor already includes N2O destruction; an abatement on top counts it twice`, fix: () => 'leave abatement_pct empty, or choose the plant technology without abatement' },
    zh: { message: (p) => `${s(p.technology)} 的排放因子已包含 N2O 分解，再填减排率会重复扣减`, fix: () => '减排率留空，或改选不含减排的工艺' },
  },
  AMMONIA_NO_FEEDSTOCK: {
    en: {
      message: (p) => `ammonia in ${s(p.sectorEn)} ${s(p.year)}: no feedstock rows (use=feedstock) in the activity data of that sector and year, so its process CO2 is 0`,
      fix: () => 'enter the coal or gas used as raw material in the activity file with use 原料 / feedstock, same year and sector',
    },
    zh: {
      message: (p) => `${s(p.year)}年${s(p.sector)}的合成氨：活动水平数据中该部门、该年没有原料用能行，工业过程排放按 0 计`,
      fix: () => '在能源活动数据中按同一年份、部门填写用作原料的煤或天然气（用途：原料）',
    },
  },
  PROCESS_UREA_EXCEEDS: {
    en: { message: (p) => `the CO2 recovered into urea (${s(p.urea)} t) is more than the feedstock carbon gives (${s(p.co2)} t CO2)`, fix: () => 'check urea_t (tonnes of urea) and the feedstock rows of this sector and year' },
    zh: { message: (p) => `尿素固定的 CO2（${s(p.urea)} 吨）超过原料碳折算的 CO2（${s(p.co2)} 吨）`, fix: () => '检查尿素产量（吨）以及该部门该年的原料用能数据' },
  },
  PROCESS_NO_GHG: {
    en: {
      message: (p) =>
        s(p.reason) === 'smelting'
          ? `${productEn(p)}: no per-tonne process factor; smelting emissions are its carbonate fluxes (enter limestone / dolomite rows) and its reductants (coke or coal in the activity data)`
          : `${productEn(p)} releases no process greenhouse gas; its emissions are the fuel, electricity and steam in the activity data`,
    },
    zh: {
      message: (p) =>
        s(p.reason) === 'smelting'
          ? `${s(p.product)}：没有按产量计的工业过程因子；冶炼过程排放来自碳酸盐熔剂（请填写石灰石、白云石等行）和还原剂（焦炭、煤在能源活动数据中）`
          : `${s(p.product)}生产没有工业过程温室气体排放；其排放来自能源活动数据中的燃料、电力和蒸汽`,
    },
  },
  FEEDSTOCK_NOT_EMITTED: {
    en: {
      message: (p) =>
        `${s(p.sectorEn)} ${s(p.year)}: ${s(p.tce)} tce of ${s(p.fuelsEn)} used as feedstock count in energy but as no CO2, because no process file row (ammonia) takes their carbon`,
      fix: () => 'if the feedstock makes ammonia, add a process file with an ammonia row for this year and sector (`jinchang-carbon template --process`)',
    },
    zh: {
      message: (p) => `${s(p.year)}年${s(p.sector)}：用作原料的${s(p.fuels)}（${s(p.tce)} 吨标准煤）计入能耗，但不计 CO2，因为没有工业过程数据（合成氨）承接其中的碳`,
      fix: () => '如原料用于生产合成氨，请提供工业过程数据文件，填写该年该部门的合成氨产量（`jinchang-carbon template --process`）',
    },
  },
  NO_PROCESS_TABLE: {
    en: { message: () => 'process rows were given but no process factor table is available', fix: () => 'pass one with --factors <file> (kind: process; see factors/README.md)' },
    zh: { message: () => '给出了工业过程数据，但没有可用的工业过程因子表', fix: () => '用 --factors <文件> 提供（kind: process，格式见 factors/README.md）' },
  },
} satisfies Record<string, Entry>;
