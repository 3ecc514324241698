import { describe, expect, it } from 'vitest';
import { readSpreadsheetCsv } from '../../src/core/csv-text.js';

describe('readSpreadsheetCsv: where each record starts and ends', () => {
  it('counts comments, empty lines and line breaks inside quoted cells', () => {
    const text = [
      '# note', // 1
      '', // 2
      'year,sector,fuel,quantity,unit,note', // 3
      '', // 4
      '2021,32,diesel,5,t,"a', // 5
      'b"', // 6
      '# c', // 7
      '', // 8
      '2021,32,diesel,x,t,n', // 9
      '2021,32,diesel,"1', // 10
      '', // 11: inside the quoted cell, not an empty line
      '2",t,"p', // 12
      'q"', // 13
      '2021,32,bogus,1,t,', // 14
    ].join('\n');
    const read = readSpreadsheetCsv(text + '\n');
    if ('error' in read) throw new Error(read.error.detail);
    expect(read.records.map((r) => [r.info.firstLine, r.info.lines])).toEqual([
      [3, 3],
      [5, 6],
      [9, 9],
      [10, 13],
      [14, 14],
    ]);
  });

  it('CRLF, a BOM, and a last line without its line end', () => {
    const read = readSpreadsheetCsv('\ufeffyear,fuel\r\n\r\n2021,"a\r\nb"\r\n2022,c');
    if ('error' in read) throw new Error(read.error.detail);
    expect(read.records.map((r) => [r.info.firstLine, r.info.lines])).toEqual([
      [1, 1],
      [3, 4],
      [5, 5],
    ]);
  });
});
