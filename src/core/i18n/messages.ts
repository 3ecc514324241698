/**
 * Every message the user can see, in both languages. Params are filled in by name.
 * A message says what is wrong and what was found; the fix says what to do.
 */
import { factorsMessages } from './factors-messages.js';
import { intensityMessages } from './intensity-messages.js';
import { pathwayMessages } from './pathway-messages.js';
import { decomposeMessages } from './decompose-messages.js';
import { inputMessages } from './input-messages.js';
import { processMessages } from './process-messages.js';

import { s, type MessageEntry as Entry, type MessageParams as P } from './types.js';
/** the fuel as English readers know it, with the Chinese name that appears in their data */
const fuelEn = (p: P): string => (p.fuelEn ? `${s(p.fuelEn)} (${s(p.fuel)})` : s(p.fuel));
const DIMENSION_EN: Record<string, string> = { mass: 'by weight (t)', volume: 'by volume (m3)', electricity: 'in kWh', heat: 'in GJ' };
/** input fields by their Chinese header, for Chinese messages */
const FIELD_ZH: Record<string, string> = { year: '年份', sector: '部门', fuel: '能源品种', quantity: '消费量', unit: '计量单位', use: '用途' };
const fieldZh = (v: unknown): string => FIELD_ZH[s(v)] ?? s(v);
/** A row's use as the input accepts it in Chinese (用途 column). */
const USE_ZH: Record<string, string> = { energy: '燃料', feedstock: '原料', reductant: '还原剂', output: '产出' };
const DIMENSION_ZH: Record<string, string> = { mass: '按质量（吨）', volume: '按体积（立方米）', electricity: '按电量（千瓦时）', heat: '按热量（吉焦）' };

