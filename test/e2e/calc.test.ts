import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/core/decimal.js';
import { repoRoot, runCli } from '../helpers/run-cli.js';

const handCheck = 'test/fixtures/hand-check.csv';

describe('calc on the hand-checkable file (--grid national --grid-year 2022)', () => {
  const run = runCli(['calc', handCheck, '--grid', 'national', '--grid-year', '2022', '-f', 'json']);
  const json = JSON.parse(run.stdout);

  it('exits 0 with nothing on stderr', () => {
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
  });

  it('gives the issue figures, worked out from the cited factors', () => {
    const row = (fuel: string) => json.rows.find((r: { fuel: string }) => r.fuel === fuel);
    // diesel 200 t: 200 × 1.4571 = 291.42 tce; 200 × 42.652 × 20.2/1000 × 0.98 × 44/12 = 619.181927 t
    expect(row('diesel')).toMatchObject({ energy_tce: '291.420000', co2_t: '619.181927', quantity: '200', unit: 't', scope: '1' });
    // natural gas 100万m3: 38,931 GJ × 15.3/1000 × 0.99 × 44/12 = 2162.188809 t
    expect(row('natural_gas')).toMatchObject({ energy_tce: '1330.000000', co2_t: '2162.188809', quantity: '1000000', unit: 'm3' });
    // coke 500 t: 485.7 tce; 14,217.5 GJ × 29.5/1000 × 0.93 × 44/12 = 1430.2094125 t
    expect(row('coke')).toMatchObject({ energy_tce: '485.700000', co2_t: '1430.209412' });
    // electricity 1000万kWh: 10,000 MWh × 0.5366 = 5366 t; 10^7 kWh × 0.1229 kgce = 1229 tce
    expect(row('electricity')).toMatchObject({ energy_tce: '1229.000000', co2_t: '5366.000000', scope: '2' });
  });

  it('has the SPEC keys, with factor ids, versions and hashes, and the input hash', () => {
    expect(Object.keys(json)).toEqual(['meta', 'totals', 'energy_basis', 'non_fossil', 'rows', 'years', 'totals_years', 'generation', 'warnings', 'warning_count']);
    expect(json.meta).toMatchObject({ tool: 'jinchang-carbon' });
    const bytes = readFileSync(join(repoRoot, handCheck));
    expect(json.meta.inputs).toEqual([
      { path: handCheck, sha256: createHash('sha256').update(bytes).digest('hex'), rows: 4, encoding: 'utf8' },
    ]);
    const ids = json.meta.factors.map((f: { id: string; version: string }) => `${f.id}@${f.version}`);
    expect(ids).toContain('cn-gbt2589@2020');
    expect(ids).toContain('cn-gbt32151@2024.1');
    expect(ids).toContain('mee-grid-2022@2024-12');
    for (const f of json.meta.factors) {
      const file = readFileSync(join(repoRoot, 'factors', f.id, `${f.version}.csv`));
      expect(f.sha256).toBe(createHash('sha256').update(file).digest('hex'));
    }
    for (const key of ['energy_tce', 'co2_t', 'scope1_co2_t', 'scope2_co2_t', 'territorial_co2_t', 'consumption_co2_t', 'feedstock_tce', 'co2e_t',
      'reductant_co2_t', 'net_import_electricity_kwh', 'provincial_co2_t']) {
      expect(json.totals).toHaveProperty(key);
    }
    for (const key of ['year', 'sector', 'fuel', 'scope', 'quantity', 'unit', 'energy_tce', 'co2_t']) {
      expect(json.rows[0]).toHaveProperty(key);
    }
  });

  it('the rows add up to the totals exactly', () => {
    const full = JSON.parse(runCli(['calc', handCheck, '--grid', 'national', '--grid-year', '2022', '-f', 'json', '--decimals', 'full']).stdout);
    for (const key of ['co2_t', 'energy_tce', 'co2e_t']) {
      const sum = full.rows.reduce((acc: Decimal, r: Record<string, string>) => acc.plus(r[key]!), new Decimal(0));
      expect(sum.toString()).toBe(new Decimal(full.totals[key]).toString());
    }
    expect(new Decimal(full.totals.scope1_co2_t).plus(full.totals.scope2_co2_t).toString()).toBe(new Decimal(full.totals.co2_t).toString());
  });
});

