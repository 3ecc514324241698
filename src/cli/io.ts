import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { UsageError } from '../core/usage-error.js';
import type { InputFile, InputSource } from '../core/calc/run.js';
import type { Lang } from '../core/i18n/lang.js';
import { stdinName } from '../core/stdin-name.js';
import { readWhole } from '../core/input/fast-source.js';
import { fileReaderAt, regularFileIdentity } from './file-reader.js';
import { planOutput } from './output-file.js';

/**
 * Reads each named file, or standard input for `-` (named `<stdin>`, 标准输入 in Chinese, in every
 * message and provenance). A missing file is a usage error (exit 2).
 */
export function readInputFiles(paths: readonly string[], lang: Lang): InputFile[] {
  return paths.map((path) => {
    if (path === '-') return { path: stdinName(lang), bytes: readFileSync(0) };
    checkInputPath(path);
    return { path, bytes: readFileSync(path) };
  });
}

function checkInputPath(path: string): number {
  if (!existsSync(path)) {
    throw new UsageError(`no such file: ${path}`, `找不到文件：${path}`);
  }
  const stat = statSync(path);
  if (stat.isDirectory()) {
    throw new UsageError(`${path} is a folder; give the CSV files in it`, `${path} 是文件夹；请给出其中的 CSV 文件`);
  }
  return stat.size;
}

/**
 * Like readInputFiles, but a named file is read in chunks when the calculation gets to it (and
 * only read whole if the csv-parse path needs it); standard input is read whole.
 */
export function openInputFiles(paths: readonly string[], lang: Lang): InputSource[] {
  return paths.map((path) => {
    if (path === '-') return { path: stdinName(lang), bytes: readFileSync(0) };
    const size = checkInputPath(path);
    // helpers read only a regular file, and check they opened the same one
    const identity = regularFileIdentity(path);
    // a pipe, a FIFO, <(…), /dev/stdin: read once, whole, as it cannot be read again or seeked
    if (identity === undefined) return { path, bytes: readFileSync(path) };
    return {
      path,
      size,
      identity,
      open: () => fileReaderAt(path, 0),
      openAt: (position: number) => fileReaderAt(path, position, identity),
      // size, modification time and inode as when it was first seen: else it changed while read
      unchanged: () => {
        try {
          return regularFileIdentity(path) === identity;
        } catch {
          return false; // removed meanwhile
        }
      },
    };
  });
}

/** The bytes of an input, reading a streamed one whole. */
export function wholeFile(input: InputSource): InputFile {
  return 'bytes' in input ? input : { path: input.path, bytes: readWhole(input) };
}

export type FileFormat = 'csv' | 'tsv' | 'json' | 'md' | 'html' | 'xlsx';

const EXTENSIONS: Record<string, FileFormat> = {
  '.csv': 'csv',
  '.tsv': 'tsv',
  '.json': 'json',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.xlsx': 'xlsx',
};

export function formatFromPath(path: string, supported: readonly FileFormat[], formatOption?: string): FileFormat {
  const format = EXTENSIONS[extname(path).toLowerCase()];
  if (format === 'html' && !supported.includes('html')) {
    throw new UsageError(
      `${path}: an HTML file is the annual report: \`jinchang-carbon report <files> -o ${path}\``,
      `${path}：HTML 文件是年度报告，请用 \`jinchang-carbon report <文件> -o ${path}\``,
    );
  }
  if (format && formatOption !== undefined && formatOption !== format) {
    // -o picks the format by the extension: a different -f beside it would be silently ignored
    throw new UsageError(
      `-f ${formatOption} does not match -o ${path} (${format}); the file's extension sets its format: drop -f, or name the file .${formatOption}`,
      `-f ${formatOption} 与 -o ${path}（${format}）不一致；文件格式由扩展名决定：去掉 -f，或把文件命名为 .${formatOption}`,
    );
  }
  if (!format || !supported.includes(format)) {
    const list = supported.map((f) => `.${f}`).join(' ');
    throw new UsageError(
      `cannot tell the format of ${path} from its extension; use ${list}`,
      `无法从扩展名判断 ${path} 的格式；可用 ${list}`,
    );
  }
  return format;
}

/**
 * Refuses to overwrite an input with the output, and, before any work is done, an output the
 * write would refuse anyway (a folder, a read-only file, a missing folder).
 */
export function assertNotAnInput(output: string, inputs: readonly string[]): void {
  planOutput(output);
  const target = safeReal(resolve(output));
  for (const input of inputs) {
    if (input !== '-' && safeReal(resolve(input)) === target) {
      throw new UsageError(`the output ${output} is also an input; choose another file name`, `输出文件 ${output} 同时是输入文件；请换一个文件名`);
    }
  }
}

function safeReal(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

// -o FILE: written whole or not at all (output-file.ts)
export { writeFileAtomic, writeStreamAtomic } from './output-file.js';
