import { Command, CommanderError, Option } from 'commander';
import { UsageError } from '../core/usage-error.js';
import { langFromEnv, type Lang } from '../core/i18n/lang.js';
import { ExitError, loadColour, OutputError, type CliContext } from './context.js';
import { helpConfiguration, localiseBuiltIns, translateCommanderError } from './help.js';
import { toolName, toolVersion } from './version.js';

/**
 * Exit codes: 0 ok, 1 the data is invalid, 2 usage error, 3 internal error (a bug), 4 the output
 * could not be written (a folder without permission, a full disk, standard output failing).
 * A reader that stops early (`| head`) is not an error: 0, quietly, as `cat` does.
 */
export const EXIT = { ok: 0, data: 1, usage: 2, internal: 3, output: 4 } as const;

function langOf(argv: readonly string[], env: Record<string, string | undefined>): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value = i < 0 ? undefined : argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  if (value === 'zh' || value === 'en') return value;
  return langFromEnv(env);
}

function buildProgram(ctx: CliContext): Command {
  const zh = ctx.lang === 'zh';
  const t = (en: string, cn: string) => (zh ? cn : en);
  const program = new Command(toolName)
    .description(t('Carbon accounting for Chinese cities: energy (tce) and CO2 by sector, fuel and scope, from cited factor tables.', '城市碳排放核算：按部门、能源品种、范围计算能耗（吨标准煤）和 CO2，因子均有出处。'))
    .addOption(new Option('--lang <lang>', t('language of labels and messages', '标签和提示语言')).choices(['zh', 'en']))
    // a usage error is its message and where to read more, not the whole help
    .showHelpAfterError(t('(see --help)', '（详见 --help）'))
    .exitOverride()
    .configureHelp(helpConfiguration(ctx.lang))
    .configureOutput({
      writeOut: (s) => ctx.stdout.write(s),
      writeErr: (s) => ctx.stderr.write(s),
      outputError: (s, write) => write(translateCommanderError(s, ctx.lang)),
      // wrap help to the terminal, or 80 columns in a pipe
      getOutHelpWidth: () => (ctx.stdout as { columns?: number }).columns ?? 80,
      getErrHelpWidth: () => (ctx.stderr as { columns?: number }).columns ?? 80,
    });
  localiseBuiltIns(program, ctx.lang, toolVersion());

  const calcOptions = (cmd: Command) =>
    cmd
      .option('--factors <table>', t('factor table id[@version] or a table file (repeatable, one per kind)', '因子表 id[@版本] 或因子表文件（可重复，每类一个）'), collect)
      .option('--grid <region>', t('grid factor region: gansu, northwest, national, any bundled region, or its Chinese name (甘肃, 西北, 全国)', '电网因子地区：gansu、northwest、national 或其他已收录地区，也可用中文名（甘肃、西北、全国）'), 'gansu')
      .option('--grid-year <year>', t('year of the grid factor, a published one (default: the data year, else the nearest published, with a warning)', '电网因子年份，须为已发布年份（默认取数据年份，没有则取最近年份并警告）'))
      .option('--electricity-method <method>', t('tce of electricity: equivalent (0.1229 kgce/kWh) or coal (power-supply coal rate)', '电力折标：equivalent 当量值 或 coal 等价值（供电煤耗）'), 'equivalent')
      .option('--import-non-fossil-share <pct>', t('non-fossil share of the electricity the city imports, for non_fossil_tce (default: unknown, counted as fossil)', '调入电力中非化石能源的比重（百分比），用于计算非化石能源消费量（默认未知，按化石能源计）'))
      .option('--gwp <set>', t('GWP set for CO2e: sar, ar4, ar5, ar6', 'CO2当量所用 GWP：sar、ar4、ar5、ar6'), 'ar5')
      .option('--encoding <encoding>', t('input encoding: utf8 or gbk (default: detected)', '输入编码：utf8 或 gbk（默认自动识别）'))
      .option('--strict', t('treat unknown sectors as errors', '未知部门按错误处理'));

  const outputOptions = (cmd: Command) =>
    cmd
      .option('-f, --format <format>', t('stdout format: table, csv, tsv, json, md (default: table on a terminal, csv in a pipe)', '标准输出格式：table、csv、tsv、json、md（默认终端为 table，管道为 csv）'))
      .option('-o, --output <file>', t('write to a file; the format follows its extension', '写入文件，格式由扩展名决定'))
      .option('--bom', t('start CSV with a UTF-8 BOM so Excel shows Chinese correctly', 'CSV 加 UTF-8 BOM，便于 Excel 正确显示中文'))
      .option('--decimals <n>', t('decimals printed, 0–20 (default 2 for tables, 6 for csv/json; past 6 only the digits a figure has; "full" for every digit)', '输出小数位，0–20（表格默认 2，csv/json 默认 6；超过 6 位只显示数值本身的位数；full 为全部位数）'));

  outputOptions(
    calcOptions(
      program
        .command('calc')
        .description(t('activity data → energy (tce) and CO2 by sector, fuel and scope, with city totals', '活动水平数据 → 分部门、品种、范围的能耗与 CO2 及全市合计'))
        .argument('<file...>', t('activity CSV files (- for standard input)', '活动水平 CSV 文件（- 表示标准输入）')),
    ),
  )
    .option('--by <dims>', t('group by: year, sector, fuel, scope, category (GPC), use, ceads, or an input column', '分组：year、sector、fuel、scope、category（GPC）、use、ceads 或输入中的列名'), 'year,sector,fuel')
    .option('--totals', t('print only the city totals (of each year)', '只输出全市合计（逐年）'))
    .option('--sum-years', t('with several years, also print their sum, labelled as such', '数据有多个年份时，另输出各年之和（注明为合计）'))
    .option('--compare-factors <table>', t('recompute with this table (id[@version] or file) instead of the one of its kind, and show row by row what changes (repeatable)', '用该因子表（id[@版本] 或文件）替换同类因子表重新计算，逐行显示变化（可重复）'), collect)
    .action(async (files: string[], options) => {
      const { calcCommand } = await import('./commands/calc.js');
      await calcCommand(files, options, ctx);
    });

  calcOptions(
    program
      .command('validate')
      .description(t('check activity data only and list every problem (file:line:column, what, fix)', '只检查输入数据，列出全部问题（文件:行:列、问题、改法）'))
      .argument('<file...>', t('activity CSV files (- for standard input)', '活动水平 CSV 文件（- 表示标准输入）')),
  )
    .option('-f, --format <format>', t('text (problems on stderr) or json (on stdout)', 'text（问题输出到 stderr）或 json（输出到 stdout）'))
    .action(async (files: string[], options) => {
      const { validateCommand } = await import('./commands/validate.js');
      await validateCommand(files, options, ctx);
    });

  program
    .command('template')
    .description(t('print an empty input CSV with the accepted columns, fuels and units', '打印空白输入模板（列名、可用品种和单位）'))
    .option('--process', t('an empty process (IPPU) file instead: products, parameters, technologies', '改为打印工业生产过程数据模板（产品、参数、工艺）'))
    .action(async (options: { process?: boolean }) => {
      if (options.process) {
        const { processTemplateCommand } = await import('./commands/template-process.js');
        await processTemplateCommand(ctx);
        return;
      }
      const { templateCommand } = await import('./commands/template.js');
      await templateCommand(ctx);
    });

  const factors = program
    .command('factors')
    .description(t('browse, compare and validate the versioned factor tables', '浏览、比较、校验带版本的因子表'));
  outputOptions(
    factors
      .command('list')
      .description(t('every bundled factor table: id, version, kind, year, region, default', '全部内置因子表：编号、版本、类型、年份、地区、是否默认')),
  )
    .option('--kind <kind>', t('only tables of this kind (standard-coal, combustion, grid, heat, non-co2, gwp, targets, ...)', '只列出该类型（standard-coal、combustion、grid、heat、non-co2、gwp、targets 等）'))
    .action(async (options) => {
      const { factorsList } = await import('./commands/factors.js');
      await factorsList(options, ctx);
    });
  outputOptions(
    factors
      .command('show')
      .description(t('one table: its provenance (source, table numbers, checks) and its values', '显示一个因子表：出处（来源、表号、核对情况）及数值'))
      .argument('<table>', t('table id[@version], or a table file', '因子表 id[@版本] 或因子表文件')),
  ).action(async (ref: string, options) => {
    const { factorsShow } = await import('./commands/factors.js');
    await factorsShow(ref, options, ctx);
  });
  outputOptions(
    factors
      .command('diff')
      .description(t('compare two tables of the same kind row by row: added, removed, changed (old, new, change, %)', '逐行比较同类两个因子表：新增、删除、变化（原值、新值、变化量、变化率）'))
      .argument('<a>', t('old table id[@version] or file', '原因子表 id[@版本] 或文件'))
      .argument('<b>', t('new table id[@version] or file', '新因子表 id[@版本] 或文件')),
  )
    .option('--all', t('also list the values that did not change', '同时列出未变化的数值'))
    .action(async (a: string, b: string, options) => {
      const { factorsDiff } = await import('./commands/factors.js');
      await factorsDiff(a, b, options, ctx);
    });
  outputOptions(
    factors
      .command('check')
      .description(t('validate your own table files as bundled ones are validated; every problem on stderr as file:line:column (exit 1 if any); -f or -o also writes a per-file summary', '按内置因子表的标准校验自己的因子表文件；问题逐条输出到 stderr（文件:行:列），有错误时退出码为 1；给出 -f 或 -o 时另输出逐文件汇总'))
      .argument('<path...>', t('table files, or folders of them', '因子表文件或其所在文件夹')),
  ).action(async (paths: string[], options) => {
    const { factorsCheck } = await import('./commands/factors.js');
    await factorsCheck(paths, options, ctx);
  });

  outputOptions(
    calcOptions(
      program
        .command('intensity')
        .description(t('energy and carbon intensity per GDP at comparable prices: year-on-year and cumulative declines, targets met or missed', '按可比价计算单位 GDP 能耗和二氧化碳排放强度：逐年和累计下降率、目标是否完成'))
        .argument('<indicators>', t('CSV of year,gdp,gdp_index,energy_tce,co2_t (- for standard input)', '指标 CSV：年份、地区生产总值、指数、能源消费量、二氧化碳排放量（- 表示标准输入）')),
    ),
  )
    .option('--data <file...>', t('activity CSV files: energy and CO2 per year computed as calc does (calc options apply)', '活动水平 CSV：按 calc 方法计算各年能耗和 CO2（calc 选项适用）'))
    .option('--base-year <year>', t('base year of comparable prices (default: the first year)', '可比价基年（默认第一年）'))
    .option('--period <from-to>', t('period to assess, e.g. 2020-2025 (repeatable; default: each five-year plan the data covers)', '评估时期，如 2020-2025（可重复；默认数据涉及的各五年规划期）'), collect)
    .option('--region <region>', t('whose targets: gansu, national, ... (national where the region has none)', '采用哪个地区的目标：gansu、national 等（该地区无目标时用全国目标）'), 'gansu')
    .option('--target <spec>', t('your own target, indicator:from-to:percent, e.g. energy_intensity:2020-2025:13.5 (repeatable)', '自定目标，指标:起始年-目标年:百分比，如 energy_intensity:2020-2025:13.5（可重复）'), collect)
    .option('--targets <table>', t('targets table: a file (validated like any factor table) or a table id[@version]', '目标表：文件（按因子表标准校验）或因子表 id[@版本]'))
    .option('--assessment-basis [rule]', t('also assess energy intensity as China does: 2022 deducts feedstock and new renewables; 2024 (发改环资〔2024〕113号) feedstock and all non-fossil energy; no value = the rule in force for the periods assessed', '同时按考核口径评估能耗强度：2022 扣除原料用能和新增可再生能源；2024（发改环资〔2024〕113号）扣除原料用能和全部非化石能源；不填则按所评估时期适用的规则'))
    .option('--co2-view <view>', t('CO2 of --data used for carbon intensity: consumption, territorial, total, provincial (省级核算)', '碳强度所用 --data 的 CO2 口径：consumption、territorial、total、provincial（省级核算）'), 'consumption')
    .option('--base-2005 <intensity>', t('2005 carbon intensity (tCO2 per 万元 at the data\'s comparable prices) when the file has no 2005 row: checks the 2030 target against 2005', '2005 年碳排放强度（吨CO2/万元，与数据同一可比价），文件无 2005 年时用于检查 2030 年比 2005 年的目标'))
    .option('--both-bases', t('with --data: also energy and energy intensity on the calorific (电热当量法) and the coal-equivalent (发电煤耗法) basis, side by side', '配合 --data：另列电热当量法和发电煤耗法两种口径的能耗及能耗强度'))
    .action(async (file: string, options) => {
      const { intensityCommand } = await import('./commands/intensity.js');
      await intensityCommand(file, options, ctx);
    });


  outputOptions(
    calcOptions(
      program
        .command('pathway')
        .description(t('project GDP, energy and CO2 year by year per scenario: peak year and value, the 2060 gap, checks against the bundled targets', '按情景逐年预测 GDP、能耗和 CO2：峰值年与峰值、2060 年缺口、对照内置目标检查'))
        .argument('<scenarios>', t('CSV of scenario,based_on,year,gdp,gdp_growth_pct,energy_tce,energy_intensity_decline_pct,non_fossil_share_pct,co2_per_fossil_tce,process_co2_t,sinks_t,ccus_t (- for standard input)', '情景 CSV：情景、基于情景、年份、地区生产总值、GDP增速、能源消费量、能耗强度下降率、非化石能源占比、单位化石能源二氧化碳排放、工业过程排放、碳汇、CCUS（- 表示标准输入）')),
    ),
  )
    .option('--indicators <csv>', t('observed GDP, energy and CO2 by year: base-year levels the scenarios leave blank, history, and 2020 for the checks', '各年实际 GDP、能耗、CO2：补足情景未填的基年数值，并作为历史数据和 2020 年检查基数'))
    .option('--data <file...>', t('activity CSV files: energy and CO2 per year computed as calc does (needs --indicators)', '活动水平 CSV：按 calc 方法计算各年能耗和 CO2（需 --indicators）'))
    .option('--co2-view <view>', t('CO2 of --data: consumption, territorial, total', '--data 的 CO2 口径：consumption、territorial、total'), 'consumption')
    .option('--region <region>', t('whose targets: gansu, national, ... (national where the region has none)', '采用哪个地区的目标：gansu、national 等（该地区无目标时用全国目标）'), 'gansu')
    .option('--to <year>', t('last year to project (default: each scenario\'s last year given)', '预测终止年（默认各情景最后给出的年份）'))
    .option('--ci-2005 <year:pct>', t('published decline of carbon intensity against 2005, e.g. 2020:48.4; enables the 2005→2030 check', '公布的碳排放强度比 2005 年下降幅度，如 2020:48.4；用于 2005—2030 目标检查'))
    .option('--plateau <pct>', t('plateau: years within this % of the peak (default 1)', '平台期：与峰值相差不超过该百分比的年份（默认 1）'))
    .option('--as-of <year>', t('year the C40 peaking test of the history counts from (default: this year)', '历史达峰判断（C40 方法）的参照年份（默认今年）'))
    .option('--sensitivity', t('tornado: each rate ±1 point, each level ±10 %, one at a time', '敏感性分析：各增速/下降率 ±1 个百分点、各水平值 ±10%，逐一变动'))
    .option('--runs <n>', t('Monte Carlo runs over the _low/_high columns (triangular draws)', '按 _low/_high 列做蒙特卡洛模拟的次数（三角分布）'))
    .option('--seed <n>', t('seed of the Monte Carlo generator (default 1); the same seed gives the same result on every machine', '蒙特卡洛随机数种子（默认 1）；同一种子在任何机器上结果相同'))
    .action(async (file: string, options) => {
      const { pathwayCommand } = await import('./commands/pathway.js');
      await pathwayCommand(file, options, ctx);
    });

  outputOptions(
    calcOptions(
      program
        .command('decompose')
        .description(t('why the total changed between two years: LMDI-I split into the effects of its drivers (Kaya identity by fuel, or your own factor table), with Tapio decoupling', '两年间总量为何变化：LMDI-I 因素分解（按能源品种的 Kaya 恒等式，或自定因素表），并给出 Tapio 脱钩状态'))
        .argument('[file]', t('factor table: year,group,<factor>,… (the total is Σ over groups of the product of the factors; - for standard input)', '因素表：年份,分组,<因素>,…（总量 = 各组因素乘积之和；- 表示标准输入）')),
    ),
  )
    .option('--from <year>', t('first year compared', '起始年份'))
    .option('--to <year>', t('last year compared', '终止年份'))
    .option('--method <method>', t('additive (effects in t, summing to the change) or multiplicative (indices multiplying to the ratio)', 'additive 加法（各效应以吨计，之和等于变化量）或 multiplicative 乘法（各指数之积等于比值）'), 'additive')
    .option('--chained', t('split year by year and add up (multiply) the steps; print each year and the total', '逐年分解再相加（相乘），输出各年及合计'))
    .option('--data <file...>', t('activity CSV files: CO2 and energy by fuel per year computed as calc does (calc options apply)', '活动水平 CSV：按 calc 方法计算各年分品种 CO2 和能耗（calc 选项适用）'))
    .option('--indicators <csv>', t('GDP by year (year,gdp,gdp_index; optional population in 万人 and gdp_primary,gdp_secondary,gdp_tertiary for the structure effect); with a factor table, for decoupling only', '各年地区生产总值（年份、地区生产总值、指数；可选常住人口（万人）及第一、二、三产业增加值以分解产业结构效应）；与因素表同用时只用于脱钩分析'))
    .option('--co2-view <view>', t('CO2 of --data decomposed: consumption (default) or territorial', '--data 分解的 CO2 口径：consumption 消费端（默认）或 territorial 属地'), 'consumption')
    .action(async (file: string | undefined, options) => {
      const { decomposeCommand } = await import('./commands/decompose.js');
      await decomposeCommand(file, options, ctx);
    });

  calcOptions(
    program
      .command('report')
      .description(t('the annual report: one self-contained HTML file with charts (or Markdown); Chinese unless --lang en', '年度报告：自包含的 HTML（含图表）或 Markdown；默认中文，--lang en 为英文'))
      .argument('<file...>', t('activity CSV files (- for standard input)', '活动水平 CSV 文件（- 表示标准输入）')),
  )
    .option('--indicators <csv>', t('GDP by year (year,gdp,gdp_index[,energy_tce,co2_t]) for energy and carbon intensity against targets', '各年地区生产总值（年份、地区生产总值、指数[、能耗、排放]），用于计算能耗强度、碳排放强度及目标完成情况'))
    .option('-o, --output <file>', t('write report.html or report.md (default: Markdown on standard output)', '写入 report.html 或 report.md（默认以 Markdown 输出到标准输出）'))
    .option('-f, --format <format>', t('stdout format: md or html', '标准输出格式：md 或 html'))
    .option('--title <text>', t('title of the report (default: built from --city and the year)', '报告标题（默认由 --city 和年份生成）'))
    .option('--city <name>', t('city or region named in the title', '标题中的城市或地区名称'))
    .option('--year <year>', t('year of the headline figures and breakdowns (default: the latest year of the data)', '概要与分项所用年份（默认数据中最近一年）'))
    .option('--decimals <n>', t('decimals printed in tables, 0–20 (default 2; "full" for every digit)', '表格小数位，0–20（默认 2；full 为全部位数）'))
    .option('--region <region>', t('whose intensity targets: gansu, national, ...', '采用哪个地区的强度目标：gansu、national 等'), 'gansu')
    .option('--target <spec>', t('your own target, indicator:from-to:percent (repeatable)', '自定目标，指标:起始年-目标年:百分比（可重复）'), collect)
    .option('--co2-view <view>', t('CO2 used for carbon intensity: consumption, territorial, total, provincial (省级核算)', '碳强度所用 CO2 口径：consumption、territorial、total、provincial（省级核算）'), 'consumption')
    .option('--base-year <year>', t('base year of comparable prices (default: the first year)', '可比价基年（默认第一年）'))
    .option('--assessment-basis [rule]', t('energy intensity also on the assessment basis: 2022 or 2024 (发改环资〔2024〕113号: all non-fossil deducted); no value = the rule for the periods assessed', '同时按考核口径计算能耗强度：2022 或 2024（发改环资〔2024〕113号：扣除全部非化石能源）；不填则按所评估时期适用的规则'))
    .option('--scenarios <csv>', t('add the pathway chapter: peak per scenario, charts with the target paths, checks (a pathway scenarios file)', '增加碳达峰路径章节：各情景峰值、含目标路径的图表和目标检查（pathway 情景文件）'))
    .action(async (files: string[], options, command: Command) => {
      const { reportCommand } = await import('./commands/report.js');
      const explicit = command.optsWithGlobals().lang as Lang | undefined;
      await reportCommand(files, options, ctx, explicit ?? 'zh');
    });

  return program;
}

