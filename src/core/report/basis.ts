import { energyBasisLabel, energyBasisShort, type EnergyBasis } from '../calc/energy-basis.js';
import type { Lang } from '../i18n/lang.js';
import type { Block, Section } from './doc.js';

/** Chapters whose energy figures are calc's, on its basis (pathway and decomposition take theirs from other files). */
const SECTIONS = new Set(['summary', 'sectors', 'fuels', 'trend', 'intensity']);
/** Columns that hold energy (tce) or energy per GDP: their heading gets the basis in a few words. */
const ENERGY_COLUMNS = new Set(['energy_tce', 'energy_intensity', 'energy_assessed_tce', 'energy_intensity_assessed', 'feedstock_tce', 'non_fossil_tce']);
/** Charts of energy, and tables of label/value pairs with energy rows: their caption gets the whole basis. */
const ENERGY_CHARTS = new Set(['trend-energy', 'intensity-energy']);
const ENERGY_TABLES = new Set(['totals']);
/** Chapters that show no tce but split CO2 by energy (the Kaya energy-intensity and mix effects): a note says the basis. */
const NOTE_SECTIONS = new Set(['decomposition']);

/** "Energy (tce)" → "Energy (tce, calorific basis)"; "能耗(吨标准煤)" → "能耗(吨标准煤，电热当量法)". */
function withShort(label: string, short: string, lang: Lang): string {
  const comma = lang === 'zh' ? '，' : ', ';
  if (label.endsWith(')') || label.endsWith('）')) return `${label.slice(0, -1)}${comma}${short}${label.slice(-1)}`;
  return lang === 'zh' ? `${label}（${short}）` : `${label} (${short})`;
}

/**
 * States the energy basis on every figure of the report that shows energy (tce): the column heading in a few words
 * ("calorific basis", "发电煤耗法"), the caption in full (the 122.9 gce/kWh, or each year's coal rate with its
 * table), the energy card's note. `fileEnergy`: some energy figures of the trend and intensity chapters come from
 * the indicators file, whose basis is the file's: their captions say so.
 */
export function withEnergyBasis(sections: readonly Section[], basis: EnergyBasis, lang: Lang, fileEnergy = false): Section[] {
  const zh = lang === 'zh';
  const short = energyBasisShort(basis.method, lang);
  const full = `${zh ? '能耗口径：' : 'energy on the '}${energyBasisLabel(basis, lang)}`;
  const fileNote = zh ? '；取自指标文件的能耗按该文件的口径' : '; energy taken from the indicators file is on that file’s basis';
  const fullOf = (section: string) => (fileEnergy && (section === 'trend' || section === 'intensity') ? `${full}${fileNote}` : full);
  const caption = (text: string | undefined, section: string) => (text ? `${text} · ${fullOf(section)}` : fullOf(section).replace(/^./, (c) => c.toUpperCase()));
  return sections.map((s) => {
    if (NOTE_SECTIONS.has(s.id)) {
      const note = zh ? `能耗强度效应和能源结构效应按${energyBasisLabel(basis, lang)}的能耗计算。` : `The energy-intensity and energy-mix effects are measured with energy on the ${energyBasisLabel(basis, lang)}.`;
      return { ...s, blocks: [...s.blocks, { kind: 'p', tone: 'note', text: note }] };
    }
    if (!SECTIONS.has(s.id)) return s;
    const blocks = s.blocks.map((b): Block => {
      if (b.kind === 'chart' && ENERGY_CHARTS.has(b.id)) return { ...b, caption: caption(b.caption, s.id) };
      if (b.kind === 'cards') return { ...b, cards: b.cards.map((c) => (c.key === 'energy_tce' ? { ...c, note: [c.note, short].filter(Boolean).join(' · ') } : c)) };
      if (b.kind !== 'table') return b;
      const energyColumns = b.table.columns.some((c) => ENERGY_COLUMNS.has(c.key));
      if (!energyColumns && !(b.id !== undefined && ENERGY_TABLES.has(b.id))) return b;
      const columns = b.table.columns.map((c) => (ENERGY_COLUMNS.has(c.key) ? { ...c, label: withShort(c.label, short, lang) } : c));
      return { ...b, table: { ...b.table, columns }, caption: caption(b.caption, s.id) };
    });
    return { ...s, blocks };
  });
}
