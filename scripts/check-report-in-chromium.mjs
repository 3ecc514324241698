#!/usr/bin/env node
// Renders the report built from examples/ in headless Chromium and checks what a reader would see:
// every chart present and drawn (bars, slices, lines with a non-zero size), Chinese text set in a CJK
// font, no console error, no uncaught exception, no request leaving the file, and, printed to A4, every
// column of every table: the PDF text (pdftotext) of the pages holds each table's whole header row and
// each of its rows, so a column cut off at the paper's edge fails. The report is checked in Chinese and
// in English. Keeps a screenshot and an A4 PDF of each in test/artifacts/ (gitignored). Prints one
// summary line; exits 1 on any failure.
//
//   node scripts/check-report-in-chromium.mjs [--no-install] [--artifacts <dir>] [--html <file>]
//
// Installs Debian's chromium, fonts-noto-cjk and poppler-utils (pdftotext) with apt-get when they are
// missing (needs root).
// Talks to Chromium over the DevTools protocol on a pipe (--remote-debugging-pipe): no port, no
// WebSocket, nothing but Node's standard library.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const started = Date.now();
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argValue = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const artifacts = resolve(argValue('--artifacts') ?? join(root, 'test', 'artifacts'));
// --html <file>: check that page instead of building the report (the tests use it to see the check fail)
const givenHtml = argValue('--html');
const noInstall = process.argv.includes('--no-install');
const TIMEOUT_MS = 90_000;

function fail(message) {
  console.error(`report-in-chromium: FAIL: ${message}`);
  process.exit(1);
}
const seconds = () => ((Date.now() - started) / 1000).toFixed(1);

