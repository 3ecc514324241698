import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

// issue 14 item 16: a user's table claiming an id@version already taken, by another user table or a
// bundled one: `factors check` and `calc` give the same message and name the other table by the same path
const example = 'examples/jinchang-2021.csv';
const mine = 'test/fixtures/factors/good/gansu-grid-2024.csv';
const sameId = 'test/fixtures/factors/clash/same-id-other-values.csv';
const bundledId = 'test/fixtures/factors/clash/bundled-id.csv';

const twiceMessage = `${sameId}:1: error: table test-gansu-grid-2024@2026-01 is defined twice, with other values in ${mine} (fix: give one of the two files another version (or id))`;
const bundledMessage = `${bundledId}:1: error: table mee-grid-2023@2025-12 is already the bundled table factors/mee-grid-2023/2025-12.csv, with other values (fix: give your file another version (or id); to use the bundled table, name it: --factors mee-grid-2023@2025-12)`;

describe('two tables with the same id@version', () => {
  it('two user tables: the second is named as clashing with the first, never as "bundled"', () => {
    const check = runCli(['factors', 'check', mine, sameId]);
    expect(check.stderr.split('\n')[0]).toBe(twiceMessage);
    expect(check.code).toBe(1);
    const calc = runCli(['calc', example, '--factors', mine, '--factors', sameId]);
    expect(calc.stderr).toBe(`${twiceMessage}\n`);
    expect(calc.code).toBe(2);
  });

  it('a user table with a bundled id@version: both commands name factors/<id>/<version>.csv', () => {
    const check = runCli(['factors', 'check', bundledId]);
    expect(check.stderr.split('\n')[0]).toBe(bundledMessage);
    expect(check.code).toBe(1);
    const calc = runCli(['calc', example, '--factors', bundledId]);
    expect(calc.stderr).toBe(`${bundledMessage}\n`);
    expect(calc.code).toBe(2);
  });

  it('says it in Chinese with --lang zh', () => {
    const calc = runCli(['--lang', 'zh', 'calc', example, '--factors', bundledId]);
    expect(calc.stderr).toContain('因子表 mee-grid-2023@2025-12 与内置因子表 factors/mee-grid-2023/2025-12.csv 同名，数值不同');
    expect(calc.code).toBe(2);
  });
});
