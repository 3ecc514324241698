/**
 * The one-line summaries a command ends with ("3 errors in 2 of 5 table files"), in both languages.
 * English counts take a plural ("1 row", "2 rows"); Chinese counts take a measure word and no plural,
 * and a Chinese sentence is built as Chinese is written, not word for word from the English.
 */
import type { Lang } from './lang.js';

/** "1 error", "2 errors": the noun's plural by an added s unless given. */
export function countEn(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** `factors check` found errors: how many, in how many of the files checked. */
export function factorsCheckFailed(lang: Lang, c: { errors: number; badFiles: number; files: number }): string {
  if (lang === 'zh') {
    const where =
      c.files === 1 ? '因子表文件中有' : c.badFiles === c.files ? `${c.files} 个因子表文件都有错误，共` : `${c.files} 个因子表文件中有 ${c.badFiles} 个有错误，共`;
    return `${where} ${c.errors} 个错误；calc 不会使用有错误的因子表`;
  }
  const where = c.files === 1 ? 'the table file' : `${c.badFiles} of ${countEn(c.files, 'table file')}`;
  return `${countEn(c.errors, 'error')} in ${where}; such a table is refused by calc`;
}

/** `factors check` found no error: the tables, each with its kind and rows, and any warnings. */
export function factorsCheckPassed(lang: Lang, c: { files: number; warnings: number; list: string }): string {
  if (lang === 'zh') return `通过：${c.files} 个因子表文件${c.files > 1 ? '均' : ''}有效${c.warnings > 0 ? `，${c.warnings} 条警告` : ''}：${c.list}`;
  const valid = c.files === 1 ? 'table file valid' : 'table files valid';
  return `ok: ${c.files} ${valid}${c.warnings > 0 ? `, ${countEn(c.warnings, 'warning')}` : ''}: ${c.list}`;
}

/** The rows of one table, for the list of tables checked: "12 rows", "12 行". */
export function rowsText(lang: Lang, n: number): string {
  return lang === 'zh' ? `${n} 行` : countEn(n, 'row');
}

/** `validate`'s last line: the files, the data rows read, the errors and warnings. */
export function validateSummary(lang: Lang, c: { files: number; rows: number; errors: number; warnings: number }): string {
  if (lang === 'zh') return `${c.errors === 0 ? '通过' : '未通过'}：${c.files} 个文件，${c.rows} 行数据，${c.errors} 个错误，${c.warnings} 条警告`;
  return `${c.errors === 0 ? 'valid' : 'invalid'}: ${countEn(c.files, 'file')}, ${countEn(c.rows, 'data row')}, ${countEn(c.errors, 'error')}, ${countEn(c.warnings, 'warning')}`;
}
