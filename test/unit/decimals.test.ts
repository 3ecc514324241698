import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/core/decimal.js';
import { fixed, PAD_DECIMALS } from '../../src/core/format/number.js';
import { parseDecimalsOption } from '../../src/cli/calc-options.js';
import { UsageError } from '../../src/core/usage-error.js';

describe('--decimals: no figure shows more digits than it was computed with', () => {
  it('rounds half-to-even to N places a figure that has more', () => {
    // 44/12 at 50 significant digits: 3.6666…7
    const ratio = new Decimal(44).dividedBy(12);
    expect(fixed(ratio, 2)).toBe('3.67');
    expect(fixed(ratio, 20)).toBe('3.66666666666666666667');
    expect(fixed(new Decimal('0.125'), 2)).toBe('0.12');
  });

  it(`pads an exact figure with zeros only up to ${PAD_DECIMALS} decimals`, () => {
    // 24000 t × 0.7143 tce/t = 17143.2 tce exactly: one decimal computed
    const energy = new Decimal(24000).times('0.7143');
    expect(fixed(energy, 2)).toBe('17143.20');
    expect(fixed(energy, 6)).toBe('17143.200000');
    expect(fixed(energy, 20)).toBe('17143.200000');
    expect(fixed(energy, 'full')).toBe('17143.2');
    // a figure with 9 decimals of its own shows all 9 at --decimals 20, no more
    expect(fixed(new Decimal('44659.989792123'), 20)).toBe('44659.989792123');
    expect(fixed(new Decimal(5), 0)).toBe('5');
    expect(fixed(new Decimal(5), 3)).toBe('5.000');
  });
});

describe('--decimals: what the check takes is what its message says', () => {
  const message = (v: string) => {
    try {
      parseDecimalsOption(v);
    } catch (e) {
      return e instanceof UsageError ? e.message : String(e);
    }
    return undefined;
  };
  it('takes a whole number from 0 to 20, or full', () => {
    expect(parseDecimalsOption('0')).toBe(0);
    expect(parseDecimalsOption('20')).toBe(20);
    expect(parseDecimalsOption('07')).toBe(7);
    expect(parseDecimalsOption('full')).toBe('full');
    expect(parseDecimalsOption('FULL')).toBe('full');
  });
  it('refuses anything else, saying so', () => {
    for (const v of ['-1', '21', '99', '2.5', 'abc', '', '1e1', '100']) {
      expect(message(v), v).toBe(`--decimals must be a whole number from 0 to 20, or full, not "${v}"`);
    }
  });
});