describe('output formats', () => {
  it('writes CSV when piped, with stable keys and ids next to names', () => {
    const run = runCli(['calc', handCheck, '--grid', 'national']);
    expect(run.code).toBe(0);
    const [header, first] = run.stdout.split('\n');
    expect(header).toBe(
      'year,sector_code,sector,fuel,fuel_name,scope,category,use,quantity,unit,energy_tce,feedstock_tce,co2_t,scope1_co2_t,scope2_co2_t,ch4_t,n2o_t,co2e_t',
    );
    expect(first).toMatch(/^2022,26,Manufacture of Raw Chemical Materials and Chemical Products,natural_gas,Natural Gas,1,I\.3\.1,energy,1000000,m3,1330\.000000,/);
  });

  it('--bom starts the CSV with a UTF-8 BOM for Excel; tsv uses tabs', () => {
    expect(runCli(['calc', handCheck, '--bom']).stdout.startsWith('\uFEFF')).toBe(true);
    expect(runCli(['calc', handCheck, '-f', 'tsv']).stdout.split('\n')[0]).toContain('\tsector_code\t');
  });

  it('prints a table with totals and the factor tables used, without colour when NO_COLOR is set', () => {
    const run = runCli(['calc', handCheck, '--grid', 'national', '-f', 'table']);
    expect(run.stdout).not.toMatch(/\u001b\[/);
    expect(run.stdout).toContain('Consumption CO2');
    expect(run.stdout).toContain('Territorial CO2');
    expect(run.stdout).toMatch(/cn-gbt32151@2024\.1 .*sha256:[0-9a-f]{12}/);
    expect(run.stdout).toMatch(/Sum of rows +3,336\.12 +9,577\.58/);
  });

  it('in Chinese with --lang zh, and from a zh locale', () => {
    expect(runCli(['calc', handCheck, '-f', 'table', '--lang', 'zh']).stdout).toContain('综合能源消费量');
    expect(runCli(['calc', handCheck, '-f', 'table'], { env: { LANG: 'zh_CN.UTF-8' } }).stdout).toContain('消费端排放');
  });

  it('-o writes the file (format from the extension) and nothing to stdout', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jc-'));
    const out = join(dir, 'result.json');
    const run = runCli(['calc', handCheck, '-o', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).totals.energy_tce).toBe('3336.120000');
    expect(readdirSync(dir)).toEqual(['result.json']);
  });

  it('neutralises spreadsheet formulas in labels', () => {
    const csv = 'year,sector,fuel,quantity,unit,note\n2022,=HYPERLINK("x"),原煤,1,t,\n';
    const run = runCli(['calc', '-', '--by', 'sector'], { input: csv });
    expect(run.stdout.split('\n')[1]).toMatch(/^,"'=HYPERLINK\(""x""\)",/);
  });
});

describe('real-world input gives identical totals', () => {
  const totals = (args: string[], input?: string | Buffer) => {
    const run = runCli(['calc', ...args, '--totals', '-f', 'csv', '--decimals', 'full'], input === undefined ? {} : { input });
    expect(run.code).toBe(0);
    return run.stdout;
  };
  const reference = totals(['test/fixtures/input/english.csv']);

  it.each([
    ['UTF-8 with BOM, Chinese headers, 万 units, CRLF', ['test/fixtures/input/utf8-bom.csv']],
    ['GBK with a title line, codes, full-width digits, blank lines', ['test/fixtures/input/gbk.csv']],
    ['one file split in two', ['test/fixtures/input/split-a.csv', 'test/fixtures/input/split-b.csv']],
  ])('%s', (_name, files) => {
    expect(totals(files)).toBe(reference);
  });

  it('standard input', () => {
    expect(totals(['-'], readFileSync(join(repoRoot, 'test/fixtures/input/gbk.csv')))).toBe(reference);
  });

  it('the reference totals are the hand-checkable ones', () => {
    // feedstock: 30,000 t raw coal × 0.7143 = 21,429 tce
    expect(reference).toContain(',feedstock_tce,of which feedstock (non-energy use),tce,21429\n');
    // scope 2: 4,500,000 MWh × 0.4955 (Gansu 2021) + 6,500,000 GJ × 0.11 = 2,229,750 + 715,000
    expect(reference).toContain(',scope2_co2_t,Scope 2 CO2 (purchased electricity and heat),t,2944750\n');
  });
});

