import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

// issue 14 item 15: a factor outside its kind's plausible range is an error, in `factors check` and in
// calc, unless the table's header says why it is right (`# out_of_range: <reason>`)
const example = 'examples/jinchang-2021.csv';
const implausible = 'test/fixtures/factors/range/grid-implausible.csv';
const accepted = 'test/fixtures/factors/range/grid-accepted.csv';
const big = `1${'0'.repeat(60)}`;
const message =
  `${implausible}:12:2: error: factor ${big} is outside the plausible range 0–1.5 tCO2/MWh ` +
  '(fix: check the unit (tC/GJ written for tC/TJ, kgCO2/kWh × 1000, a percent for a fraction) and the decimal point; ' +
  'if the value is right, say why in a header line "# out_of_range: <reason>")';

describe('a factor outside its plausible range', () => {
  it('is an error in factors check (exit 1)', () => {
    const r = runCli(['factors', 'check', implausible]);
    expect(r.stderr).toBe(`${message}\n1 error in the table file; such a table is refused by calc\n`);
    expect(r.code).toBe(1);
  });

  it('stops calc before anything is calculated (exit 2), with the same message', () => {
    const r = runCli(['calc', example, '--factors', implausible, '--grid-year', '2024']);
    expect(r.stderr).toBe(`${message}\n`);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(2);
  });

  it('in Chinese', () => {
    const r = runCli(['--lang', 'zh', 'factors', 'check', implausible]);
    expect(r.stderr.split('\n')[0]).toBe(
      `${implausible}:12:2: 错误: factor ${big} 超出合理范围 0–1.5 tCO2/MWh（改法：请核对单位（如把 tC/GJ 当作 tC/TJ、kgCO2/kWh 放大了 1000 倍、百分数当作小数）和小数点；若数值确实无误，请在表头加一行“# out_of_range: 原因”说明）`,
    );
  });

  it('is accepted with a warning when the header says why', () => {
    const r = runCli(['factors', 'check', accepted]);
    expect(r.stderr.split('\n')[0]).toBe(
      `${accepted}:13:2: warning: factor 1.62 is outside the plausible range 0–1.5 tCO2/MWh; accepted, as the table says: a lignite-only captive grid (invented for the test)`,
    );
    expect(r.code).toBe(0);
    const calc = runCli(['calc', example, '--factors', accepted, '-f', 'json']);
    expect(calc.code).toBe(0);
    expect(JSON.parse(calc.stdout).meta.factors.map((f: { id: string }) => f.id)).toContain('test-grid-accepted');
  });
});
