import type { Lang } from '../i18n/lang.js';
import type { Tabular } from '../format/tabular.js';

/** A headline figure: rounded for the eye, exact in `exact` (the HTML keeps it in data-value). */
export interface Card {
  key: string;
  /** other totals keys this one figure also stands for (territorial CO2 is all of scope 1) */
  also?: string[] | undefined;
  label: string;
  value: string;
  unit: string;
  exact: string;
  /** the figure in base units, e.g. 16,461,212.76 t */
  detail?: string | undefined;
  note?: string | undefined;
  /** change on the year before, already worded */
  change?: string | undefined;
}

export type Block =
  | { kind: 'cards'; cards: Card[] }
  | { kind: 'chart'; id: string; svg: string; caption: string }
  | { kind: 'table'; table: Tabular; caption?: string | undefined; id?: string | undefined }
  | { kind: 'p'; text: string; tone?: 'note' | 'warn' | undefined }
  | { kind: 'warnings'; items: { severity: 'error' | 'warning'; where: string; message: string; fix: string }[] };

export interface Section {
  id: string;
  title: string;
  blocks: Block[];
}

/** The report as a document, before it is HTML or Markdown: both print the same sections, tables and figures. */
export interface ReportDoc {
  lang: Lang;
  title: string;
  /** lines under the title */
  meta: string[];
  sections: Section[];
  footer: string[];
  /** generator, e.g. jinchang-carbon 0.1.0 */
  generator: string;
}