describe('bad input: exit 1, every problem with file:line:column and a fix, nothing written', () => {
  const cases: [string, string][] = [
    [
      'bad-number',
      'test/fixtures/bad/bad-number.csv:3:4: error: quantity "abc" is not a number (fix: write a plain number such as 1234.5 or 1,234.5, without units or notes)\n',
    ],
    [
      'unknown-fuel',
      'test/fixtures/bad/unknown-fuel.csv:2:3: error: unknown fuel "柴由" (did you mean 柴油?) (fix: use a fuel name from `jinchang-carbon template`, e.g. 原煤, 柴油, 天然气, 电力)\n' +
        'test/fixtures/bad/unknown-fuel.csv:3:3: error: unknown fuel "raw cole" (did you mean 原煤?) (fix: use a fuel name from `jinchang-carbon template`, e.g. 原煤, 柴油, 天然气, 电力)\n',
    ],
    [
      'wrong-unit',
      'test/fixtures/bad/wrong-unit.csv:2:5: error: unit "吨" does not fit Electricity (电力), which is counted in kWh (fix: give Electricity (电力) in kWh, 千瓦时, 万千瓦时, 亿千瓦时, MWh, GWh, or in tce)\n',
    ],
    [
      'missing-column',
      'test/fixtures/bad/missing-column.csv:1: error: required column "fuel" is missing (found: year, sector, quantity, unit) (fix: add a column named "fuel" / "能源品种" / "能源名称" / "燃料")\n',
    ],
    [
      'short-row',
      'test/fixtures/bad/short-row.csv:3:4: error: the row has 3 fields but the header has 5; "quantity" is missing (fix: fill in the missing fields, or check for a stray line break inside a cell)\n',
    ],
    [
      'bad-year',
      'test/fixtures/bad/bad-year.csv:2:1: error: year "21" is not a four-digit year (fix: write the year as four digits, e.g. 2021 (not 21 or 2021年度))\n' +
        'test/fixtures/bad/bad-year.csv:3:1: error: year "2021年度" is not a four-digit year (fix: write the year as four digits, e.g. 2021 (not 21 or 2021年度))\n',
    ],
    ['empty', 'test/fixtures/bad/empty.csv: error: the file is empty (fix: add a header row and data rows; `jinchang-carbon template` prints one)\n'],
  ];

  it.each(cases)('%s', (name, expected) => {
    const run = runCli(['calc', `test/fixtures/bad/${name}.csv`]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const count = expected.trim().split('\n').length;
    expect(run.stderr).toBe(`${expected}${count} error${count === 1 ? '' : 's'} in 1 file; nothing was written.\n`);
  });

  it('a space or a line break inside a number is an error, not a digit joiner; "1 234 567.5" is a number', () => {
    const paths: Record<string, string>[] = [{}, { JINCHANG_FAST: '0' }];
    for (const env of paths) {
      const run = runCli(['calc', 'test/fixtures/bad/spaced-number.csv'], { env });
      expect(run.code).toBe(1);
      const errors = run.stderr.split('\n').filter((l) => l.includes(': error: '));
      // before: 125 t and 78 t of diesel, silently; the line break shows as \n, one line per message
      expect(errors).toHaveLength(2);
      expect(errors[0]).toBe('test/fixtures/bad/spaced-number.csv:3:4: error: quantity "12 5" is not a number (fix: write a plain number such as 1234.5 or 1,234.5, without units or notes)');
      // located on the line the row starts on, though the cell's line break ends it on line 5
      expect(errors[1]).toMatch(/^test\/fixtures\/bad\/spaced-number\.csv:4:4: error: quantity "7\\n8" is not a number \(fix: /);
    }
  });

  it('lists every problem of every file in one run', () => {
    const run = runCli(['calc', 'test/fixtures/bad/many-problems.csv', 'test/fixtures/bad/bad-year.csv']);
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n').filter((l) => l.includes(': error: '))).toHaveLength(4);
    expect(run.stderr).toContain('many-problems.csv:5:2: warning: sector "火星"');
    expect(run.stderr).toContain('4 errors in 2 files; nothing was written.');
  });

  it('an empty cell names its column in Chinese', () => {
    const run = runCli(['validate', '-', '--lang', 'zh'], { input: 'year,sector,fuel,quantity,unit\n2021,,柴油,5,吨\n' });
    expect(run.stderr).toBe('标准输入:2:2: 错误: 部门为空（改法：填写部门）\n未通过：1 个文件，1 行数据，1 个错误，0 条警告\n');
  });

  it('counts one data row as one row', () => {
    const run = runCli(['validate', 'test/fixtures/hand-check.csv', '--lang', 'en']);
    expect(run.code).toBe(0);
    const rows = run.stderr.match(/(\d+) data rows?/)![1];
    expect(run.stderr.trim().split('\n').at(-1)).toMatch(/^valid: 1 file, \d+ data rows?, 0 errors, \d+ warnings?$/);
    const one = runCli(['validate', '-', '--lang', 'en'], { input: 'year,sector,fuel,quantity,unit\n2021,44,raw_coal,5,t\n' });
    expect(one.stderr).toBe('valid: 1 file, 1 data row, 0 errors, 0 warnings\n');
    expect(Number(rows)).toBeGreaterThan(1);
  });

  it('in Chinese too', () => {
    const run = runCli(['calc', 'test/fixtures/bad/bad-number.csv', '--lang', 'zh']);
    expect(run.stderr).toBe(
      'test/fixtures/bad/bad-number.csv:3:4: 错误: 消费量“abc”不是数字（改法：只填数字，如 1234.5 或 1,234.5，不要带单位或备注）\n共 1 个错误（1 个文件），未输出任何结果。\n',
    );
  });

  it('leaves an existing -o file untouched and creates no other file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jc-'));
    const out = join(dir, 'result.csv');
    writeFileSync(out, 'previous result\n');
    const run = runCli(['calc', 'test/fixtures/bad/bad-number.csv', '-o', out]);
    expect(run.code).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe('previous result\n');
    expect(readdirSync(dir)).toEqual(['result.csv']);
  });
});

