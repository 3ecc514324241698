import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/run-cli.js';

// The check itself runs in .ci/run (it installs Chromium there); here it runs only where Chromium
// already is, and shows that it passes on the report and fails on a broken page.
const script = join(repoRoot, 'scripts', 'check-report-in-chromium.mjs');
const haveChromium = existsSync('/usr/bin/chromium') && spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).stdout?.includes('CJK');
const tmp = mkdtempSync(join(tmpdir(), 'jc-chromium-test-'));
// nothing is left in /tmp (it was, by every run)
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function check(args: string[]) {
  const r = spawnSync(process.execPath, [script, '--no-install', '--artifacts', tmp, ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.skipIf(!haveChromium)('report in headless Chromium', () => {
  it('draws every chart of the examples report, in a CJK font, without console errors', () => {
    const r = check([]);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('  - '))).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^report-in-chromium: ok: 12\/12 charts drawn, 0 console errors, CJK font: /);
    // printed to A4, every column of every table is on paper, in both languages
    expect(r.stdout).toMatch(/, (\d+)\/\1 tables whole on A4 \(zh\), (\d+)\/\2 tables whole on A4 \(en\), /);
    expect(readFileSync(join(tmp, 'report-en.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(readFileSync(join(tmp, 'report.png')).subarray(1, 4).toString()).toBe('PNG');
    expect(readFileSync(join(tmp, 'report.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  }, 120_000);

  it('fails on a page with a console error, a request out, and missing or empty charts', () => {
    const page = join(tmp, 'broken.html');
    writeFileSync(
      page,
      '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><h1>报告</h1>' +
        '<svg data-chart="sector-co2" width="100" height="40"><g class="bar-row"><text x="1" y="20">部门</text></g><rect class="bar" x="0" y="0" width="0" height="10"/></svg>' +
        '<table id="too-wide" style="white-space:nowrap"><thead><tr>' + Array.from({ length: 30 }, (_, i) => `<th>column number ${i + 1}</th>`).join('') + '</tr></thead>' +
        '<tbody><tr>' + Array.from({ length: 30 }, (_, i) => `<td>cell ${i + 1}</td>`).join('') + '</tr></tbody></table>' +
        '<script>console.error("boom")</script><img src="http://127.0.0.1:9/x.png"></body></html>',
    );
    const r = check(['--html', page]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('chart sector-co2 draws nothing');
    expect(r.stderr).toContain('chart fuel-co2 is missing');
    expect(r.stderr).toContain('console.error: boom');
    expect(r.stderr).toContain('table too-wide is cut in the A4 print: no page shows its header row (last column "column number 30"), nor 1 of 1 rows');
    expect(r.stderr).toContain('outside the file: http://127.0.0.1:9/x.png');
    expect(r.stderr).toMatch(/report-in-chromium: FAIL: 0\/9 charts drawn/);
  }, 120_000);

  it('fails on chart texts drawn on each other, a label cut with "…", and an English ’ drawn a full em wide', () => {
    const page = join(tmp, 'crowded.html');
    const font = `font-family='"Noto Sans CJK SC",sans-serif'`;
    writeFileSync(
      page,
      `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"></head><body style='font-family:${font.slice(13, -1)}'><main><p>the city’s boundary</p>` +
        `<svg class="chart" data-chart="trend-co2" viewBox="0 0 300 100" width="300" height="100" ${font} font-size="12">` +
        '<text x="40" y="30" text-anchor="end" font-size="11">12.5k</text><text x="40" y="32" text-anchor="middle" font-size="10.5">11,398</text>' +
        '<text x="200" y="80">Smelting and Pressing of Non-ferrous …</text></svg></main></body></html>',
    );
    const r = check(['--html', page]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('text overlaps in chart trend-co2: "12.5k" on "11,398"');
    expect(r.stderr).toContain('text overlaps in chart trend-co2: "Smelting and Pressing of Non-ferrous …" is cut');
    // the CJK font's ’ is a full em: 16 px at the page's 16 px
    expect(r.stderr).toMatch(/’ is drawn 1[5-6](\.\d)? px wide at 16 px type \("the city’s bo" reads as two words\)/);
  }, 120_000);
});
