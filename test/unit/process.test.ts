import { describe, expect, it } from 'vitest';
import { loadBundled } from '../../src/bundled.js';
import { runCalculation, type CalcRequest } from '../../src/core/calc/run.js';
import { formatDiagnostic } from '../../src/core/diagnostics.js';
import { isProcessText } from '../../src/core/process/columns.js';
import { noteText } from '../../src/core/format/process.js';

const bundled = loadBundled();
const enc = (text: string) => new TextEncoder().encode(text);

function run(files: Record<string, string>, request: CalcRequest = {}) {
  return runCalculation(
    Object.entries(files).map(([path, text]) => ({ path, bytes: enc(text) })),
    bundled.dict,
    bundled.registry,
    { grid: 'national', gridYear: 2022, ...request },
  );
}

function ok(files: Record<string, string>, request: CalcRequest = {}) {
  const report = run(files, request);
  expect(report.diagnostics.filter((d) => d.severity === 'error').map((d) => formatDiagnostic(d, 'en'))).toEqual([]);
  return report;
}

const processHeader = 'year,sector,product,quantity,unit,technology,cao_pct,mgo_pct,purity_pct,abatement_pct,urea_t\n';

describe('process files are told apart from activity files by their header', () => {
  it('product (产品, 产品名称) without fuel is a process file, also below a title line', () => {
    expect(isProcessText(processHeader)).toBe(true);
    expect(isProcessText('金昌市工业产品产量\n年份,部门,产品名称,产量,单位\n')).toBe(true);
    expect(isProcessText('\uFEFF年份,部门,产品,用量,计量单位\n')).toBe(true);
    expect(isProcessText('year,sector,fuel,quantity,unit\n')).toBe(false);
    expect(isProcessText('year,sector,fuel,product,quantity,unit\n')).toBe(false);
  });
});

