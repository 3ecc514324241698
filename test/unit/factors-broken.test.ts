import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBundled } from '../../src/bundled.js';
import { formatDiagnostic } from '../../src/core/diagnostics.js';
import { parseFactorTable } from '../../src/core/factors/table.js';
import { repoRoot } from '../helpers/run-cli.js';

/** A broken or incomplete table is refused, with what is wrong, where (file:line:column) and the fix. */
const { dict } = loadBundled();
const dir = 'test/fixtures/factors';

function check(name: string, lang: 'en' | 'zh' = 'en') {
  const path = `${dir}/${name}`;
  const parsed = parseFactorTable(readFileSync(join(repoRoot, path)), path, dict.fuels);
  return { table: parsed.table, messages: parsed.diagnostics.map((d) => formatDiagnostic(d, lang)) };
}

describe('broken factor tables', () => {
  it.each([
    [
      'bad/missing-source.csv',
      'test/fixtures/factors/bad/missing-source.csv:1: error: factor table has no "# source:" line (fix: add "# source: …" to the header block (see factors/README.md))',
    ],
    [
      'bad/bad-kind.csv',
      'test/fixtures/factors/bad/bad-kind.csv:3: error: unknown table kind "electricity" (fix: use one of standard-coal, combustion, grid, heat, non-co2, mobile-non-co2, gwp, power-coal-rate, targets, process)',
    ],
    [
      'bad/wrong-columns.csv',
      'test/fixtures/factors/bad/wrong-columns.csv:11: error: a grid table needs the columns region,factor,note; found region,value,note (fix: make the header row: region,factor,note)',
    ],
    [
      'bad/non-numeric.csv',
      'test/fixtures/factors/bad/non-numeric.csv:13:2: error: factor "0.54O0" is not a plain number such as 0.5366 (no sign, no thousands separator) (fix: write factor as a plain number such as 0.5366 (no sign, no thousands separator))',
    ],
    [
      'bad/oxidation-percent.csv',
      'test/fixtures/factors/bad/oxidation-percent.csv:13:5: error: oxidation_rate "98" is not a fraction between 0 and 1 (0.98, not 98) (fix: write oxidation_rate as a fraction between 0 and 1 (0.98, not 98))',
    ],
    [
      'bad/unknown-fuel.csv',
      'test/fixtures/factors/bad/unknown-fuel.csv:15:1: error: unknown fuel id "coke_breeze" (fix: use an id from factors/dictionary/fuels.csv, e.g. raw_coal, diesel, natural_gas)',
    ],
    [
      'bad/duplicate-row.csv',
      'test/fixtures/factors/bad/duplicate-row.csv:15: error: "gansu" appears twice (first on line 12) (fix: keep one row per key)',
    ],
    [
      'bad/ncv-unit.csv',
      'test/fixtures/factors/bad/ncv-unit.csv:14:3: error: ncv_unit "GJ/t" is not GJ/10^4m3 (natural_gas is counted by volume) (fix: write ncv_unit as GJ/10^4m3 (natural_gas is counted by volume))',
    ],
  ])('%s is refused with file:line and what is wrong', (name, message) => {
    const { table, messages } = check(name);
    expect(table).toBeUndefined();
    expect(messages).toEqual([message]);
  });

  it('says it in Chinese too', () => {
    // the "expected" wording of TABLE_BAD_VALUE comes from table.ts in English only; the frame is Chinese
    expect(check('bad/oxidation-percent.csv', 'zh').messages[0]).toMatch(/^test\/fixtures\/factors\/bad\/oxidation-percent\.csv:13:5: 错误: oxidation_rate“98”不是.*（改法：/);
    expect(check('bad/missing-source.csv', 'zh').messages).toEqual([
      'test/fixtures/factors/bad/missing-source.csv:1: 错误: 因子表缺少“# source:”一行（改法：在表头说明中加入“# source: …”（见 factors/README.md））',
    ]);
  });

  it('reports every problem of a file, not only the first', () => {
    const bytes = Buffer.from(
      readFileSync(join(repoRoot, dir, 'good/measured-coal.csv'), 'utf8')
        .replace('diesel,42.652,GJ/t,20.2,0.98', 'diesel,42.652,GJ/t,20.2,98')
        .replace('coke,28.435', 'coke_breeze,28.435'),
    );
    const parsed = parseFactorTable(bytes, 'two.csv', dict.fuels);
    expect(parsed.table).toBeUndefined();
    expect(parsed.diagnostics.map((d) => `${d.line}:${d.column}:${d.code}`)).toEqual(['13:5:TABLE_BAD_VALUE', '15:1:TABLE_UNKNOWN_FUEL']);
  });

  it('accepts the good fixtures', () => {
    for (const name of ['good/gansu-grid-2024.csv', 'good/measured-coal.csv']) {
      const { table, messages } = check(name);
      expect(messages).toEqual([]);
      expect(table).toBeDefined();
    }
    expect(check('good/gansu-grid-2024.csv').table!.year).toBe(2024);
  });

  it('a targets row must give the figure its indicator needs, and a known qualifier', () => {
    const bytes = Buffer.from(
      readFileSync(join(repoRoot, 'factors/cn-targets-2030/2023.csv'), 'utf8')
        .replace('national,non_fossil_share,2020,2030,,25,about', 'national,non_fossil_share,2020,2030,25,,about')
        .replace('national,non_fossil_share,2020,2060,,80,at_least', 'national,non_fossil_share,2020,2060,,80,over')
        .replace('national,carbon_intensity,2005,2030,65,,at_least', 'national,carbon_intensity,2005,2030,65,65,at_least'),
    );
    const parsed = parseFactorTable(bytes, 'targets.csv', dict.fuels);
    expect(parsed.table).toBeUndefined();
    expect(parsed.diagnostics.map((d) => formatDiagnostic(d, 'en'))).toEqual([
      expect.stringMatching(/^targets\.csv:13:6: error: share_pct "65" .*empty \(carbon_intensity targets give reduction_pct only\)/),
      expect.stringMatching(/^targets\.csv:14:6: error: share_pct "" .*a percentage \(non_fossil_share targets give share_pct\)/),
      expect.stringMatching(/^targets\.csv:15:7: error: qualifier "over" .*empty, about \(左右\) or at_least \(以上\)/),
    ]);
  });
});