/** A repeatable option; no default shown in help, undefined when not given. */
function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/**
 * `--assessment-basis` takes an optional rule (2022 or 2024). Commander would take the next word as that value even
 * when it is an input file (`--assessment-basis data.csv`), so a bare flag is spelled out as `=auto` first.
 */
function ruleOptionsSpelledOut(argv: readonly string[]): string[] {
  return argv.map((a, i) => (a === '--assessment-basis' && !/^\s*\d{4}\s*$/.test(argv[i + 1] ?? '') ? '--assessment-basis=auto' : a));
}

/** Runs the CLI; returns the exit code instead of exiting, so tests and callers can drive it. */
export async function main(
  argv: readonly string[] = process.argv,
  ctx: Partial<CliContext> = {},
): Promise<number> {
  const env = ctx.env ?? process.env;
  const context: CliContext = {
    stdout: ctx.stdout ?? process.stdout,
    stderr: ctx.stderr ?? process.stderr,
    env,
    lang: ctx.lang ?? langOf(argv.slice(2), env),
  };
  if (context.stdout === process.stdout) watchStdout(context);
  const program = buildProgram(context);
  try {
    await loadColour(context);
    await program.parseAsync(ruleOptionsSpelledOut(argv));
    return EXIT.ok;
  } catch (e) {
    return exitCodeOf(e, context);
  }
}

