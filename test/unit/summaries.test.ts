import { describe, expect, it } from 'vitest';
import { kindLabel, kindName } from '../../src/core/factors/kind-names.js';
import { factorKinds } from '../../src/core/factors/kinds.js';
import { countEn, factorsCheckFailed, factorsCheckPassed, rowsText, validateSummary } from '../../src/core/i18n/summaries.js';

describe('counts in English take a plural, in Chinese a measure word', () => {
  it('one and many', () => {
    expect(countEn(1, 'error')).toBe('1 error');
    expect(countEn(0, 'error')).toBe('0 errors');
    expect(countEn(2, 'data row')).toBe('2 data rows');
    expect(rowsText('en', 1)).toBe('1 row');
    expect(rowsText('en', 40)).toBe('40 rows');
    expect(rowsText('zh', 40)).toBe('40 行');
  });
});

describe('factors check, when tables have errors', () => {
  it('one file: no "1 of 1", no stray counts in Chinese', () => {
    expect(factorsCheckFailed('en', { errors: 1, badFiles: 1, files: 1 })).toBe('1 error in the table file; such a table is refused by calc');
    expect(factorsCheckFailed('en', { errors: 3, badFiles: 1, files: 1 })).toBe('3 errors in the table file; such a table is refused by calc');
    expect(factorsCheckFailed('zh', { errors: 1, badFiles: 1, files: 1 })).toBe('因子表文件中有 1 个错误；calc 不会使用有错误的因子表');
  });
  it('some of several files', () => {
    expect(factorsCheckFailed('en', { errors: 3, badFiles: 2, files: 5 })).toBe('3 errors in 2 of 5 table files; such a table is refused by calc');
    expect(factorsCheckFailed('en', { errors: 1, badFiles: 1, files: 2 })).toBe('1 error in 1 of 2 table files; such a table is refused by calc');
    expect(factorsCheckFailed('zh', { errors: 3, badFiles: 2, files: 5 })).toBe('5 个因子表文件中有 2 个有错误，共 3 个错误；calc 不会使用有错误的因子表');
  });
  it('every one of several files', () => {
    expect(factorsCheckFailed('zh', { errors: 8, badFiles: 8, files: 8 })).toBe('8 个因子表文件都有错误，共 8 个错误；calc 不会使用有错误的因子表');
  });
});

describe('factors check, when every table is valid', () => {
  it('one and several files, with and without warnings', () => {
    expect(factorsCheckPassed('en', { files: 1, warnings: 0, list: 'a@1 (grid, 3 rows)' })).toBe('ok: 1 table file valid: a@1 (grid, 3 rows)');
    expect(factorsCheckPassed('en', { files: 2, warnings: 1, list: 'x' })).toBe('ok: 2 table files valid, 1 warning: x');
    expect(factorsCheckPassed('en', { files: 2, warnings: 2, list: 'x' })).toBe('ok: 2 table files valid, 2 warnings: x');
    expect(factorsCheckPassed('zh', { files: 1, warnings: 0, list: 'x' })).toBe('通过：1 个因子表文件有效：x');
    expect(factorsCheckPassed('zh', { files: 2, warnings: 1, list: 'x' })).toBe('通过：2 个因子表文件均有效，1 条警告：x');
  });
});

describe('validate', () => {
  it('"1 data row", not "1 data rows"', () => {
    expect(validateSummary('en', { files: 1, rows: 1, errors: 0, warnings: 0 })).toBe('valid: 1 file, 1 data row, 0 errors, 0 warnings');
    expect(validateSummary('en', { files: 2, rows: 78, errors: 1, warnings: 1 })).toBe('invalid: 2 files, 78 data rows, 1 error, 1 warning');
    expect(validateSummary('zh', { files: 1, rows: 1, errors: 1, warnings: 0 })).toBe('未通过：1 个文件，1 行数据，1 个错误，0 条警告');
  });
});

describe('factor kinds', () => {
  it('every kind has a name in both languages', () => {
    for (const kind of factorKinds) {
      expect(kindName(kind, 'zh'), kind).not.toBe(kind);
      expect(kindName(kind, 'zh'), kind).toMatch(/[\u4e00-\u9fff]/);
      expect(kindName(kind, 'en'), kind).not.toBe(kind);
    }
    expect(kindLabel('standard-coal', 'zh')).toBe('折标准煤系数（standard-coal）');
    expect(kindLabel('standard-coal', 'en')).toBe('standard-coal');
    expect(kindName('made-up', 'zh')).toBe('made-up');
  });
});