describe('usage errors exit 2', () => {
  it.each([
    [['calc', 'no-such-file.csv'], 'usage error: no such file: no-such-file.csv\n'],
    [['calc', handCheck, '--grid', 'mars'], /^usage error: unknown --grid "mars" \(known: .*gansu.*\)\n$/],
    [['calc', handCheck, '--factors', 'no-such-table'], /^usage error: unknown factor table "no-such-table"/],
    [['calc', handCheck, '--by', 'colour'], /^usage error: cannot group by "colour"/],
    [['calc', handCheck, '--by', 'unit'], /^usage error: cannot group by "unit": .*not quantity or unit/],
    [['calc', handCheck, '--factors', 'cn-gbt2589@1999'], 'usage error: factor table cn-gbt2589 has no version 1999 (versions: 2020)\n'],
    [['calc', handCheck, '--factors', 'ndrc-grid-2012'], /^usage error: the grid table ndrc-grid-2012@2014 has no region "gansu"; choose one of its regions with --grid: central, east, north, northeast, northwest, south\n$/],
    [['calc', handCheck, '--electricity-method', 'magic'], /^usage error: --electricity-method must be equivalent or coal/],
    [['calc', handCheck, '--gwp', 'ar9'], /^usage error: unknown GWP set "ar9" \(known: ar4, ar5, ar6, sar\)/],
    [['calc', handCheck, '--no-such-option'], /error: unknown option '--no-such-option'/],
    [['calc', handCheck, '-o', 'out.pdf'], /^usage error: cannot tell the format of out\.pdf/],
    [['calc', handCheck, '-o', handCheck], /^usage error: the output .* is also an input/],
  ])('%j', (args, expected) => {
    const run = runCli(args as string[]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    if (typeof expected === 'string') expect(run.stderr).toBe(expected);
    else expect(run.stderr).toMatch(expected);
  });
});

describe('validate and template', () => {
  it('validate lists problems and exits 1; a good file exits 0 with a summary', () => {
    const bad = runCli(['validate', 'test/fixtures/bad/many-problems.csv']);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('many-problems.csv:3:4: error: quantity "abc" is not a number');
    expect(bad.stderr).toMatch(/invalid: 1 file, 4 data rows, 2 errors, 1 warning\n$/);
    const good = runCli(['validate', handCheck]);
    expect(good.code).toBe(0);
    expect(good.stderr).toBe('valid: 1 file, 4 data rows, 0 errors, 0 warnings\n');
  });

  it('validate --format json puts the problems on stdout', () => {
    const run = runCli(['validate', 'test/fixtures/bad/bad-number.csv', '-f', 'json']);
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout);
    expect(json.valid).toBe(false);
    expect(json.problems[0]).toMatchObject({ code: 'BAD_NUMBER', line: 3, column: 4, severity: 'error' });
  });

  it('template output is an input the tool accepts as it is', () => {
    const template = runCli(['template']).stdout;
    expect(template).toMatch(/\nyear,sector,fuel,quantity,unit,use,note\n$/);
    const run = runCli(['validate', '-'], { input: template + '2021,32,原煤,1,万吨,,\n' });
    expect(run.code).toBe(0);
    expect(runCli(['template', '--lang', 'zh']).stdout).toMatch(/\n年份,部门,能源品种,消费量,计量单位,用途,备注\n$/);
  });
});