describe('process emissions, worked out by hand from ipcc2006-ippu@2006', () => {
  it('1,200,000 t clinker × 0.52 = 624,000 t CO2 (Tier 1 default), scope 1, IV.1, CRF 2.A.1', () => {
    const r = ok({ 'p.csv': processHeader + '2021,30,水泥熟料,120,万吨,,,,,,\n' });
    expect(r.processLines).toHaveLength(1);
    const l = r.processLines[0]!;
    expect(l.co2.toString()).toBe('624000');
    expect(l.co2e.toString()).toBe('624000');
    expect([l.scope, l.category, l.crf, l.basis]).toEqual(['1', 'IV.1', '2.A.1', 'default']);
    expect(r.totals.process_co2_t!.toString()).toBe('624000');
    expect(r.totals.inventory_co2e_t!.toString()).toBe('624000');
  });

  it('clinker with 65.2 % CaO: 0.652 × 0.78480 = 0.51169 t/t (0.5116896), 1,000 t → 511.6896 t', () => {
    const r = ok({ 'p.csv': processHeader + '2021,30,clinker,1000,t,,65.2,,,,\n' });
    const l = r.processLines[0]!;
    expect(l.factor!.toString()).toBe('0.5116896');
    expect(l.factor!.toFixed(5)).toBe('0.51169');
    expect(l.co2.toString()).toBe('511.6896');
    expect(l.basis).toBe('contents');
  });

  it('clinker with CaO and MgO: 0.65 × 0.78480 + 0.02 × 1.09193 = 0.5319586 t/t', () => {
    const r = ok({ 'p.csv': processHeader + '2021,30,clinker,1,t,,65,2,,,\n' });
    expect(r.processLines[0]!.co2.toString()).toBe('0.5319586');
  });

  it('50,000 t limestone at 92 % purity: 50,000 × 0.92 × 0.43971 = 20,226.66 t', () => {
    const r = ok({ 'p.csv': processHeader + '2021,32,石灰石,5,万吨,,,,92,,\n' });
    const l = r.processLines[0]!;
    expect(l.co2.toString()).toBe('20226.66');
    // a carbonate burned as a flux in non-ferrous smelting is reported under the metal (2.C.7)
    expect(l.crf).toBe('2.C.7');
  });

  it('80,000 t HNO3, medium pressure, 7 kg N2O/t: 560 t N2O × 265 (AR5) = 148,400 t CO2e', () => {
    const r = ok({ 'p.csv': processHeader + '2021,26,硝酸,80000,t,中压法,,,,,\n' });
    const l = r.processLines[0]!;
    expect(l.n2o.toString()).toBe('560');
    expect(l.co2.toString()).toBe('0');
    expect(l.co2e.toString()).toBe('148400');
    expect(l.crf).toBe('2.B.2');
    expect(r.totals.process_co2_t!.toString()).toBe('0');
    expect(r.totals.process_n2o_t!.toString()).toBe('560');
    expect(r.totals.process_co2e_t!.toString()).toBe('148400');
    // AR4 (298): 560 × 298 = 166,880
    expect(ok({ 'p.csv': processHeader + '2021,26,nitric acid,80000,t,medium_pressure,,,,,\n' }, { gwp: 'ar4' }).processLines[0]!.co2e.toString()).toBe('166880');
  });

  it('nitric acid with 80 % abatement: 560 × (1 − 0.8) = 112 t N2O', () => {
    const r = ok({ 'p.csv': processHeader + '2021,26,硝酸,80000,t,medium_pressure,,,,80,\n' });
    expect(r.processLines[0]!.n2o.toString()).toBe('112');
  });

  it('lime by kind (Table 2.4): 1,000 t dolomitic × 0.77 = 770 t; hydraulic × 0.59 = 590 t', () => {
    const r = ok({ 'p.csv': processHeader + '2021,30,石灰,1000,t,白云石灰,,,,,\n2021,30,lime,1000,t,hydraulic,,,,,\n' });
    expect(r.processLines.map((l) => l.co2.toString())).toEqual(['770', '590']);
  });

  it('lime without a kind: high-calcium 0.75 assumed, with a warning', () => {
    const r = ok({ 'p.csv': processHeader + '2021,30,石灰,1000,t,,,,,,\n' });
    expect(r.processLines[0]!.co2.toString()).toBe('750');
    expect(r.diagnostics.map((d) => d.code)).toContain('PROCESS_TECHNOLOGY_ASSUMED');
  });

  it('calcium carbide 1,000 t × 1.090 = 1,090 t; natural soda ash 1,000 t × 0.138 = 138 t; soda ash used 100 t × 0.41492', () => {
    const r = ok({ 'p.csv': processHeader + '2021,26,电石,1000,t,,,,,,\n2021,26,纯碱,1000,t,天然碱,,,,,\n2021,32,纯碱使用,100,t,,,,,,\n' });
    expect(r.processLines.map((l) => l.co2.toString())).toEqual(['1090', '138', '41.492']);
  });

  it('zinc (Waelz kiln 3.66) and lead (default 0.52)', () => {
    const r = ok({ 'p.csv': processHeader + '2021,32,锌,100,t,waelz,,,,,\n2021,32,铅,100,t,,,,,,\n' });
    expect(r.processLines.map((l) => [l.co2.toString(), l.crf])).toEqual([['366', '2.C.6'], ['52', '2.C.5']]);
  });

  it('sulfuric acid, hydrochloric acid and chlor-alkali are accepted with a note and no process GHG', () => {
    const r = ok({ 'p.csv': processHeader + '2021,26,硫酸,2000000,t,,,,,,\n2021,26,盐酸,1000,t,,,,,,\n2021,26,烧碱,1000,t,,,,,,\n' });
    expect(r.processLines.map((l) => l.co2e.toString())).toEqual(['0', '0', '0']);
    // said beside the figures as notes, not warned about
    expect(r.notes.filter((d) => d.code === 'PROCESS_NO_GHG')).toHaveLength(3);
    expect(r.diagnostics).toEqual([]);
  });

  it('Solvay soda ash has no process CO2 (its coke is counted in energy), with a note', () => {
    const r = ok({ 'p.csv': processHeader + '2021,26,纯碱,1000,t,氨碱法,,,,,\n' });
    expect(r.processLines[0]!.co2.toString()).toBe('0');
    expect(noteText(r.notes.find((d) => d.code === 'PROCESS_NO_GHG_ROUTE')!, 'zh')).toContain('所用焦炭的排放已计入能源活动');
  });
});