export const messages = {
  FILE_EMPTY: {
    en: { message: () => 'the file is empty', fix: () => 'add a header row and data rows; `jinchang-carbon template` prints one' },
    zh: { message: () => '文件是空的', fix: () => '加上表头和数据行；`jinchang-carbon template` 可打印模板' },
  },
  NO_DATA_ROWS: {
    en: { message: () => 'the file has a header but no data rows; it adds nothing', fix: () => 'add one row per year, sector and fuel, or leave the file out' },
    zh: { message: () => '文件只有表头，没有数据行，不计入任何数据', fix: () => '按年份、部门、能源品种每行填一条数据，或不使用该文件' },
  },
  ENCODING_INVALID: {
    en: {
      message: (p) => `the file is not valid ${s(p.encoding)} text`,
      fix: () => 'save it from Excel as "CSV UTF-8", or pass --encoding gbk or --encoding utf8',
    },
    zh: {
      message: (p) => `文件不是有效的 ${s(p.encoding)} 文本`,
      fix: () => '在 Excel 中另存为“CSV UTF-8”，或用 --encoding gbk / --encoding utf8 指定编码',
    },
  },
  BINARY_FILE: {
    en: { message: () => 'this is not a text (CSV) file', fix: () => 'export the sheet as CSV (File › Save As › CSV UTF-8) and pass that file' },
    zh: { message: () => '这不是文本（CSV）文件', fix: () => '把工作表另存为 CSV（文件 › 另存为 › CSV UTF-8）后再使用' },
  },
  CSV_MALFORMED: {
    en: { message: (p) => `the CSV cannot be read here: ${s(p.detail)}`, fix: () => 'check the quotes on this line: a field that starts with " must end with "' },
    zh: { message: (p) => `此处 CSV 格式有误：${s(p.detail)}`, fix: () => '检查本行引号：以 " 开头的字段必须以 " 结束' },
  },
  MISSING_COLUMN: {
    en: {
      message: (p) => `required column "${s(p.column)}" is missing (found: ${s(p.found)})`,
      fix: (p) => `add a column named ${s(p.aliases)}`,
    },
    zh: {
      message: (p) => `缺少必需的列“${fieldZh(p.column)}”（现有列：${s(p.found)}）`,
      fix: (p) => `增加一列，列名可用 ${s(p.aliases)}`,
    },
  },
  DUPLICATE_COLUMN: {
    en: { message: (p) => `columns "${s(p.first)}" and "${s(p.second)}" both mean ${s(p.column)}`, fix: () => 'keep one of them' },
    zh: { message: (p) => `列“${s(p.first)}”和“${s(p.second)}”都表示${fieldZh(p.column)}`, fix: () => '只保留其中一列' },
  },
  ROW_SHORT: {
    en: {
      message: (p) => `the row has ${s(p.got)} fields but the header has ${s(p.expected)}; "${s(p.column)}" is missing`,
      fix: () => 'fill in the missing fields, or check for a stray line break inside a cell',
    },
    zh: {
      message: (p) => `本行只有 ${s(p.got)} 个字段，表头有 ${s(p.expected)} 个；缺少“${fieldZh(p.column)}”`,
      fix: () => '补全缺少的字段，或检查单元格内是否有多余的换行',
    },
  },
  ROW_LONG: {
    en: { message: (p) => `the row has ${s(p.got)} fields but the header has ${s(p.expected)}; the extra fields are ignored`, fix: () => 'remove the extra fields, or add a header for them' },
    zh: { message: (p) => `本行有 ${s(p.got)} 个字段，表头只有 ${s(p.expected)} 个；多出的字段被忽略`, fix: () => '删去多余字段，或为其加上列名' },
  },
  EMPTY_VALUE: {
    en: { message: (p) => `${s(p.column)} is empty`, fix: (p) => `fill in the ${s(p.column)}` },
    zh: { message: (p) => `${fieldZh(p.column)}为空`, fix: (p) => `填写${fieldZh(p.column)}` },
  },
  BAD_YEAR: {
    en: { message: (p) => `year "${s(p.value)}" is not a four-digit year`, fix: () => 'write the year as four digits, e.g. 2021 (not 21 or 2021年度)' },
    zh: { message: (p) => `年份“${s(p.value)}”不是四位年份`, fix: () => '年份写四位数字，例如 2021' },
  },
  BAD_NUMBER: {
    en: { message: (p) => `quantity "${s(p.value)}" is not a number`, fix: () => 'write a plain number such as 1234.5 or 1,234.5, without units or notes' },
    zh: { message: (p) => `消费量“${s(p.value)}”不是数字`, fix: () => '只填数字，如 1234.5 或 1,234.5，不要带单位或备注' },
  },
  QUANTITY_SPLIT: {
    en: {
      message: (p) => `quantity ${s(p.value)} is split into ${s(p.fields)} fields by its thousands separator, which moves the unit and the columns after it`,
      fix: (p) => `put the number in quotes ("${s(p.value)}"), or write it without separators`,
    },
    zh: {
      message: (p) => `消费量 ${s(p.value)} 中的千位分隔符（逗号）把它拆成了 ${s(p.fields)} 个字段，单位及其后各列都错位了`,
      fix: (p) => `给数字加上引号（"${s(p.value)}"），或去掉千位分隔符`,
    },
  },
  NEGATIVE_QUANTITY: {
    en: { message: (p) => `quantity ${s(p.value)} is negative`, fix: () => 'quantities are consumption, ≥ 0; enter electricity or heat generated in the city with use=output instead' },
    zh: { message: (p) => `消费量 ${s(p.value)} 为负数`, fix: () => '消费量应 ≥ 0；本地发电、供热量请在“用途”列填“产出”' },
  },
  UNKNOWN_FUEL: {
    en: {
      message: (p) => `unknown fuel "${s(p.value)}"${p.suggestion ? ` (did you mean ${s(p.suggestion)}?)` : ''}`,
      fix: () => 'use a fuel name from `jinchang-carbon template`, e.g. 原煤, 柴油, 天然气, 电力',
    },
    zh: {
      message: (p) => `无法识别的能源品种“${s(p.value)}”${p.suggestion ? `（是不是“${s(p.suggestion)}”？）` : ''}`,
      fix: () => '使用 `jinchang-carbon template` 列出的品种名称，如 原煤、柴油、天然气、电力',
    },
  },
  UNKNOWN_UNIT: {
    en: { message: (p) => `unknown unit "${s(p.value)}"`, fix: () => 'use one of t, 万吨, m3, 万立方米, kWh, 万千瓦时, GJ, tce, 万吨标准煤 (see `jinchang-carbon template`)' },
    zh: { message: (p) => `无法识别的计量单位“${s(p.value)}”`, fix: () => '使用 吨、万吨、立方米、万立方米、千瓦时、万千瓦时、吉焦、吨标准煤、万吨标准煤 等（见 `jinchang-carbon template`）' },
  },
  UNIT_MISMATCH: {
    en: {
      message: (p) => `unit "${s(p.unit)}" does not fit ${fuelEn(p)}, which is counted ${DIMENSION_EN[s(p.expected)] ?? s(p.expected)}`,
      fix: (p) => `give ${fuelEn(p)} in ${s(p.examples)}, or in tce`,
    },
    zh: {
      message: (p) => `计量单位“${s(p.unit)}”不适用于${s(p.fuel)}（应${DIMENSION_ZH[s(p.expected)] ?? s(p.expected)}计量）`,
      fix: (p) => `${s(p.fuel)}请用 ${s(p.examples)}，或吨标准煤`,
    },
  },
  BAD_USE: {
    en: { message: (p) => `use "${s(p.value)}" is not one of energy, feedstock, reductant, output`, fix: () => 'leave it empty for ordinary fuel use, or write feedstock (原料), reductant (还原剂) or output (产出)' },
    zh: { message: (p) => `用途“${s(p.value)}”不是 energy（燃料）、feedstock（原料）、reductant（还原剂）、output（产出）之一`, fix: () => '普通燃料消费留空；原料用能填“原料”；冶炼还原用的焦炭、煤填“还原剂”；本地发电供热量填“产出”' },
  },
  USE_NOT_ALLOWED: {
    en: {
      message: (p) => `use=${s(p.use)} does not apply to ${fuelEn(p)}`,
      fix: (p) =>
        p.use === 'output'
          ? 'output rows are electricity or heat generated in the city'
          : p.primary
            ? 'local hydro, wind, solar and nuclear power are entered as generation: use=output (发电量), in kWh'
            : p.use === 'reductant'
              ? 'reductant rows are fossil fuels (coke, coal) that reduce ore, not electricity or heat'
              : 'feedstock rows are fuels used as raw material, not electricity or heat',
    },
    zh: {
      message: (p) => `用途“${USE_ZH[s(p.use)] ?? s(p.use)}”不适用于${s(p.fuel)}`,
      fix: (p) =>
        p.use === 'output'
          ? '“产出”仅用于本地发电量、供热量'
          : p.primary
            ? '本地水电、风电、光伏发电、核电按发电量填写：用途=产出（发电量），单位千瓦时'
            : p.use === 'reductant'
              ? '“还原剂”仅用于冶炼还原用的化石能源（焦炭、煤），不用于电力、热力'
              : '“原料”仅用于作原料的化石能源，不用于电力、热力',
    },
  },
  NO_FACTOR: {
    en: {
      message: (p) => `no ${s(p.kind)} factor for ${fuelEn(p)} in table ${s(p.table)}`,
      fix: () => 'pass --factors with a table that has this fuel, or give the quantity in tce',
    },
    zh: {
      message: (p) => `因子表 ${s(p.table)} 中没有${s(p.fuel)}的${s(p.kind)}因子`,
      fix: () => '用 --factors 指定含该品种的因子表，或以吨标准煤填写',
    },
  },
  NO_GRID_FACTOR: {
    en: { message: (p) => `no grid factor for region "${s(p.region)}" in any bundled year`, fix: (p) => `choose one of: ${s(p.regions)}` },
    zh: { message: (p) => `没有地区“${s(p.region)}”的电网排放因子`, fix: (p) => `可选：${s(p.regions)}` },
  },
  UNKNOWN_SECTOR: {
    en: {
      message: (p) => `sector "${s(p.value)}" is not a GB/T 4754 division or a household row; kept as its own label${p.suggestion ? ` (did you mean ${s(p.suggestion)}?)` : ''}`,
      fix: () => 'use a division name or code such as 32 有色金属冶炼和压延加工业, or 城镇居民生活',
    },
    zh: {
      message: (p) => `部门“${s(p.value)}”不是国民经济行业分类大类或居民生活，按原名称保留${p.suggestion ? `（是不是“${s(p.suggestion)}”？）` : ''}`,
      fix: () => '使用行业大类名称或代码，如 32 有色金属冶炼和压延加工业、城镇居民生活',
    },
  },
  DUPLICATE_ROW: {
    en: { message: (p) => `same year, sector, fuel and use as line ${s(p.other)} of ${s(p.otherFile)}; both are counted`, fix: () => 'delete one if it is a copy, or add a column (e.g. enterprise) that tells them apart' },
    zh: { message: (p) => `与 ${s(p.otherFile)} 第 ${s(p.other)} 行的年份、部门、品种、用途相同；两行都会计入`, fix: () => '若是重复请删去一行；否则加一列（如企业名称）加以区分' },
  },
  SCALE_OUTLIER: {
    en: {
      message: (p) => `quantity is ${s(p.ratio)}× the typical ${fuelEn(p)} figure of this sector across years (${s(p.typical)} ${s(p.unit)})`,
      fix: () => 'check the unit: 吨 vs 万吨, 千瓦时 vs 万千瓦时',
    },
    zh: {
      message: (p) => `消费量是本部门各年份${s(p.fuel)}常见值（${s(p.typical)} ${s(p.unit)}）的 ${s(p.ratio)} 倍`,
      fix: () => '请核对单位：吨还是万吨，千瓦时还是万千瓦时',
    },
  },
  POWER_SECTOR_ELECTRICITY: {
    en: {
      message: () =>
        "the power and heat sector consumes electricity but no generation is entered as output: if this is the plants' own use (厂用电) of their own generation, its energy is counted twice (once in the fuel burned, once here)",
      fix: () => 'enter the plants\' gross generation as a row with use=output (then own use balances), or keep here only electricity bought from the grid',
    },
    zh: {
      message: () => '电力、热力生产和供应业有电力消费，但没有以“产出”填写发电量：若为电厂自发自用（厂用电），其能耗已含在燃料投入中，会被重复计算',
      fix: () => '以 用途=产出 填写电厂的发电量（毛发电量），厂用电即可平衡；否则此处只填从电网购入的电量',
    },
  },
  AGGREGATE_ENERGY_SECTOR: {
    en: {
      message: (p) =>
        `"${s(p.sector)}" (${s(p.sectorEn)}) is an aggregate row; all of its scope 1 is counted as power and heat plants (left out of the consumption view), though gas and water supply belong elsewhere`,
      fix: () => 'split the row into 44 电力、热力生产和供应业, 45 燃气生产和供应业 and 46 水的生产和供应业',
    },
    zh: {
      message: (p) => `“${s(p.sector)}”是合计行，其范围一排放全部按电力、热力生产计（消费端口径中扣除），但其中燃气、水的生产和供应不属于此类`,
      fix: () => '请拆分为 44 电力、热力生产和供应业、45 燃气生产和供应业、46 水的生产和供应业',
    },
  },
  GRID_YEAR_MISMATCH: {
    en: {
      message: (p) =>
        `grid factor of ${s(p.factorYear)} (${s(p.region)}) used for ${s(p.dataYear)} data: ` +
        (p.why === 'table'
          ? `the grid table you chose, ${s(p.table)}, describes ${s(p.factorYear)}`
          : p.why === 'requested'
            ? `as --grid-year ${s(p.factorYear)} asks`
            : `no ${s(p.target)} factor is published; nearest is ${s(p.factorYear)} (${s(p.table)})`),
      fix: (p) =>
        p.why === 'nearest'
          ? `pass --grid-year to choose the year explicitly (published: ${s(p.published)})`
          : "drop the option to use each data year's own published factor",
    },
    zh: {
      message: (p) =>
        `${s(p.dataYear)} 年数据使用了 ${s(p.factorYear)} 年的电网因子（${s(p.regionZh || p.region)}）：` +
        (p.why === 'table'
          ? `所选电网因子表 ${s(p.table)} 对应 ${s(p.factorYear)} 年`
          : p.why === 'requested'
            ? `按 --grid-year ${s(p.factorYear)} 指定`
            : `未发布 ${s(p.target)} 年因子，取最近的 ${s(p.factorYear)} 年（${s(p.table)}）`),
      fix: (p) => (p.why === 'nearest' ? `可用 --grid-year 明确指定因子年份（已发布：${s(p.published)}）` : '去掉该选项即按各数据年份自己的因子计算'),
    },
  },
  GRID_YEAR_UNPUBLISHED: {
    en: {
      message: (p) =>
        `--grid-year ${s(p.requested)}: no ${s(p.region)} grid factor is published for ${s(p.requested)}; the nearest, ${s(p.factorYear)} (${s(p.table)}), is used for ${s(p.dataYear)} data`,
      fix: (p) => `choose a published year: ${s(p.published)}`,
    },
    zh: {
      message: (p) =>
        `--grid-year ${s(p.requested)}：未发布 ${s(p.requested)} 年的${s(p.regionZh || p.region)}电网因子；${s(p.dataYear)} 年数据改用最近的 ${s(p.factorYear)} 年（${s(p.table)}）`,
      fix: (p) => `请选择已发布的年份：${s(p.published)}`,
    },
  },
  COAL_RATE_YEAR_MISMATCH: {
    en: { message: (p) => `no power-supply coal rate published for ${s(p.dataYear)}; the ${s(p.factorYear)} rate is used`, fix: () => 'pass your own power-coal-rate table with --factors for that year' },
    zh: { message: (p) => `没有 ${s(p.dataYear)} 年的供电标准煤耗，使用 ${s(p.factorYear)} 年数值`, fix: () => '可用 --factors 提供该年的供电煤耗表' },
  },
  COAL_RATE_UNVERIFIED: {
    en: { message: (p) => `the ${s(p.year)} coal rate ${s(p.rate)} gce/kWh (${s(p.table)}) has no source seen: it is a recollection of the CEC series`, fix: () => 'check it against the CEC annual statistics or the China Energy Statistical Yearbook, or pass your own power-coal-rate table with --factors' },
    zh: { message: (p) => `${s(p.year)} 年供电标准煤耗 ${s(p.rate)} 克/千瓦时（${s(p.table)}）未见出处，为中电联数据的回忆值`, fix: () => '请用中电联年度统计或《中国能源统计年鉴》核对，或用 --factors 提供自己的供电煤耗表' },
  },
  OUTPUT_WITHOUT_INPUT: {
    en: {
      message: (p) =>
        p.sector
          ? `${s(p.year)}: ${fuelEn(p)} output of ${s(p.sectorEn)} (${s(p.sector)}) is netted as a captive plant's, but that sector lists no fuel input`
          : `${s(p.year)}: ${fuelEn(p)} output is netted but no fuel input of the power and heat sector is listed`,
      fix: (p) =>
        p.sector
          ? "list the captive plant's fuel input in the same sector, or drop the output row; enter local wind, solar and hydro as 风电, 光伏发电, 水电 (use=output), which are not netted"
          : "list the plants' fuel input (sector 电力、热力生产和供应业), or drop the output row; enter local wind, solar and hydro as 风电, 光伏发电, 水电 (use=output), which are not netted",
    },
    zh: {
      message: (p) =>
        p.sector
          ? `${s(p.year)} 年：按自备电厂扣除了${s(p.sector)}的${s(p.fuel)}产出，但该部门没有燃料投入`
          : `${s(p.year)} 年：扣除了${s(p.fuel)}产出，但没有电力、热力生产和供应业的燃料投入`,
      fix: (p) =>
        p.sector
          ? '在同一部门补充自备电厂的燃料投入，或删去产出行；本地风电、光伏、水电请以 风电、光伏发电、水电（用途=产出）填写，不扣除'
          : '补充电厂、热厂的燃料投入，或删去产出行；本地风电、光伏、水电请以 风电、光伏发电、水电（用途=产出）填写，不扣除',
    },
  },
  REDUCTANT_AS_FEEDSTOCK: {
    en: {
      message: (p) =>
        `reductant? ${fuelEn(p)} is entered as feedstock in ${s(p.sectorEn)} (${s(p.sector)}): outside the chemical industry (26, 28) coke and coal used as raw material are almost always reductants, whose carbon all leaves as CO2; as feedstock it gets no CO2`,
      fix: () => 'if it reduces ore (smelting), write use=reductant (还原剂); keep feedstock only for carbon that stays in the product (ammonia, methanol, olefins; 发改环资〔2022〕803号)',
    },
    zh: {
      message: (p) =>
        `还原剂？${s(p.sector)}的${s(p.fuel)}以“原料”填写：化工（26、28）以外作原料的焦炭、煤几乎都是还原剂，其碳全部以 CO2 排放；按原料计则不计 CO2`,
      fix: () => '如用于冶炼还原，请填 用途=还原剂；“原料”只用于碳留在产品中的用途（合成氨、甲醇、烯烃等，发改环资〔2022〕803号）',
    },
  },
  // factor tables
  TABLE_MISSING_KEY: {
    en: { message: (p) => `factor table has no "# ${s(p.key)}:" line`, fix: (p) => `add "# ${s(p.key)}: …" to the header block (see factors/README.md)` },
    zh: { message: (p) => `因子表缺少“# ${s(p.key)}:”一行`, fix: (p) => `在表头说明中加入“# ${s(p.key)}: …”（见 factors/README.md）` },
  },
  TABLE_BAD_KIND: {
    en: { message: (p) => `unknown table kind "${s(p.value)}"`, fix: (p) => `use one of ${s(p.kinds)}` },
    zh: { message: (p) => `未知的因子表类型“${s(p.value)}”`, fix: (p) => `可用类型：${s(p.kinds)}` },
  },
  TABLE_BAD_ID: {
    en: { message: (p) => `table id "${s(p.value)}" is not lowercase letters, digits and hyphens`, fix: () => 'write the id like cn-gbt2589' },
    zh: { message: (p) => `因子表编号“${s(p.value)}”只能由小写字母、数字和连字符组成`, fix: () => '例如 cn-gbt2589' },
  },
  TABLE_BAD_COLUMNS: {
    en: { message: (p) => `a ${s(p.kind)} table needs the columns ${s(p.expected)}; found ${s(p.found)}`, fix: (p) => `make the header row: ${s(p.expected)}` },
    zh: { message: (p) => `${s(p.kind)} 类因子表需要列 ${s(p.expected)}；实际为 ${s(p.found)}`, fix: (p) => `表头行应为：${s(p.expected)}` },
  },
  TABLE_BAD_VALUE: {
    en: { message: (p) => `${s(p.column)} "${s(p.value)}" is not ${s(p.expected)}`, fix: (p) => `write ${s(p.column)} as ${s(p.expected)}` },
    zh: { message: (p) => `${s(p.column)}“${s(p.value)}”不是${s(p.expectedZh ?? p.expected)}`, fix: (p) => `${s(p.column)}应为${s(p.expectedZh ?? p.expected)}` },
  },
  TABLE_VALUE_RANGE: {
    en: {
      message: (p) => `${s(p.column)} ${s(p.value)} is outside the plausible range ${s(p.min)}–${s(p.max)} ${s(p.unit)}`.trimEnd(),
      fix: () =>
        'check the unit (tC/GJ written for tC/TJ, kgCO2/kWh × 1000, a percent for a fraction) and the decimal point; if the value is right, say why in a header line "# out_of_range: <reason>"',
    },
    zh: {
      message: (p) => `${s(p.column)} ${s(p.value)} 超出合理范围 ${s(p.min)}–${s(p.max)} ${s(p.unit)}`.trimEnd(),
      fix: () => '请核对单位（如把 tC/GJ 当作 tC/TJ、kgCO2/kWh 放大了 1000 倍、百分数当作小数）和小数点；若数值确实无误，请在表头加一行“# out_of_range: 原因”说明',
    },
  },
  TABLE_VALUE_RANGE_ACCEPTED: {
    en: {
      message: (p) => `${s(p.column)} ${s(p.value)} is outside the plausible range ${`${s(p.min)}–${s(p.max)} ${s(p.unit)}`.trimEnd()}; accepted, as the table says: ${s(p.reason)}`,
    },
    zh: {
      message: (p) => `${s(p.column)} ${s(p.value)} 超出合理范围 ${`${s(p.min)}–${s(p.max)} ${s(p.unit)}`.trimEnd()}；按因子表的说明采用：${s(p.reason)}`,
    },
  },

  TABLE_UNKNOWN_FUEL: {
    en: { message: (p) => `unknown fuel id "${s(p.value)}"`, fix: () => 'use an id from factors/dictionary/fuels.csv, e.g. raw_coal, diesel, natural_gas' },
    zh: { message: (p) => `未知的能源品种编号“${s(p.value)}”`, fix: () => '使用 factors/dictionary/fuels.csv 中的编号，如 raw_coal、diesel、natural_gas' },
  },
  TABLE_DUPLICATE_KEY: {
    en: { message: (p) => `"${s(p.key)}" appears twice (first on line ${s(p.first)})`, fix: () => 'keep one row per key' },
    zh: { message: (p) => `“${s(p.key)}”出现两次（首次在第 ${s(p.first)} 行）`, fix: () => '每个键只保留一行' },
  },
  TABLE_NO_ROWS: {
    en: { message: () => 'factor table has no rows', fix: () => 'add at least one value row under the header' },
    zh: { message: () => '因子表没有数据行', fix: () => '在表头下至少加一行数值' },
  },
  TABLE_DUPLICATE_VERSION: {
    en: { message: (p) => `table ${s(p.ref)} is defined twice, with other values in ${s(p.other)}`, fix: () => 'give one of the two files another version (or id)' },
    zh: { message: (p) => `因子表 ${s(p.ref)} 重复定义，${s(p.other)} 中的同名表数值不同`, fix: () => '为其中一个文件另起版本号（或编号）' },
  },
  TABLE_DUPLICATE_BUNDLED: {
    en: {
      message: (p) => `table ${s(p.ref)} is already the bundled table ${s(p.other)}, with other values`,
      fix: (p) => `give your file another version (or id); to use the bundled table, name it: --factors ${s(p.ref)}`,
    },
    zh: {
      message: (p) => `因子表 ${s(p.ref)} 与内置因子表 ${s(p.other)} 同名，数值不同`,
      fix: (p) => `为你的文件另起版本号（或编号）；要用内置表，请写 --factors ${s(p.ref)}`,
    },
  },
  ...factorsMessages,
  ...intensityMessages,
  ...pathwayMessages,
  ...decomposeMessages,
  ...inputMessages,
  ...processMessages,
} satisfies Record<string, Entry>;

export type MessageCode = keyof typeof messages;