// 1. Chromium and a CJK font, from Debian
function chromiumPath() {
  for (const p of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) if (existsSync(p)) return p;
  return undefined;
}
function hasCjkFont() {
  const r = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  return r.status === 0 && /Noto Sans CJK|Source Han Sans|WenQuanYi/i.test(r.stdout);
}
const hasPdftotext = () => spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).status === 0;
if (!chromiumPath() || !hasCjkFont() || !hasPdftotext()) {
  if (noInstall) fail('chromium, fonts-noto-cjk or poppler-utils is missing (run without --no-install, as root, to install them)');
  if (process.getuid?.() !== 0) fail('chromium, fonts-noto-cjk or poppler-utils is missing; install them: sudo apt-get install chromium fonts-noto-cjk poppler-utils');
  const t0 = Date.now();
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-noto-cjk', 'poppler-utils']]) {
    const r = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
    if (r.status !== 0) fail(`apt-get ${args.join(' ')} failed (exit ${r.status})`);
  }
  console.error(`report-in-chromium: installed chromium, fonts-noto-cjk and poppler-utils in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (!chromiumPath()) fail('chromium is still missing after apt-get install');
}

// 2. The report, from the examples alone, in both languages (report.html is the Chinese one)
mkdirSync(artifacts, { recursive: true });
const reports = givenHtml
  ? [{ lang: '', path: resolve(givenHtml), stem: 'report' }]
  : [
      { lang: 'zh', path: join(artifacts, 'report.html'), stem: 'report' },
      { lang: 'en', path: join(artifacts, 'report-en.html'), stem: 'report-en' },
    ];
for (const r of reports) if (r.lang) buildReport(r.lang, r.path);

function buildReport(lang, reportPath) {
  if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) {
    const r = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) fail('the build (tsc -p tsconfig.build.json) failed');
  }
  const examples = readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.csv'));
  const indicators = examples.find((f) => /indicators/i.test(f));
  // a scenarios file feeds the pathway chapter (--scenarios), not the inventory; activity files are
  // named by their year (jinchang-2021.csv)
  const scenarios = examples.find((f) => /scenarios/i.test(f));
  const activity = examples.filter((f) => f !== indicators && f !== scenarios && /-\d{4}\.csv$/.test(f)).map((f) => `examples/${f}`);
  if (activity.length === 0) fail('no activity CSV in examples/');
  if (!indicators) fail('no examples/*indicators*.csv');
  const cli = spawnSync(
    process.execPath,
    [join(root, 'bin', 'jinchang-carbon.js'), 'report', ...activity, '--indicators', `examples/${indicators}`, ...(scenarios ? ['--scenarios', `examples/${scenarios}`] : []), '--city', '金昌市', '--lang', lang, '-o', reportPath],
    { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
  );
  if (cli.status !== 0) fail(`jinchang-carbon report exited ${cli.status}:\n${cli.stderr}`);
}

const { REPORT_CHARTS: BASE_CHARTS } = await import(pathToFileURL(join(root, 'dist', 'core', 'report', 'build.js')).href);
// the pathway chapter's charts too, when the report has one (built from examples/ it does)
const { PATHWAY_CHARTS } = await import(pathToFileURL(join(root, 'dist', 'core', 'report', 'pathway.js')).href);
// and the decomposition chapter's waterfall (examples/ hold two years of activity data and the indicators)
const { DECOMPOSITION_CHARTS } = await import(pathToFileURL(join(root, 'dist', 'core', 'report', 'decomposition.js')).href);
const REPORT_CHARTS = givenHtml ? BASE_CHARTS : [...BASE_CHARTS, ...PATHWAY_CHARTS, ...DECOMPOSITION_CHARTS];

// 3. Chromium over the DevTools pipe (fd 3: commands in, fd 4: replies and events out)
const profile = mkdtempSync(join(tmpdir(), 'jc-chromium-'));
const browser = spawn(
  chromiumPath(),
  [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-extensions',
    '--hide-scrollbars',
    // no name resolves: whatever the page might ask for cannot leave the machine
    '--host-resolver-rules=MAP * ~NOTFOUND',
    '--remote-debugging-pipe',
    `--user-data-dir=${profile}`,
    'about:blank',
  ],
  { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] },
);
let browserLog = '';
function removeProfile() {
  try {
    rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  } catch {
    // a temporary profile left behind is not a failure of the report
  }
}
browser.stderr.on('data', (d) => (browserLog = (browserLog + d).slice(-4000)));
const killer = setTimeout(() => {
  browser.kill('SIGKILL');
  fail(`timed out after ${TIMEOUT_MS / 1000} s\n${browserLog}`);
}, TIMEOUT_MS);

const toBrowser = browser.stdio[3];
const fromBrowser = browser.stdio[4];
let nextId = 1;
const pending = new Map();
const listeners = [];
let buffer = '';
fromBrowser.setEncoding('utf8');
fromBrowser.on('data', (chunk) => {
  buffer += chunk;
  let end;
  while ((end = buffer.indexOf('\0')) >= 0) {
    const message = JSON.parse(buffer.slice(0, end));
    buffer = buffer.slice(end + 1);
    if (message.id !== undefined && pending.has(message.id)) {
      const { resolve: ok, reject, method } = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) reject(new Error(`${method}: ${message.error.message}`));
      else ok(message.result);
    } else if (message.method) for (const l of listeners) l(message);
  }
});
browser.on('exit', (code) => {
  for (const { reject } of pending.values()) reject(new Error(`chromium exited (${code})\n${browserLog}`));
});
function send(method, params = {}, sessionId) {
  const id = nextId++;
  toBrowser.write(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }) + '\0');
  return new Promise((ok, reject) => pending.set(id, { resolve: ok, reject, method }));
}
function once(method, sessionId) {
  return new Promise((ok) => {
    const l = (m) => {
      if (m.method === method && m.sessionId === sessionId) {
        listeners.splice(listeners.indexOf(l), 1);
        ok(m.params);
      }
    };
    listeners.push(l);
  });
}

const problems = [];
const consoleErrors = [];
const requests = [];

/** Text as the PDF gives it back, for comparison: NFKC (full-width brackets), no whitespace, no soft hyphen. */
const squeeze = (text) => text.normalize('NFKC').replace(/[\s\u00ad]+/g, '');

/** One report: charts, fonts, console, requests, then the A4 print and the text of its pages. */
async function checkReport({ lang, path: reportPath, stem }) {
  const tag = lang ? `[${lang}] ` : '';
  const { targetId } = await send('Target.createTarget', { url: 'about:blank' });
  const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
  const s = (method, params) => send(method, params, sessionId);
  const errorsBefore = consoleErrors.length;
  listeners.push((m) => {
    if (m.sessionId !== sessionId) return;
    if (m.method === 'Runtime.consoleAPICalled' && ['error', 'assert'].includes(m.params.type)) {
      consoleErrors.push(`${tag}console.${m.params.type}: ${m.params.args.map((a) => a.value ?? a.description ?? '').join(' ')}`);
    } else if (m.method === 'Runtime.exceptionThrown') {
      consoleErrors.push(`${tag}uncaught: ${m.params.exceptionDetails.exception?.description ?? m.params.exceptionDetails.text}`);
    } else if (m.method === 'Log.entryAdded' && m.params.entry.level === 'error') {
      consoleErrors.push(`${tag}${m.params.entry.source}: ${m.params.entry.text}${m.params.entry.url ? ` (${m.params.entry.url})` : ''}`);
    } else if (m.method === 'Network.requestWillBeSent') {
      requests.push(m.params.request.url);
    }
  });
  await s('Runtime.enable');
  await s('Log.enable');
  await s('Page.enable');
  await s('Network.enable');
  await s('DOM.enable');
  await s('CSS.enable');
  // A4 at 150 dpi is 1240 × 1754 px
  await s('Emulation.setDeviceMetricsOverride', { width: 1240, height: 1754, deviceScaleFactor: 1, mobile: false });
  const loaded = once('Page.loadEventFired', sessionId);
  const nav = await s('Page.navigate', { url: pathToFileURL(reportPath).href });
  if (nav.errorText) throw new Error(`navigation failed: ${nav.errorText}`);
  await loaded;
  await s('Runtime.evaluate', { expression: 'document.fonts.ready.then(() => true)', awaitPromise: true });

  // every chart: there, not empty, and drawn with a real size
  const { result } = await s('Runtime.evaluate', {
    returnByValue: true,
    expression: `(() => {
      const ids = ${JSON.stringify(REPORT_CHARTS)};
      return ids.map((id) => {
        const svg = document.querySelector('svg[data-chart="' + id + '"]');
        if (!svg) return { id, found: false };
        const box = svg.getBoundingClientRect();
        const marks = [...svg.querySelectorAll('rect.bar, path.slice, path.line, circle.point')];
        const drawn = marks.filter((m) => { const b = m.getBBox(); return b.width > 0 && b.height > 0; });
        const texts = [...svg.querySelectorAll('text')].filter((t) => t.getComputedTextLength() > 0).length;
        // the pathway chart marks each scenario's peak (a ring and a visible label); the intensity chart draws target paths
        const peaks = [...svg.querySelectorAll('g.mark')].filter((g) => { const b = g.getBBox(); const t = g.querySelector('text'); return b.width > 0 && b.height > 0 && t && t.getComputedTextLength() > 0; }).length;
        const series = svg.querySelectorAll('g.series[data-kind="data"]').length;
        const targets = [...svg.querySelectorAll('g.series[data-kind="target"] path.line')].filter((p) => p.getBBox().width > 0).length;
        // the waterfall's bars, and whether the end total's top is where the last effect ends (within a pixel)
        const steps = [...svg.querySelectorAll('g.step rect.bar')];
        const totals = svg.querySelectorAll('g.step[data-kind="total"]').length;
        let closes = false;
        if (steps.length >= 3) {
          const last = steps[steps.length - 1].getBBox();
          const prev = steps[steps.length - 2];
          const pb = prev.getBBox();
          const rising = !String(prev.dataset.value).startsWith('-');
          closes = Math.abs(last.y - (rising ? pb.y : pb.y + pb.height)) <= 1.5;
        }
        return { id, found: true, empty: svg.dataset.empty === 'true', width: box.width, height: box.height, marks: marks.length, drawn: drawn.length, texts, peaks, series, targets, steps: steps.length, totals, closes };
      });
    })()`,
  });
  const charts = result.value;
  for (const c of charts) {
    if (!c.found) problems.push(`${tag}chart ${c.id} is missing`);
    else if (c.empty) problems.push(`${tag}chart ${c.id} has no data`);
    else if (!(c.width > 0 && c.height > 0)) problems.push(`${tag}chart ${c.id} has no size (${c.width}×${c.height})`);
    else if (c.drawn === 0) problems.push(`${tag}chart ${c.id} draws nothing (${c.marks} marks, none with a size)`);
    else if (c.texts === 0) problems.push(`${tag}chart ${c.id} has no visible label`);
    // every scenario line (all data series but the observed one) has its peak marked
    else if (c.id === 'pathway-co2' && (c.peaks === 0 || c.peaks < c.series - 1)) problems.push(`${tag}chart ${c.id} marks ${c.peaks} peak(s) for ${c.series - 1} scenario(s)`);
    else if (c.id === 'pathway-intensity' && c.targets === 0) problems.push(`${tag}chart ${c.id} draws no target path`);
    // the waterfall: the start, every effect and the end drawn, and the end bar reaching the level the effects end at
    else if (c.id === 'decomposition-waterfall' && !(c.steps >= 3 && c.totals === 2 && c.closes)) problems.push(`${tag}chart ${c.id}: ${c.steps} bars, ${c.totals} totals, end ${c.closes ? 'meets' : 'does not meet'} the last effect`);
  }

  // no text of a chart on another, as Chromium lays them out: each line (a <text>, or each <tspan> of a
  // wrapped label) as its rendered width and the font's em box around the middle of its line box
  // (the line box itself is ~1.45 em tall in the CJK fonts, taller than the glyphs)
  const { result: clashResult } = await s('Runtime.evaluate', {
    returnByValue: true,
    expression: `(() => {
      const out = [];
      for (const svg of document.querySelectorAll('svg.chart')) {
        const scale = svg.getBoundingClientRect().width / (svg.viewBox.baseVal?.width || svg.getBoundingClientRect().width);
        const lines = [];
        for (const t of svg.querySelectorAll('text')) {
          const spans = t.querySelectorAll('tspan');
          for (const el of spans.length ? spans : [t]) {
            const content = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join('');
            if (!content.trim()) continue;
            const range = document.createRange();
            range.selectNodeContents(el);
            const r = range.getBoundingClientRect();
            if (r.width === 0) continue;
            const em = parseFloat(getComputedStyle(t).fontSize) * scale;
            const mid = (r.top + r.bottom) / 2;
            lines.push({ text: content, x0: r.left, x1: r.right, y0: mid - 0.45 * em, y1: mid + 0.45 * em });
          }
        }
        for (let i = 0; i < lines.length; i++)
          for (let j = i + 1; j < lines.length; j++) {
            const a = lines[i], b = lines[j];
            if (a.x0 < b.x1 - 1 && b.x0 < a.x1 - 1 && a.y0 < b.y1 - 1 && b.y0 < a.y1 - 1) out.push(svg.dataset.chart + ': "' + a.text + '" on "' + b.text + '"');
          }
        // a label cut short: the charts wrap, they never end a label with an ellipsis
        for (const l of lines) if (l.text.endsWith('…')) out.push(svg.dataset.chart + ': "' + l.text + '" is cut');
      }
      return out;
    })()`,
  });
  for (const c of clashResult.value) problems.push(`${tag}text overlaps in chart ${c}`);

  // English words with an apostrophe (city’s) read as two words when ’ is drawn a full em wide, as the
  // CJK fonts first in the stack draw it: the rendered ’ must be narrower than half an em
  {
    const { result: apostrophe } = await s('Runtime.evaluate', {
      returnByValue: true,
      expression: `(() => {
        if (!document.documentElement.lang.startsWith('en')) return null;
        const walker = document.createTreeWalker(document.querySelector('main') || document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const i = n.textContent.search(/[A-Za-z]’[A-Za-z]/);
          if (i < 0) continue;
          const range = document.createRange();
          range.setStart(n, i + 1);
          range.setEnd(n, i + 2);
          return { text: n.textContent.slice(Math.max(0, i - 10), i + 6), width: range.getBoundingClientRect().width, em: parseFloat(getComputedStyle(n.parentElement).fontSize) };
        }
        return null;
      })()`,
    });
    const a = apostrophe.value;
    if (a && !(a.width < a.em * 0.5)) problems.push(`${tag}’ is drawn ${a.width.toFixed(1)} px wide at ${a.em} px type ("${a.text}" reads as two words)`);
  }

  // Chinese must be set in a CJK font, not boxes: ask Chromium which fonts it used for the title and a chart label
  const doc = await s('DOM.getDocument', { depth: 0 });
  const fontsOf = async (selector) => {
    const { nodeId } = await s('DOM.querySelector', { nodeId: doc.root.nodeId, selector });
    if (!nodeId) return [];
    const { fonts } = await s('CSS.getPlatformFontsForNode', { nodeId });
    return fonts.map((f) => f.familyName);
  };
  const titleFonts = await fontsOf('h1');
  const labelFonts = await fontsOf('svg[data-chart="sector-co2"] .bar-row text');
  const cjk = (fonts) => fonts.some((f) => /CJK|Source Han|YaHei|PingFang|WenQuanYi|Noto Sans SC/i.test(f));
  if (lang !== 'en') {
    if (!cjk(titleFonts)) problems.push(`${tag}the title is not set in a CJK font (used: ${titleFonts.join(', ') || 'none'})`);
    if (!cjk(labelFonts)) problems.push(`${tag}chart labels are not set in a CJK font (used: ${labelFonts.join(', ') || 'none'})`);
  }

  // the text of every table, cell by cell, to be found again in the print
  const { result: tableResult } = await s('Runtime.evaluate', {
    returnByValue: true,
    expression: `[...document.querySelectorAll('table')].map((t, i) => ({
      id: t.id || t.closest('[id]')?.id || 'table ' + (i + 1),
      header: [...t.querySelectorAll('thead th')].map((c) => c.textContent),
      rows: [...t.querySelectorAll('tbody tr')].map((r) => [...r.children].map((c) => c.textContent)),
    }))`,
  });
  const tables = tableResult.value;

  // artefacts: a full-page screenshot and the A4 print
  const { result: size } = await s('Runtime.evaluate', { returnByValue: true, expression: 'JSON.stringify([document.documentElement.scrollWidth, document.documentElement.scrollHeight])' });
  const [w, h] = JSON.parse(size.value);
  const shot = await s('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true, clip: { x: 0, y: 0, width: w, height: h, scale: 1 } });
  writeFileSync(join(artifacts, `${stem}.png`), Buffer.from(shot.data, 'base64'));
  // print at the paper's own width, as a reader's browser would, not the emulated screen's
  await s('Emulation.clearDeviceMetricsOverride');
  const pdf = await s('Page.printToPDF', { preferCSSPageSize: true, printBackground: true });
  const pdfBytes = Buffer.from(pdf.data, 'base64');
  const pdfPath = join(artifacts, `${stem}.pdf`);
  writeFileSync(pdfPath, pdfBytes);
  const pages = (pdfBytes.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  const mediaBox = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdfBytes.toString('latin1'));
  if (mediaBox && (Math.abs(Number(mediaBox[1]) - 595.92) > 2 || Math.abs(Number(mediaBox[2]) - 842.88) > 2)) {
    problems.push(`${tag}the print is not A4 (MediaBox ${mediaBox[1]}×${mediaBox[2]} pt)`);
  }

  // every column of every table on paper: pdftotext drops what falls outside the page, so a column cut
  // off at the edge leaves its header and cells out of the text of every page
  const text = spawnSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' });
  if (text.status !== 0) problems.push(`${tag}pdftotext failed on ${pdfPath}: ${text.stderr}`);
  const pageTexts = (text.stdout ?? '').split('\f').map(squeeze);
  const onSomePage = (cells) => {
    const wanted = squeeze(cells.join(''));
    return wanted === '' || pageTexts.some((p) => p.includes(wanted));
  };
  let printedTables = 0;
  for (const t of tables) {
    const cut = [];
    if (t.header.length > 0 && !onSomePage(t.header)) cut.push(`its header row (last column "${t.header.at(-1)}")`);
    const rows = t.rows.filter((r) => !onSomePage(r));
    if (rows.length > 0) cut.push(`${rows.length} of ${t.rows.length} rows (first: ${rows[0].join(' | ').slice(0, 80)})`);
    if (cut.length > 0) problems.push(`${tag}table ${t.id} is cut in the A4 print: no page shows ${cut.join(', nor ')}`);
    else printedTables++;
  }
  await send('Target.closeTarget', { targetId });
  return { charts, titleFonts, pages, h, tables: tables.length, printedTables, errors: consoleErrors.length - errorsBefore };
}

try {
  const results = [];
  for (const r of reports) results.push({ ...r, ...(await checkReport(r)) });

  const external = requests.filter((u) => !/^(file|data|about):/.test(u));
  if (external.length > 0) problems.push(`the page requested ${external.length} URL(s) outside the file: ${external.slice(0, 3).join(', ')}`);
  if (consoleErrors.length > 0) problems.push(`${consoleErrors.length} console error(s): ${consoleErrors.slice(0, 5).join(' | ')}`);

  const exited = new Promise((ok) => browser.once('exit', ok));
  await send('Browser.close').catch(() => {});
  await Promise.race([exited, new Promise((ok) => setTimeout(ok, 5000))]);
  browser.kill('SIGKILL');
  clearTimeout(killer);
  removeProfile();
  const first = results[0];
  const drawnCharts = first.charts.filter((c) => c.found && !c.empty && c.drawn > 0).length;
  const printed = results.map((r) => `${r.printedTables}/${r.tables} tables whole on A4${r.lang ? ` (${r.lang})` : ''}`).join(', ');
  const summary = `${drawnCharts}/${REPORT_CHARTS.length} charts drawn, ${consoleErrors.length} console errors, CJK font: ${first.titleFonts.find((f) => /CJK|Han|YaHei|PingFang|WenQuanYi/i.test(f)) ?? 'none'}, ${printed}, ${results.map((r) => r.pages).join('+')} print pages, ${first.h}px page; artefacts in ${artifacts.startsWith(root) ? artifacts.slice(root.length + 1) : artifacts}/; ${seconds()} s`;
  if (problems.length > 0) {
    for (const p of problems) console.error(`  - ${p}`);
    fail(summary);
  }
  console.log(`report-in-chromium: ok: ${summary}`);
  process.exit(0);
} catch (e) {
  browser.kill('SIGKILL');
  removeProfile();
  fail(`${e.message}\n${browserLog}`);
}
