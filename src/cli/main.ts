import { Command, CommanderError, Option } from 'commander';
import { UsageError } from '../core/calc/select-factors.js';
import { langFromEnv, type Lang } from '../core/i18n/lang.js';
import { ExitError, type CliContext } from './context.js';
import { toolName, toolVersion } from './version.js';

/** Exit codes: 0 ok, 1 the data is invalid, 2 usage error, 3 internal error (a bug). */
export const EXIT = { ok: 0, data: 1, usage: 2, internal: 3 } as const;

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
    .version(toolVersion(), '-V, --version')
    .addOption(new Option('--lang <lang>', t('language of labels and messages', '标签和提示语言')).choices(['zh', 'en']))
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => ctx.stdout.write(s), writeErr: (s) => ctx.stderr.write(s) });

  const calcOptions = (cmd: Command) =>
    cmd
      .option('--by <dims>', t('group by: year, sector, fuel, scope, category, use, or an input column', '分组：year, sector, fuel, scope, category, use 或输入中的列名'), 'year,sector,fuel')
      .option('--factors <table>', t('factor table id[@version] or a table file (repeatable, one per kind)', '因子表 id[@版本] 或因子表文件（可重复，每类一个）'), collect, [])
      .option('--grid <region>', t('grid factor region: gansu, northwest, national, or any bundled region', '电网因子地区：gansu、northwest、national 或其他已收录地区'), 'gansu')
      .option('--grid-year <year>', t('year of the grid factor (default: the data year, else the nearest published)', '电网因子年份（默认取数据年份，没有则取最近年份）'))
      .option('--electricity-method <method>', t('tce of electricity: equivalent (0.1229 kgce/kWh) or coal (power-supply coal rate)', '电力折标：equivalent 当量值 或 coal 等价值（供电煤耗）'), 'equivalent')
      .option('--gwp <set>', t('GWP set for CO2e: sar, ar4, ar5, ar6', 'CO2当量所用 GWP：sar、ar4、ar5、ar6'), 'ar5')
      .option('--encoding <encoding>', t('input encoding: utf8 or gbk (default: detected)', '输入编码：utf8 或 gbk（默认自动识别）'))
      .option('--strict', t('treat unknown sectors as errors', '未知部门按错误处理'));

  const outputOptions = (cmd: Command) =>
    cmd
      .option('-f, --format <format>', t('stdout format: table, csv, tsv, json, md (default: table on a terminal, csv in a pipe)', '标准输出格式：table、csv、tsv、json、md（默认终端为 table，管道为 csv）'))
      .option('-o, --output <file>', t('write to a file; the format follows its extension', '写入文件，格式由扩展名决定'))
      .option('--bom', t('start CSV with a UTF-8 BOM so Excel shows Chinese correctly', 'CSV 加 UTF-8 BOM，便于 Excel 正确显示中文'))
      .option('--decimals <n>', t('decimals printed (default 2 for tables, 6 for csv/json; "full" for every digit)', '输出小数位（表格默认 2，csv/json 默认 6；full 为全部位数）'));

  outputOptions(
    calcOptions(
      program
        .command('calc')
        .description(t('activity data → energy (tce) and CO2 by sector, fuel and scope, with city totals', '活动水平数据 → 分部门、品种、范围的能耗与 CO2 及全市合计'))
        .argument('<file...>', t('activity CSV files (- for standard input)', '活动水平 CSV 文件（- 表示标准输入）')),
    ),
  )
    .option('--totals', t('print only the city totals', '只输出全市合计'))
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
    .action(async () => {
      const { templateCommand } = await import('./commands/template.js');
      await templateCommand(ctx);
    });

  return program;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
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
  const program = buildProgram(context);
  try {
    await program.parseAsync(argv);
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
