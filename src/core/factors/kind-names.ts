import type { Lang } from '../i18n/lang.js';
import type { FactorKind } from './kinds.js';

/**
 * What each kind of factor table holds, for people: the kind's key (`standard-coal`) stays the
 * stable name in files, options and JSON; a reader of a Chinese table or report sees 折标准煤系数.
 */
const KIND_NAMES: Record<FactorKind, { en: string; zh: string }> = {
  'standard-coal': { en: 'standard coal coefficients', zh: '折标准煤系数' },
  combustion: { en: 'fuel combustion parameters', zh: '化石燃料燃烧参数' },
  grid: { en: 'grid emission factors', zh: '电网排放因子' },
  heat: { en: 'heat emission factor', zh: '热力排放因子' },
  'non-co2': { en: 'CH4 and N2O factors, stationary combustion', zh: '固定源 CH4、N2O 排放因子' },
  'mobile-non-co2': { en: 'CH4 and N2O factors, mobile combustion', zh: '移动源 CH4、N2O 排放因子' },
  gwp: { en: 'global warming potentials', zh: '全球增温潜势（GWP）' },
  'power-coal-rate': { en: 'coal rate of power supply', zh: '供电标准煤耗' },
  targets: { en: 'intensity targets', zh: '强度目标' },
  process: { en: 'industrial process factors', zh: '工业生产过程排放因子' },
};

/** The kind's name in the language; an unknown kind as it is. */
export function kindName(kind: string, lang: Lang): string {
  return KIND_NAMES[kind as FactorKind]?.[lang] ?? kind;
}

/** For a Chinese reader the name with the key (`折标准煤系数（standard-coal）`); in English the key alone. */
export function kindLabel(kind: string, lang: Lang): string {
  return lang === 'zh' && kind in KIND_NAMES ? `${kindName(kind, lang)}（${kind}）` : kind;
}
