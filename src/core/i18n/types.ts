/** The shape of every message catalogue entry; the catalogues are merged in messages.ts. */
export type MessageParams = Record<string, string | number>;

export interface MessageText {
  message: (p: MessageParams) => string;
  fix?: (p: MessageParams) => string;
}

export interface MessageEntry {
  en: MessageText;
  zh: MessageText;
}

/** A parameter as text, empty when missing. */
export const s = (v: unknown): string => String(v ?? '');
