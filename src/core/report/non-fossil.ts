import { energyBasisLabel, energyBasisText } from '../calc/energy-basis.js';
import type { NonFossilYear } from '../calc/non-fossil.js';
import type { CalcReport } from '../calc/run.js';
import { Decimal, ZERO } from '../decimal.js';
import { tableRef, type FactorTable } from '../factors/table.js';
import { fixed, grouped, type Decimals } from '../format/number.js';
import type { Tabular } from '../format/tabular.js';
import type { Lang } from '../i18n/lang.js';
import { qualifiedPct } from '../intensity/format.js';
import { shareTargetsFromTables, type ShareTarget } from '../intensity/targets.js';
import type { Block, Card, Section } from './doc.js';
import { PALETTE } from './svg/common.js';
import { lineChart, type LineSeries } from './svg/line.js';

/** The chapter's chart id (checked in Chromium with the others). */
export const NON_FOSSIL_CHART = 'non-fossil-share';

/** Where the chapter's targets come from: the targets tables (bundled, or the user's --factors), for a region. */
export interface ReportNonFossil {
  /** the region whose targets are shown beside the national ones (`--region`, default gansu) */
  region: string;
  /** tables of kind `targets`; the targets are read from them only, never from code */
  tables: readonly FactorTable[];
}

type L = Record<Lang, string>;
const T = {
  title: { en: 'Non-fossil share of energy consumption', zh: '非化石能源消费比重' },
  shareCard: { en: 'Non-fossil share of energy', zh: '非化石能源消费比重' },
  tceCard: { en: 'Non-fossil energy', zh: '非化石能源消费量' },
  lowerBound: { en: 'a lower bound: imported electricity counted as fossil', zh: '下限：调入电力按化石能源计' },
  chart: { en: 'Non-fossil share of energy consumption by year, against the targets (%)', zh: '历年非化石能源消费比重与目标（%）' },
  series: { en: 'Non-fossil share', zh: '非化石能源消费比重' },
  targetSeries: { en: 'Target, {region}', zh: '{region}目标' },
  noShare: { en: 'no share computed', zh: '无法计算比重' },
  year: { en: 'Year', zh: '年份' },
  energy: { en: 'Energy consumption (tce)', zh: '能源消费量(吨标准煤)' },
  primaryKwh: { en: 'Local hydro, wind, solar, nuclear (kWh)', zh: '本地水风光核发电量(千瓦时)' },
  primaryTce: { en: 'of it in standard coal (tce)', zh: '折标准煤(吨)' },
  netKwh: { en: 'Net imported electricity (kWh)', zh: '净调入电量(千瓦时)' },
  netTce: { en: 'Non-fossil part of net imports (tce)', zh: '净调入电力中的非化石部分(吨标准煤)' },
  nfTce: { en: 'Non-fossil energy (tce)', zh: '非化石能源消费量(吨标准煤)' },
  share: { en: 'Share (%)', zh: '比重(%)' },
  note: { en: 'Note', zh: '说明' },
  yearsCaption: { en: 'Non-fossil energy by year', zh: '分年度非化石能源消费' },
  targetsCaption: { en: 'Targets for the non-fossil share (from the targets tables)', zh: '非化石能源消费比重目标（取自目标表）' },
  region: { en: 'Region', zh: '地区' },
  targetYear: { en: 'By', zh: '目标年' },
  target: { en: 'Target', zh: '目标' },
  latest: { en: 'Share in {year}', zh: '{year}年比重' },
  gap: { en: 'Gap (percentage points)', zh: '差距(百分点)' },
  perYear: { en: 'Needed per remaining year (points)', zh: '剩余年份年均需提高(百分点)' },
  document: { en: 'Document (as in the table)', zh: '文件依据（见目标表）' },
  table: { en: 'Table', zh: '目标表' },
  noTargets: { en: 'No targets table with a non-fossil share was given, so no target is shown.', zh: '未提供含非化石能源消费比重的目标表，故不列目标。' },
  method: {
    en: 'Statistical method (as China’s energy statistics): non-fossil energy = (hydro, wind, solar and nuclear electricity generated in the city + the non-fossil part of the net imported electricity) × the tce per kWh of the energy basis, over total energy consumption on the same basis. Local fuel-fired electricity is never added: its fuel is already in the total.',
    zh: '统计法（与能源统计一致）：非化石能源消费量 =（本地水电、风电、光伏、核电发电量 + 净调入电量中的非化石部分）× 能耗口径下每千瓦时折标准煤量，除以同一口径的能源消费总量。本地火电不另计：其燃料已计入能耗。',
  },
  officialBasis: {
    en: 'Published shares (the 14th FYP and carbon-peak targets among them) are on the coal-equivalent basis (发电煤耗法); on the calorific basis primary electricity counts at 122.9 gce/kWh instead of about 300, and the share is much lower. Run the report with --electricity-method coal to measure the share as the targets are measured.',
    zh: '公布的比重（包括“十四五”和碳达峰目标）按发电煤耗法（等价值）计算；按电热当量法，一次电力按 122.9 克标准煤/千瓦时而非约 300 克计，比重明显偏低。与目标对比请加 --electricity-method coal。',
  },
  importGiven: {
    en: 'The non-fossil share of imported electricity, {pct} %, is the user’s --import-non-fossil-share.',
    zh: '调入电力的非化石能源比重 {pct}% 由用户以 --import-non-fossil-share 给出。',
  },
  importTable: {
    en: 'The non-fossil share of imported electricity, {pct} %, is from the table {source}.',
    zh: '调入电力的非化石能源比重 {pct}% 取自 {source}。',
  },
  importNone: {
    en: 'No non-fossil share of imported electricity was given (no provincial table is bundled for it): net imports count as fossil, so the share is a lower bound. Give the supplying grid’s share with --import-non-fossil-share <percent>.',
    zh: '未给出调入电力的非化石能源比重（尚未收录省级数据表）：净调入电力按化石能源计，比重为下限。可用 --import-non-fossil-share <百分比> 给出送端电网的非化石比重。',
  },
  exporter: {
    en: 'In {years} the city exported electricity on balance: the exported kWh take the city’s own generation mix with them (local primary ÷ all local generation), so they are subtracted from the non-fossil energy in that proportion.',
    zh: '{years}年本市电力净调出：调出电量按本地发电结构（本地一次电力 ÷ 全部本地发电量）扣除相应的非化石能源。',
  },
  otherBasis: {
    en: 'On the {basis} the share would be {share} % in {year} ({nf} tce of {energy} tce).',
    zh: '按{basis}，{year}年比重为 {share}%（{energy} 吨标准煤中的 {nf} 吨标准煤）。',
  },
  noEnergy: { en: 'no energy consumption in the data', zh: '数据中没有能源消费' },
  noElectricity: {
    en: 'no electricity consumed or generated in the data: the share needs electricity rows (consumption, and local hydro, wind, solar or nuclear as use=output)',
    zh: '数据中没有电力消费或发电：计算比重需要电力行（电力消费，以及用途为发电量的本地水电、风电、光伏或核电）',
  },
  onlyImports: {
    en: 'the city generates no hydro, wind, solar or nuclear electricity and no non-fossil share of its imported electricity was given (--import-non-fossil-share)',
    zh: '本市无水电、风电、光伏或核电发电量，且未给出调入电力的非化石能源比重（--import-non-fossil-share）',
  },
  noYear: {
    en: 'The non-fossil share cannot be given from this data: {why}.',
    zh: '无法由本数据得出非化石能源消费比重：{why}。',
  },
  chartTargets: {
    en: 'Targets more than ten years after the data ({years}) are in the table, not the chart.',
    zh: '目标年距数据年份十年以上的目标（{years}年）只列于表中，不入图。',
  },
  reached: { en: 'already reached', zh: '已达到' },
  met: { en: 'met', zh: '已完成' },
  missed: { en: 'not met', zh: '未完成' },
  judgedOnLowerBound: { en: 'judged on a lower bound', zh: '按下限判断' },
  national: { en: 'National', zh: '全国' },
  gansu: { en: 'Gansu', zh: '甘肃省' },
} satisfies Record<string, L>;