describe('ammonia takes its carbon from the feedstock rows of its year and sector (IPCC 2006 Vol 3 eq. 3.1)', () => {
  const activity = 'year,sector,fuel,quantity,unit,use\n2021,26,天然气,1000,万m3,原料\n2021,26,天然气,100,万m3,\n';

  it('10,000,000 m3 of feedstock gas: 389,310 GJ × 15.3 tC/TJ × 0.99 × 44/12 = 21,621.88809 t, less urea 5,000 t × 44/60', () => {
    // feedstock: 1000 × 10^4 m3 × 389.31 GJ/10^4m3 = 389,310 GJ × 15.3/1000 = 5,956.443 tC × 0.99 = 5,896.87857 × 44/12
    //          = 21,621.88809 t CO2; urea: 5,000 × 44/60 = 3,666.6667 t; ammonia CO2 = 17,955.22142 t
    const r = ok({ 'a.csv': activity, 'p.csv': processHeader + '2021,26,合成氨,10000,t,,,,,,5000\n' });
    const l = r.processLines[0]!;
    expect(l.feedstock.map((f) => f.co2.toString())).toEqual(['21621.88809']);
    expect(l.ureaCo2.toFixed(4)).toBe('3666.6667');
    expect(l.co2.toFixed(5)).toBe('17955.22142');
    expect([l.crf, l.basis]).toEqual(['2.B.1', 'feedstock']);
    // energy is unchanged by the process file: the feedstock stays in energy with no combustion CO2
    const energyOnly = ok({ 'a.csv': activity });
    expect(r.totals.energy_tce.toString()).toBe(energyOnly.totals.energy_tce.toString());
    expect(r.totals.co2_t.toString()).toBe(energyOnly.totals.co2_t.toString());
    expect(r.totals.territorial_co2e_t.toString()).toBe(energyOnly.totals.territorial_co2e_t.toString());
    expect(r.totals.inventory_co2e_t!.toString()).toBe(energyOnly.totals.territorial_co2e_t.plus(l.co2e).toString());
    expect(r.notes.map((d) => d.code)).not.toContain('FEEDSTOCK_NOT_EMITTED');
  });

  it('without a process row the feedstock stays without CO2, and a note in the output says so', () => {
    const r = ok({ 'a.csv': activity });
    expect(r.diagnostics).toEqual([]);
    const d = r.notes.find((x) => x.code === 'FEEDSTOCK_NOT_EMITTED')!;
    expect(noteText(d, 'en')).toBe(
      'a.csv:2: Manufacture of Raw Chemical Materials and Chemical Products 2021: 13300 tce of Natural Gas used as feedstock count in energy but as no CO2, because no process file row (ammonia) takes their carbon (if the feedstock makes ammonia, add a process file with an ammonia row for this year and sector (`jinchang-carbon template --process`))',
    );
    expect(r.totals.process_co2_t).toBeUndefined();
  });

  it('two ammonia rows in one sector share its feedstock in proportion to their output', () => {
    const r = ok({ 'a.csv': activity, 'p.csv': processHeader + '2021,26,合成氨,3000,t,,,,,,\n2021,26,合成氨,1000,t,,,,,,\n' });
    expect(r.processLines.map((l) => l.co2.toString())).toEqual(['16216.4160675', '5405.4720225']);
  });

  it('an ammonia row with no feedstock in its sector gives 0 and a warning', () => {
    const r = ok({ 'p.csv': processHeader + '2021,26,合成氨,1000,t,,,,,,\n' });
    expect(r.processLines[0]!.co2.toString()).toBe('0');
    expect(r.diagnostics.map((d) => d.code)).toContain('AMMONIA_NO_FEEDSTOCK');
  });
});

