import type { Lang } from './i18n/lang.js';

/**
 * What standard input (`-` on the command line) is called wherever a file's name is shown: in
 * messages, diagnostic locations (`<stdin>:2:4`), JSON and the report's provenance. `-` alone
 * reads as a stray dash; `<stdin>` is what compilers and linters print.
 */
export function stdinName(lang: Lang): string {
  return lang === 'zh' ? '标准输入' : '<stdin>';
}