const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
const num = (d: Decimal, decimals: Decimals) => grouped(fixed(d, decimals));
const HORIZON = 10;

/** Why a year has no share (null when it has one). */
function whyNoShare(calc: CalcReport, y: NonFossilYear): string | null {
  const totals = calc.years.find((t) => t.year === y.year)?.totals;
  if (!totals || totals.energy_tce.isZero() || y.non_fossil_share_pct === null) return 'noEnergy';
  if (totals.net_import_electricity_kwh.isZero() && totals.local_generation_kwh.isZero()) return 'noElectricity';
  // 0 % only because imports counted as fossil is no share: say what is missing instead
  if (y.non_fossil_tce.isZero() && lowerBound(calc, y.year)) return 'onlyImports';
  return null;
}

/** A share is a lower bound when net imports were counted as fossil for want of their share. */
function lowerBound(calc: CalcReport, year: number): boolean {
  const totals = calc.years.find((t) => t.year === year)?.totals;
  return calc.nonFossil.import_share.pct === null && !!totals && totals.net_import_electricity_kwh.greaterThan(0);
}

function regionName(region: string, lang: Lang): string {
  return region === 'national' || region === 'gansu' ? T[region][lang] : region;
}

/** The region's own share targets and the national ones, from the tables: nothing is taken from code. */
export function reportShareTargets(input: ReportNonFossil | undefined): ShareTarget[] {
  if (!input) return [];
  const tiers = [input.tables];
  const own = input.region === 'national' ? [] : shareTargetsFromTables(tiers, input.region).filter((t) => t.fallback_for === undefined);
  const national = shareTargetsFromTables(tiers, 'national');
  return [...own, ...national];
}

