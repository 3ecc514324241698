import type { Lang } from '../i18n/lang.js';

/** The base units of quantities as a Chinese table writes them; English keeps the symbols. */
const UNIT_ZH: Record<string, string> = { t: '吨', m3: '立方米', kWh: '千瓦时', GJ: '吉焦', tce: '吨标准煤' };

/** "千瓦时" for kWh in Chinese, "kWh" in English; a unit not in the list as it is. */
export function unitWord(unit: string, lang: Lang): string {
  return lang === 'zh' ? (UNIT_ZH[unit] ?? unit) : unit;
}
