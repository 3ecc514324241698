import type { Lang } from './i18n/lang.js';
import { messages, type MessageCode } from './i18n/messages.js';

/** A problem found in the input or in a factor table: a value, never thrown. */
export interface Diagnostic {
  severity: 'error' | 'warning';
  code: MessageCode;
  file?: string;
  line?: number;
  /** 1-based column number */
  column?: number;
  params: Record<string, string | number>;
}

export function error(
  code: MessageCode,
  params: Record<string, string | number> = {},
  at: { file?: string | undefined; line?: number | undefined; column?: number | undefined } = {},
): Diagnostic {
  return located({ severity: 'error', code, params }, at);
}

export function warning(
  code: MessageCode,
  params: Record<string, string | number> = {},
  at: { file?: string | undefined; line?: number | undefined; column?: number | undefined } = {},
): Diagnostic {
  return located({ severity: 'warning', code, params }, at);
}

function located(
  d: Diagnostic,
  at: { file?: string | undefined; line?: number | undefined; column?: number | undefined },
): Diagnostic {
  if (at.file !== undefined) d.file = at.file;
  if (at.line !== undefined) d.line = at.line;
  if (at.column !== undefined) d.column = at.column;
  return d;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

export function describe(d: Diagnostic, lang: Lang): { message: string; fix: string | undefined } {
  const entry = messages[d.code];
  // entries without a fix are allowed: the message alone says what to do
  const text: { message: (p: Diagnostic['params']) => string; fix?: (p: Diagnostic['params']) => string } = entry[lang];
  return {
    message: text.message(d.params),
    fix: text.fix?.(d.params),
  };
}

/** `file:line:column: message (fix)`: the shape editors and grep understand. */
export function formatDiagnostic(d: Diagnostic, lang: Lang): string {
  const where = [d.file, d.line, d.column].filter((x) => x !== undefined).join(':');
  const { message, fix } = describe(d, lang);
  const label =
    lang === 'zh' ? (d.severity === 'error' ? '错误' : '警告') : d.severity === 'error' ? 'error' : 'warning';
  const fixText = fix ? (lang === 'zh' ? `（改法：${fix}）` : ` (fix: ${fix})`) : '';
  // one line per diagnostic, whatever a quoted cell held (a line break in a quantity shows as \n)
  return `${where ? where + ': ' : ''}${label}: ${message}${fixText}`.replace(/\r\n|\r|\n/g, '\\n');
}

/** Stable JSON form of a diagnostic, for machine output. */
export function diagnosticToJson(d: Diagnostic, lang: Lang): Record<string, unknown> {
  const { message, fix } = describe(d, lang);
  return {
    severity: d.severity,
    code: d.code,
    file: d.file ?? null,
    line: d.line ?? null,
    column: d.column ?? null,
    message,
    fix: fix ?? null,
    // a summary of the problems of one kind not listed one by one
    ...(d.code === 'MORE_OF_KIND' ? { kind: d.params.kind, count: d.params.count } : {}),
  };
}