describe('bad process rows get file:line:column messages in both languages', () => {
  const messages = (text: string, lang: 'en' | 'zh') => run({ 'p.csv': text }).diagnostics.map((d) => formatDiagnostic(d, lang));

  it('unknown product, with a suggestion', () => {
    const text = processHeader + '2021,30,水泥熟科,1000,t,,,,,,\n';
    expect(messages(text, 'en')).toEqual([
      'p.csv:2:3: error: product "水泥熟科" is not a known process product (did you mean cement clinker 水泥熟料?) (fix: `jinchang-carbon template --process` lists the products: clinker, lime, limestone, dolomite, magnesite, soda_ash_use, calcium_carbide, soda_ash, nitric_acid, ammonia, lead, zinc, …)',
    ]);
    expect(messages(text, 'zh')).toEqual([
      'p.csv:2:3: 错误: 产品“水泥熟科”不是可识别的工业过程产品（是不是“水泥熟料”？）（改法：`jinchang-carbon template --process` 列出可用产品：水泥熟料、石灰、石灰石、白云石、菱镁矿、纯碱使用、电石、纯碱、硝酸、合成氨、铅、锌等）',
    ]);
  });

  it('a unit that is not a mass, and a percent out of range', () => {
    const text = processHeader + '2021,32,石灰石,1000,万m3,,,,120,,\n';
    expect(messages(text, 'en')).toEqual([
      'p.csv:2:5: error: unit "万m3" is not a unit of mass; process quantities are tonnes of product or material (fix: use t, 吨, 万吨 or kg)',
      'p.csv:2:9: error: purity_pct "120" is not a percentage between 0 and 100 (fix: write a plain number of percent, e.g. 65.2 for 65.2 %)',
    ]);
    expect(messages(text, 'zh')).toEqual([
      'p.csv:2:5: 错误: 计量单位“万m3”不是质量单位；工业过程数据按产品或原料的吨数填写（改法：使用 吨、万吨、t 或 kg）',
      'p.csv:2:9: 错误: 纯度“120”不是 0 到 100 之间的百分数（改法：填百分数的数值，如 65.2 表示 65.2%）',
    ]);
  });

  it('an unknown technology, and nitric acid without one', () => {
    const text = processHeader + '2021,26,硝酸,1000,t,超高压,,,,,\n';
    const missing = processHeader + '2021,26,硝酸,1000,t,,,,,,\n';
    const en = [...messages(text, 'en'), ...messages(missing, 'en')];
    expect(en[0]).toBe(
      'p.csv:2:6: error: technology "超高压" is not known for nitric acid (硝酸) (fix: use one of: nscr (非选择性催化还原), integrated (尾气分解), atmospheric (常压法), low_pressure (低压法), medium_pressure (中压法), high_pressure (高压法), dual_pressure (双加压法), combined (综合法))',
    );
    expect(en[1]).toBe(
      'p.csv:2: error: the process table ipcc2006-ippu@2006 has no factor for nitric acid (硝酸) with technology (none) (fix: give the technology: nscr, integrated, atmospheric, medium_pressure, high_pressure)',
    );
    expect(messages(missing, 'zh')[0]).toBe(
      'p.csv:2: 错误: 工业过程因子表 ipcc2006-ippu@2006 中没有 硝酸（工艺 (none)）的排放因子（改法：请填写工艺：nscr, integrated, atmospheric, medium_pressure, high_pressure）',
    );
  });

  it('a missing product column, and a fraction in a percent column', () => {
    expect(messages('年份,部门,产品,产量\n2021,30,熟料,1\n', 'zh')[0]).toBe(
      'p.csv:1: 错误: 工业过程数据文件缺少必需的列“计量单位”（现有列：年份, 部门, 产品, 产量）（改法：增加一列，列名可用 "unit" / "单位" / "计量单位"；`jinchang-carbon template --process` 可打印表头）',
    );
    expect(messages(processHeader + '2021,30,clinker,1,t,,0.652,,,,\n', 'en')).toEqual([
      'p.csv:2:7: warning: cao_pct "0.652" is read as 0.652 %, which looks like a fraction written in a percent column (fix: if you meant 65.2 %, write 65.2)',
    ]);
  });

  it('urea recovering more CO2 than the feedstock gives', () => {
    const text = processHeader + '2021,26,合成氨,1000,t,,,,,,1000\n';
    expect(messages(text, 'en')).toContain(
      'p.csv:2:11: error: the CO2 recovered into urea (733.33 t) is more than the feedstock carbon gives (0 t CO2) (fix: check urea_t (tonnes of urea) and the feedstock rows of this sector and year)',
    );
  });
});

describe('process factor tables', () => {
  it('cn-provincial-2011-ippu is marked unverified and is not the default', () => {
    const t = bundled.registry.resolve('cn-provincial-2011-ippu')!;
    expect(t.meta.status).toBe('unverified');
    expect(t.rows.every((r) => String(r.values.note).startsWith('unverified'))).toBe(true);
    expect(bundled.registry.defaultFor('process')!.meta.id).toBe('ipcc2006-ippu');
  });

  it('with cn-provincial-2011-ippu chosen, clinker uses 0.538 and a product it lacks falls back to the default, with a warning', () => {
    const r = ok({ 'p.csv': processHeader + '2021,30,熟料,1000,t,,,,,,\n2021,32,石灰石,1000,t,,,,100,,\n' }, { factors: ['cn-provincial-2011-ippu'] });
    expect(r.processLines.map((l) => [l.co2.toString(), l.tables.join(' ')])).toEqual([
      ['538', 'cn-provincial-2011-ippu@2011'],
      ['439.71', 'ipcc2006-ippu@2006'],
    ]);
    expect(r.diagnostics.map((d) => d.code)).toContain('PROCESS_FACTOR_FALLBACK');
  });
});
