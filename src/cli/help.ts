import type { Command, Help, HelpConfiguration, Option } from 'commander';
import type { Lang } from '../core/i18n/lang.js';
import { displayWidth } from '../core/text.js';

/**
 * commander's own words in the user's language, and help wrapped by display width: a CJK character
 * takes two terminal columns and a line may break between any two of them (commander counts
 * characters and breaks at spaces only, so Chinese help ran to 113 columns).
 */
export function helpConfiguration(lang: Lang): HelpConfiguration {
  const zh = lang === 'zh';
  return {
    displayWidth: (text: string) => displayWidth(text.replace(/\x1b\[[0-9;]*m/g, '')),
    boxWrap(this: Help, text: string, width: number) {
      return wrapByWidth(text, width, (s) => this.displayWidth(s));
    },
    styleTitle: (title: string) => (zh ? (TITLES_ZH[title] ?? title) : title),
    optionDescription(this: Help, option: Option) {
      const text = (Object.getPrototypeOf(this) as Help).optionDescription.call(this, option);
      if (!zh) return text;
      return text
        .replace(/ ?\(choices: (.*), default: (.*)\)$/, '（可选：$1；默认：$2）')
        .replace(/ ?\(default: ([^)]*)\)$/, '（默认：$1）')
        .replace(/ ?\(choices: ([^)]*)\)$/, '（可选：$1）');
    },
  };
}

const TITLES_ZH: Record<string, string> = {
  'Usage:': '用法：',
  'Options:': '选项：',
  'Global Options:': '全局选项：',
  'Commands:': '命令：',
  'Arguments:': '参数：',
};

/** Breaks text into lines of at most `width` columns: at spaces, and between CJK characters. */
export function wrapByWidth(text: string, width: number, widthOf: (s: string) => number = displayWidth): string {
  if (width < 40) return text;
  const chunk = /\s*[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]|\s*[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+/g;
  return text
    .split(/\r\n|\n/)
    .map((line) => {
      const chunks = line.match(chunk);
      if (!chunks) return '';
      const lines: string[] = [];
      let parts = [chunks.shift()!];
      const joined = () => parts.join('');
      for (const c of chunks) {
        if (widthOf(joined() + c) <= width) {
          parts.push(c);
          continue;
        }
        // a closing mark never starts a line (the chunk before it goes down with it), nor does an opening one end it
        let carried: string[] = [];
        if (/^[，。；：、）》”！？]$/.test(c) && parts.length > 1) carried = parts.splice(-1);
        if (parts.length > 1 && /[（《“]$/.test(parts.at(-1)!)) carried = [...parts.splice(-1), ...carried];
        lines.push(joined());
        parts = [...carried, c].map((p, i) => (i === 0 ? p.trimStart() : p));
      }
      lines.push(joined());
      return lines.join('\n');
    })
    .join('\n');
}

/** commander's error messages in Chinese; anything not known keeps its English after 错误： */
export function translateCommanderError(message: string, lang: Lang): string {
  if (lang !== 'zh') return message;
  const rules: [RegExp, string][] = [
    [/^error: unknown option '([^']*)'/, '错误：未知选项“$1”'],
    [/^error: unknown command '([^']*)'/, '错误：未知命令“$1”'],
    [/^error: missing required argument '([^']*)'/, '错误：缺少必需的参数“$1”'],
    [/^error: option '([^']*)' argument missing/, '错误：选项“$1”缺少取值'],
    [/^error: option '([^']*)' argument '([^']*)' is invalid\. Allowed choices are (.*)\./, '错误：选项“$1”的取值“$2”无效，可选：$3。'],
    [/^error: too many arguments(?: for '([^']*)')?\. Expected (\d+) arguments? but got (\d+)\./, '错误：参数过多：应为 $2 个，实为 $3 个。'],
    [/\(Did you mean (.*)\?\)/, '（是否要用 $1？）'],
    [/^error: /, '错误：'],
  ];
  let out = message;
  for (const [re, zh] of rules) out = out.replace(re, zh);
  return out;
}

/** The help and version options and the help command, described in the user's language. */
export function localiseBuiltIns(program: Command, lang: Lang, version: string): Command {
  const zh = lang === 'zh';
  return program
    .version(version, '-V, --version', zh ? '显示版本号' : 'output the version number')
    .helpOption('-h, --help', zh ? '显示帮助' : 'display help for command')
    .helpCommand('help [command]', zh ? '显示某个命令的帮助' : 'display help for command');
}
