import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliContext } from '../../src/cli/context.js';
import { plainStyle } from '../../src/core/format/text-table.js';
import { resultRenderBasics, writeResult } from '../../src/cli/result-output.js';
import { toolName, toolVersion } from '../../src/cli/version.js';

const tmp = mkdtempSync(join(tmpdir(), 'jc-result-output-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function context(): { ctx: CliContext; written: string[] } {
  const written: string[] = [];
  const stdout = { write: (s: string) => (written.push(s), true), isTTY: false } as unknown as CliContext['stdout'];
  return { ctx: { stdout, stderr: stdout, env: {}, lang: 'zh' }, written };
}

const never = () => {
  throw new Error('not this writer');
};

describe('resultRenderBasics', () => {
  it('gives the language, digits, BOM, the tool, and a style only when printing to stdout', () => {
    const { ctx } = context();
    expect(resultRenderBasics(ctx, { bom: true }, 3)).toEqual({ lang: 'zh', decimals: 3, bom: true, style: plainStyle, tool: { name: toolName, version: toolVersion() } });
    expect(resultRenderBasics(ctx, { output: 'r.csv' }, undefined).style).toBeUndefined();
  });
});

describe('writeResult', () => {
  it('prints text on stdout when there is no -o', async () => {
    const { ctx, written } = context();
    await writeResult(ctx, undefined, 'csv', { workbook: never, text: () => 'a,b\n1,2\n' });
    expect(written).toEqual(['a,b\n1,2\n']);
  });

  it('writes text to the -o file, and nothing on stdout', async () => {
    const { ctx, written } = context();
    const file = join(tmp, 'r.md');
    await writeResult(ctx, file, 'md', { workbook: never, text: () => '## 标题\n' });
    expect(readFileSync(file, 'utf8')).toBe('## 标题\n');
    expect(written).toEqual([]);
  });

  it('streams a workbook to the -o file, loading its writer only then', async () => {
    const { ctx, written } = context();
    const file = join(tmp, 'r.xlsx');
    let loaded = 0;
    await writeResult(ctx, file, 'xlsx', {
      workbook: async () => {
        loaded++;
        return async (out) => {
          out.end(Buffer.from('PK\x03\x04'));
        };
      },
      text: never,
    });
    expect(loaded).toBe(1);
    expect(readFileSync(file)).toEqual(Buffer.from('PK\x03\x04'));
    expect(written).toEqual([]);
  });
});
