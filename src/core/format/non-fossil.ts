import type { NonFossilSummary } from '../calc/non-fossil.js';
import type { Decimal } from '../decimal.js';
import type { Lang } from '../i18n/lang.js';
import { fixed, grouped, type Decimals } from './number.js';

/** How the figure was made: the import share and its source, and the parts per year. */
export function nonFossilJson(nf: NonFossilSummary, decimals: Decimals): Record<string, unknown> {
  const n = (v: Decimal | null) => (v === null ? null : fixed(v, decimals));
  return {
    method: 'statistical: (local primary generation + non-fossil part of net imported electricity + other) x tce per kWh of the energy basis, over energy_tce',
    import_share_pct: nf.import_share.pct === null ? null : nf.import_share.pct.toString(),
    import_share_source: nf.import_share.source,
    years: nf.years.map((y) => ({
      year: y.year,
      tce_per_kwh: y.tce_per_kwh.toString(),
      local_primary_tce: n(y.local_primary_tce),
      net_import_non_fossil_kwh: n(y.net_import_non_fossil_kwh),
      net_import_tce: n(y.net_import_tce),
      other_tce: n(y.other_tce),
      non_fossil_tce: n(y.non_fossil_tce),
      non_fossil_share_pct: n(y.non_fossil_share_pct),
    })),
  };
}

/** One line for people under the totals. */
export function nonFossilText(nf: NonFossilSummary, lang: Lang, decimals: Decimals): string {
  const zh = lang === 'zh';
  const share = nf.import_share.pct === null
    ? zh ? '调入电力按化石能源计（未给出非化石比重，为下限）' : 'imported electricity counted as fossil (no share given: a lower bound)'
    : zh ? `调入电力非化石比重 ${nf.import_share.pct.toString()}%（${nf.import_share.source}）` : `imported electricity ${nf.import_share.pct.toString()} % non-fossil (${nf.import_share.source})`;
  const years = nf.years
    .map((y) => {
      const pct = y.non_fossil_share_pct === null ? '—' : `${fixed(y.non_fossil_share_pct, decimals)}%`;
      const tce = grouped(fixed(y.non_fossil_tce, decimals));
      return zh ? `${y.year} 年 ${tce} 吨标准煤，占能耗 ${pct}` : `${y.year}: ${tce} tce, ${pct} of energy`;
    })
    .join(zh ? '；' : '; ');
  return zh
    ? `非化石能源（统计法，与能耗同一口径）：${years}；本地水风光核发电量加调入电力中的非化石部分，${share}`
    : `Non-fossil energy (statistical method, same basis as energy): ${years}; local hydro, wind, solar and nuclear generation plus the non-fossil part of net imports, ${share}`;
}