function exitCodeOf(e: unknown, ctx: CliContext): number {
  if (e instanceof ExitError) return e.exitCode;
  if (e instanceof CommanderError) {
    // help and version are not errors; commander has already printed its message
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
    return EXIT.usage;
  }
  if (e instanceof OutputError) {
    ctx.stderr.write(`${ctx.lang === 'zh' ? '输出错误' : 'output error'}: ${ctx.lang === 'zh' ? e.messageZh : e.message}\n`);
    return EXIT.output;
  }
  if (e instanceof UsageError) {
    ctx.stderr.write(`${ctx.lang === 'zh' ? '用法错误' : 'usage error'}: ${ctx.lang === 'zh' ? e.messageZh : e.message}\n`);
    return EXIT.usage;
  }
  const err = e as Error;
  ctx.stderr.write(
    ctx.lang === 'zh'
      ? `内部错误（这是本工具的缺陷，请反馈）：${err.message}\n`
      : `internal error (a bug in ${toolName}; please report it): ${err.message}\n`,
  );
  if (ctx.env.JINCHANG_DEBUG) ctx.stderr.write(`${err.stack}\n`);
  return EXIT.internal;
}

/**
 * Standard output failing ends the run at once, whatever is still running: a closed pipe
 * (`calc … | head -1`) quietly with 0, since the reader has what it wanted; any other write error
 * (`> /dev/full`) with a message and exit 4. Without this, Node prints an unhandled 'error' event.
 */
function watchStdout(ctx: CliContext): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(EXIT.ok);
    const reason = e.code === 'ENOSPC' ? (ctx.lang === 'zh' ? '磁盘已满' : 'no space left on the device') : e.message;
    ctx.stderr.write(
      ctx.lang === 'zh'
        ? `输出错误：无法写入标准输出（${reason}）；输出不完整\n`
        : `output error: cannot write to standard output (${reason}); the output is incomplete\n`,
    );
    process.exit(EXIT.output);
  });
  // a closed or failing stderr (`2>&1 | head -1`) has no one left to tell: the run goes on, or ends on stdout's error
  process.stderr.on('error', () => undefined);
}

/** A reading thread for calc (bin/read-worker.js); its code is loaded only there. */
export async function runReadWorker(): Promise<void> {
  const { readWorker } = await import('./read-worker.js');
  readWorker();
}