describe('fuzz through the real CLI: a data problem is never a crash', () => {
  it('truncated and binary files exit 0 or 1, never with a stack trace', () => {
    const example = readFileSync(join(repoRoot, 'examples/jinchang-2021.csv'));
    const inputs: Buffer[] = [example.subarray(0, 500), example.subarray(0, 1234), Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), Buffer.from([0xff, 0xfe, 0x41, 0x00]), Buffer.from('\u0000\u0001garbage')];
    for (const input of inputs) {
      const run = runCli(['calc', '-'], { input });
      expect([0, 1]).toContain(run.code);
      expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
    }
  });
});

describe('electricity by the coal-consumption method', () => {
  it('works out of the box with the bundled table, says which basis energy_tce is on, and warns of an unverified rate', () => {
    const run = runCli(['calc', handCheck, '--electricity-method', 'coal', '-f', 'json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    // 10,000,000 kWh × 300.7 gce/kWh (cn-power-coal-rate@2025, 2022) = 3,007 tce; fuels unchanged: 1330 + 485.7 + 291.42
    expect(json.rows.find((r: { fuel: string }) => r.fuel === 'electricity').energy_tce).toBe('3007.000000');
    expect(json.totals.energy_tce).toBe('5114.120000');
    expect(json.energy_basis).toMatchObject({
      method: 'coal',
      electricity: [{ year: 2022, rate: '300.7', unit: 'gce/kWh', rate_year: 2022, basis: 'supply', status: 'unverified', table: 'cn-power-coal-rate@2025' }],
    });
    expect(run.stderr).toContain('warning: the 2022 coal rate 300.7 gce/kWh (cn-power-coal-rate@2025) has no source seen');
    const zh = runCli(['calc', handCheck, '--electricity-method', 'coal', '-f', 'table', '--lang', 'zh']);
    expect(zh.stdout).toContain('能耗口径：等价值（发电煤耗法），电力按当年火电供电标准煤耗折标煤：2022 年 300.7 克标准煤/千瓦时（供电，未核实）');
  });

  it('the default is the calorific equivalent, and the output says so', () => {
    const run = runCli(['calc', handCheck, '-f', 'json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).energy_basis).toMatchObject({ method: 'equivalent', electricity: [{ factor: '0.1229', unit: 'kgce/kWh', table: 'cn-gbt2589@2020' }] });
    const table = runCli(['calc', handCheck, '-f', 'table']);
    expect(table.stdout).toContain('Energy basis: calorific equivalent (当量值), electricity at 0.1229 kgce/kWh');
  });

  it("values electricity at that year's rate from the user's table", () => {
    const run = runCli(['calc', handCheck, '--electricity-method', 'coal', '--factors', 'test/fixtures/user-factors/coal-rate-test.csv', '-f', 'json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    // 10,000,000 kWh × 310 gce/kWh (test table, 2022) = 3,100 tce; fuels unchanged: 1330 + 485.7 + 291.42
    expect(json.rows.find((r: { fuel: string }) => r.fuel === 'electricity').energy_tce).toBe('3100.000000');
    expect(json.totals.energy_tce).toBe('5207.120000');
    expect(json.meta.factors.map((f: { id: string }) => f.id)).toContain('test-coal-rate');
  });
});

describe('a thousands separator without quotes', () => {
  it('is named as such, on both reading paths', () => {
    const input = 'year,sector,fuel,quantity,unit\n2021,32,柴油,1,234.5,吨\n';
    const expected =
      '<stdin>:2:4: error: quantity 1,234.5 is split into 2 fields by its thousands separator, which moves the unit and the columns after it (fix: put the number in quotes ("1,234.5"), or write it without separators)\n1 error in 1 file; nothing was written.\n';
    for (const env of [{}, { JINCHANG_FAST: '0' }] as Record<string, string>[]) {
      const run = runCli(['calc', '-'], { input, env });
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(expected);
    }
  });
});
