import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBundled } from '../../src/bundled.js';
import { chooseGrid } from '../../src/core/calc/factors-for-calc.js';
import { formatDiagnostic } from '../../src/core/diagnostics.js';
import { parseFactorTable } from '../../src/core/factors/table.js';
import { repoRoot } from '../helpers/run-cli.js';

const { dict, registry } = loadBundled();

const head = (kind: string, appliesTo = '2022') =>
  [
    '# id: my-table',
    '# version: 1',
    `# kind: ${kind}`,
    '# title: t',
    '# publisher: p',
    '# source: s',
    '# published: 2024',
    '# region: CN',
    `# applies_to: ${appliesTo}`,
    '# units: u',
  ].join('\n') + '\n';

function parse(text: string) {
  return parseFactorTable(new TextEncoder().encode(text), 'my.csv', dict.fuels);
}

describe('factor table messages in both languages', () => {
  it('a bad value says what was expected in Chinese too', () => {
    const { diagnostics } = parse(head('combustion') + 'fuel,ncv,ncv_unit,carbon_content,oxidation_rate,note\ndiesel,42.652,GJ/t,20.2,98,\n');
    expect(diagnostics.map((d) => formatDiagnostic(d, 'zh'))).toEqual([
      'my.csv:12:5: 错误: oxidation_rate“98”不是0 到 1 之间的小数（写 0.98，不写 98）（改法：oxidation_rate应为0 到 1 之间的小数（写 0.98，不写 98））',
    ]);
  });

  it('the grid-year warning is Chinese throughout', () => {
    const grids = registry.ofKind('grid').filter((t) => t.meta.status !== 'historical');
    const { diagnostics } = chooseGrid(grids, 'gansu', 2024, undefined);
    expect(formatDiagnostic(diagnostics[0]!, 'zh')).toBe(
      '警告: 2024 年数据使用了 2023 年的电网因子（甘肃）：未发布 2024 年因子，取最近的 2023 年（mee-grid-2023@2025-12）（改法：可用 --grid-year 明确指定因子年份（已发布：2021, 2022, 2023））',
    );
  });

  it("a user's grid table without a single data year applies to every year, without a warning", () => {
    const { table } = parse(head('grid', '2020-2025') + 'region,factor,note\ngansu,0.5,own measurement\n');
    const { choice, diagnostics } = chooseGrid([table!], 'gansu', 2024, undefined);
    expect(choice?.factor.toString()).toBe('0.5');
    expect(diagnostics).toEqual([]);
  });
});

describe('unit slips in a factor table are caught', () => {
  it('a thousands separator is refused: "42,652" is not forty-two thousand', () => {
    const { table, diagnostics } = parse(head('combustion') + 'fuel,ncv,ncv_unit,carbon_content,oxidation_rate,note\ndiesel,"42,652",GJ/t,20.2,0.98,\n');
    expect(table).toBeUndefined();
    expect(formatDiagnostic(diagnostics[0]!, 'en')).toMatch(/^my\.csv:12:2: error: ncv "42,652" is not a plain number such as 0\.5366/);
  });

  it('values far outside what any real factor is are errors that name the likely slip (issue 14 item 15)', () => {
    const grid = parse(head('grid') + 'region,factor,note\ngansu,495.5,kg/MWh by mistake\n');
    expect(grid.table).toBeUndefined();
    expect(grid.diagnostics.map((d) => formatDiagnostic(d, 'en'))).toEqual([
      'my.csv:12:2: error: factor 495.5 is outside the plausible range 0–1.5 tCO2/MWh (fix: check the unit (tC/GJ written for tC/TJ, kgCO2/kWh × 1000, a percent for a fraction) and the decimal point; if the value is right, say why in a header line "# out_of_range: <reason>")',
    ]);
    const carbon = parse(head('combustion') + 'fuel,ncv,ncv_unit,carbon_content,oxidation_rate,note\ndiesel,42.652,GJ/t,0.0202,0.98,tC/GJ by mistake\n');
    expect(carbon.table).toBeUndefined();
    expect(carbon.diagnostics[0]?.params).toMatchObject({ column: 'carbon_content', min: '10', max: '110' });
  });

  it('a header line "# out_of_range: <reason>" accepts them, with a warning quoting the reason', () => {
    const grid = parse(head('grid').replace('# units:', '# out_of_range: our own plant, metered\n# units:') + 'region,factor,note\ngansu,1.7,metered\n');
    expect(grid.table).toBeDefined();
    expect(grid.diagnostics.map((d) => formatDiagnostic(d, 'en'))).toEqual([
      'my.csv:13:2: warning: factor 1.7 is outside the plausible range 0–1.5 tCO2/MWh; accepted, as the table says: our own plant, metered',
    ]);
  });

  it('every bundled table is inside the plausible ranges', () => {
    for (const t of registry.tables) {
      const again = parseFactorTable(readFileSync(join(repoRoot, 'factors', t.path)), t.path, dict.fuels);
      expect(again.diagnostics, t.path).toEqual([]);
    }
  });
});