/** The tables the chapter's targets came from (for the method chapter's provenance). */
export function nonFossilTargetTables(input: ReportNonFossil | undefined): FactorTable[] {
  const used = new Set(reportShareTargets(input).map((t) => t.source));
  return (input?.tables ?? []).filter((t) => used.has(tableRef(t)));
}

/**
 * The non-fossil chapter: the city's non-fossil share of energy consumption by year (on the basis of energy_tce,
 * said), the regional and national targets from the targets tables with their documents, a chart of the share
 * against the targets, and where the non-fossil share of imported electricity came from. A year whose data
 * cannot give a share says why instead of printing 0.
 */
export function nonFossilSection(calc: CalcReport, options: { lang: Lang; decimals: Decimals; year: number | undefined; targets: ReportNonFossil | undefined }): Section {
  const { lang, decimals } = options;
  const t = (k: keyof typeof T) => T[k][lang];
  const pdec: Decimals = decimals === 'full' ? 'full' : 2;
  const nf = calc.nonFossil;
  const basis = energyBasisText(calc.energyBasis, lang);
  const basisLabel = energyBasisLabel(calc.energyBasis, lang);
  const years = nf.years.map((y) => ({ y, why: whyNoShare(calc, y), lower: lowerBound(calc, y.year) }));
  const withShare = years.filter((r) => r.why === null);
  const blocks: Block[] = [];

  if (withShare.length === 0) {
    const why = years.length === 0 ? t('noElectricity') : [...new Set(years.map((r) => t(r.why as keyof typeof T)))].join(lang === 'zh' ? '；' : '; ');
    blocks.push({ kind: 'p', tone: 'warn', text: fill(t('noYear'), { why }) });
  }

  // cards: the report year (or the latest year with a share)
  const shown = withShare.find((r) => r.y.year === options.year) ?? withShare.at(-1);
  if (shown) {
    const share = shown.y.non_fossil_share_pct!;
    const tce = shown.y.non_fossil_tce;
    const cards: Card[] = [
      {
        key: 'non_fossil_share_pct',
        label: `${t('shareCard')}${lang === 'zh' ? `（${shown.y.year}年）` : `, ${shown.y.year}`}`,
        value: fixed(share, 2),
        unit: '%',
        exact: share.toFixed(),
        detail: `${fixed(share, 6)} %`,
        note: shown.lower ? t('lowerBound') : undefined,
      },
      {
        key: 'non_fossil_tce',
        label: `${t('tceCard')}${lang === 'zh' ? `（${shown.y.year}年）` : `, ${shown.y.year}`}`,
        value: num(tce, 2),
        unit: lang === 'zh' ? '吨标准煤' : 'tce',
        exact: tce.toFixed(),
        detail: `${num(tce, decimals)} ${lang === 'zh' ? '吨标准煤' : 'tce'}`,
        note: basisLabel,
      },
    ];
    blocks.push({ kind: 'cards', cards });
  }
  // the same year on the other basis (calc.bases), so the two can be compared without a second run
  const other = calc.bases.equivalent?.own ? calc.bases.coal : calc.bases.equivalent;
  const otherYear = shown ? other?.years.find((y) => y.year === shown.y.year) : undefined;
  const otherText =
    other && otherYear && otherYear.non_fossil.non_fossil_share_pct !== null
      ? ` ${fill(t('otherBasis'), {
          basis: energyBasisLabel(other.basis, lang),
          share: fixed(otherYear.non_fossil.non_fossil_share_pct, 2),
          year: otherYear.year,
          nf: num(otherYear.non_fossil.non_fossil_tce, decimals),
          energy: num(otherYear.energy_tce, decimals),
        })}`
      : '';
  blocks.push({ kind: 'p', tone: 'note', text: `${basis}${lang === 'zh' ? '。' : '.'}${lang === 'zh' ? otherText.trim() : otherText}` });

  // the targets, with their documents, against the latest share
  const targets = reportShareTargets(options.targets);
  const latest = withShare.at(-1);
  const pct = (d: Decimal) => fixed(d, pdec);
  const targetText = (tg: ShareTarget) => qualifiedPct(`${tg.share_pct.toFixed()}%`, tg.qualifier, lang);
  const targetRows = targets.map((tg) => {
    let gap = '';
    let perYear = '';
    if (latest) {
      const share = latest.y.non_fossil_share_pct!;
      const g = tg.share_pct.minus(share);
      const left = tg.to - latest.y.year;
      if (left > 0) {
        gap = g.greaterThan(0) ? pct(g) : t('reached');
        if (g.greaterThan(0)) perYear = pct(g.dividedBy(left));
      } else {
        const atYear = withShare.find((r) => r.y.year === tg.to);
        if (atYear) gap = atYear.y.non_fossil_share_pct!.greaterThanOrEqualTo(tg.share_pct) ? t('met') : `${t('missed')} (${pct(tg.share_pct.minus(atYear.y.non_fossil_share_pct!))})`;
      }
      if (latest.lower && gap !== '') gap = `${gap}${lang === 'zh' ? `（${t('judgedOnLowerBound')}）` : ` (${t('judgedOnLowerBound')})`}`;
    }
    return [regionName(tg.region, lang), String(tg.to), targetText(tg), latest ? `${pct(latest.y.non_fossil_share_pct!)}%` : '—', gap, perYear, tg.note ?? '', tg.source];
  });

  // the chart: the share by year, each region's targets as a dashed line through its target years
  const lastYear = years.at(-1)?.y.year;
  const charted = targets.filter((tg) => lastYear === undefined || tg.to - lastYear <= HORIZON);
  const left = targets.filter((tg) => !charted.includes(tg));
  const series: LineSeries[] = [
    {
      name: t('series'),
      color: PALETTE[2],
      labels: true,
      points: withShare.map((r) => ({ x: r.y.year, y: r.y.non_fossil_share_pct!, text: `${fixed(r.y.non_fossil_share_pct!, 1)}%` })),
    },
  ];
  const regions = [...new Set(charted.map((tg) => tg.region))];
  regions.forEach((region, i) => {
    series.push({
      name: fill(t('targetSeries'), { region: regionName(region, lang) }),
      color: i === 0 ? PALETTE[5] : '#6b7280',
      dashed: true,
      labels: true,
      kind: 'target',
      points: charted.filter((tg) => tg.region === region).map((tg) => ({ x: tg.to, y: tg.share_pct, text: targetText(tg) })),
    });
  });
  const svg = lineChart({ id: NON_FOSSIL_CHART, title: t('chart'), series: withShare.length > 0 ? series : series.slice(1), lang, unit: '%', emptyText: t('noShare') });
  blocks.push({ kind: 'chart', id: NON_FOSSIL_CHART, svg, caption: `${t('chart')} · ${basisLabel}` });
  if (left.length > 0) blocks.push({ kind: 'p', tone: 'note', text: fill(t('chartTargets'), { years: [...new Set(left.map((tg) => tg.to))].join(', ') }) });

  // by year
  const yearTable: Tabular = {
    columns: [
      { key: 'year', label: t('year'), numeric: false },
      { key: 'energy_tce', label: t('energy'), numeric: true },
      { key: 'local_primary_electricity_kwh', label: t('primaryKwh'), numeric: true },
      { key: 'local_primary_tce', label: t('primaryTce'), numeric: true },
      { key: 'net_import_electricity_kwh', label: t('netKwh'), numeric: true },
      { key: 'net_import_tce', label: t('netTce'), numeric: true },
      { key: 'non_fossil_tce', label: t('nfTce'), numeric: true },
      { key: 'non_fossil_share_pct', label: t('share'), numeric: true },
      { key: 'note', label: t('note'), numeric: false },
    ],
    rows: years.map(({ y, why, lower }) => {
      const totals = calc.years.find((x) => x.year === y.year)?.totals;
      const kwh = (d: Decimal | undefined) => (d === undefined ? '—' : num(d, 0));
      return [
        String(y.year),
        totals ? num(totals.energy_tce, decimals) : '—',
        kwh(totals?.local_primary_electricity_kwh),
        num(y.local_primary_tce, decimals),
        kwh(totals?.net_import_electricity_kwh),
        num(y.net_import_tce, decimals),
        why === null ? num(y.non_fossil_tce, decimals) : '—',
        why === null ? pct(y.non_fossil_share_pct!) : '—',
        why !== null ? t(why as keyof typeof T) : lower ? t('lowerBound') : '',
      ];
    }),
  };
  blocks.push({ kind: 'table', table: yearTable, caption: `${t('yearsCaption')} · ${basisLabel}`, id: 'non-fossil-years' });

  if (targetRows.length > 0) {
    const targetTable: Tabular = {
      columns: [
        { key: 'region', label: t('region'), numeric: false },
        { key: 'to', label: t('targetYear'), numeric: false },
        { key: 'share_pct', label: t('target'), numeric: true },
        { key: 'latest', label: fill(t('latest'), { year: latest ? latest.y.year : '—' }), numeric: true },
        { key: 'gap', label: t('gap'), numeric: true },
        { key: 'per_year', label: t('perYear'), numeric: true },
        { key: 'document', label: t('document'), numeric: false },
        { key: 'table', label: t('table'), numeric: false },
      ],
      rows: targetRows,
    };
    blocks.push({ kind: 'table', table: targetTable, caption: t('targetsCaption'), id: 'non-fossil-targets' });
  } else blocks.push({ kind: 'p', tone: 'note', text: t('noTargets') });

  // how: the method, the import share's source, exports, the basis of the targets
  const importText =
    nf.import_share.pct === null
      ? t('importNone')
      : fill(nf.import_share.source === '--import-non-fossil-share' ? t('importGiven') : t('importTable'), { pct: nf.import_share.pct.toString(), source: nf.import_share.source });
  const notes = [t('method'), importText];
  const exporters = years.filter(({ y }) => y.net_import_non_fossil_kwh.lessThan(ZERO)).map(({ y }) => y.year);
  if (exporters.length > 0) notes.push(fill(t('exporter'), { years: exporters.join(', ') }));
  if (calc.energyBasis.method !== 'coal') notes.push(t('officialBasis'));
  blocks.push({ kind: 'p', tone: 'note', text: notes.join(lang === 'zh' ? '' : ' ') });
  return { id: 'non-fossil', title: t('title'), blocks };
}

/** For tests: the exact share of a year (null when the data cannot give one). */
export function reportShare(calc: CalcReport, year: number): Decimal | null {
  const y = calc.nonFossil.years.find((x) => x.year === year);
  return y && whyNoShare(calc, y) === null ? y.non_fossil_share_pct : null;
}
