import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/core/decimal.js';
import { fixed, grouped, quantityText } from '../../src/core/format/number.js';
import { markdownText, toDelimited, toMarkdown } from '../../src/core/format/tabular.js';
import { compactNumber } from '../../src/core/report/svg/common.js';

// issue 14: no figure is ever printed in exponent form, whatever its size (decimal.js's toString
// switches to 1.4571e+400 beyond toExpPos 60 / toExpNeg -40; toFixed never does)
describe('figures in plain digits', () => {
  const huge = new Decimal('1.4571e400');
  const tiny = new Decimal('3e-45');

  it('--decimals full prints every digit, never an exponent', () => {
    expect(fixed(huge, 'full')).toBe(`14571${'0'.repeat(396)}`);
    expect(fixed(tiny, 'full')).toBe(`0.${'0'.repeat(44)}3`);
    expect(fixed(new Decimal('-1e61'), 'full')).toBe(`-1${'0'.repeat(61)}`);
  });

  it('fixed decimals and quantities too', () => {
    expect(fixed(huge, 2)).toBe(`14571${'0'.repeat(396)}.00`);
    expect(fixed(tiny, 6)).toBe('0.000000');
    expect(quantityText(new Decimal('1e70'), 2)).toBe(`1${'0'.repeat(70)}`);
    expect(quantityText(tiny, 'full')).toBe(`0.${'0'.repeat(44)}3`);
    expect(grouped(fixed(new Decimal('1e61'), 0))).toBe(`10${',000'.repeat(20)}`);
  });

  it('chart axis labels of huge values', () => {
    for (const n of [1e21, 1e25, 1e30, -1e30]) {
      expect(compactNumber(n, 'en')).not.toMatch(/e/i);
      expect(compactNumber(n, 'zh')).not.toMatch(/e/i);
    }
    expect(compactNumber(1e30, 'en')).toBe(`1${'0'.repeat(21)}G`);
  });
});

describe('Markdown text', () => {
  it('stays text: no HTML, links, emphasis, cell ends or line breaks', () => {
    expect(markdownText('<svg onload=alert(1)>')).toBe('&lt;svg onload=alert(1)&gt;');
    expect(markdownText('[x](javascript:alert(1))')).toBe('\\[x\\](javascript:alert(1))');
    expect(markdownText('*a* _b_ `c` ~d~ e|f \\')).toBe('\\*a\\* \\_b\\_ \\`c\\` \\~d\\~ e\\|f \\\\');
    expect(markdownText('line one\r\nline two\nthree')).toBe('line one line two three');
    expect(markdownText('&amp; & &#60;')).toBe('&amp;amp; & &amp;#60;');
    // word-inner underscores (fuel ids) stay as they are
    expect(markdownText('raw_coal 原煤_甲')).toBe('raw_coal 原煤_甲');
  });

  it('toMarkdown escapes text cells and leaves figures alone', () => {
    const md = toMarkdown({
      columns: [
        { key: 'sector', label: 'Sector', numeric: false },
        { key: 'co2_t', label: 'CO2 (t)', numeric: true },
      ],
      rows: [['A|B\nC', '1.50']],
    });
    expect(md).toBe('| Sector | CO2 (t) |\n| --- | ---: |\n| A\\|B C | 1.50 |\n');
    // CSV keeps the text as it is (quoted), with the formula guard
    expect(toDelimited({ columns: [{ key: 's', label: 's', numeric: false }], rows: [['=A|B\nC']] }, ',')).toBe('s\n"\'=A|B\nC"\n');
  });
});
