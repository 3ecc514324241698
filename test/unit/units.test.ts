import { describe, expect, it } from 'vitest';
import { parseUnit } from '../../src/core/units.js';
import { parseDecimal } from '../../src/core/input/quantity.js';

describe('parseUnit', () => {
  it.each([
    ['t', 'mass', '1'],
    ['吨', 'mass', '1'],
    ['万t', 'mass', '10000'],
    ['万吨', 'mass', '10000'],
    ['10^4 t', 'mass', '10000'],
    ['10⁴t', 'mass', '10000'],
    ['kg', 'mass', '0.001'],
    ['m3', 'volume', '1'],
    ['m³', 'volume', '1'],
    ['万m3', 'volume', '10000'],
    ['万立方米', 'volume', '10000'],
    ['亿m3', 'volume', '100000000'],
    ['kWh', 'electricity', '1'],
    ['千瓦时', 'electricity', '1'],
    ['万kWh', 'electricity', '10000'],
    ['万千瓦时', 'electricity', '10000'],
    ['亿kWh', 'electricity', '100000000'],
    ['亿千瓦时', 'electricity', '100000000'],
    ['MWh', 'electricity', '1000'],
    ['GWh', 'electricity', '1000000'],
    ['GJ', 'heat', '1'],
    ['吉焦', 'heat', '1'],
    ['百万千焦', 'heat', '1'],
    ['TJ', 'heat', '1000'],
    ['tce', 'standard-coal', '1'],
    ['吨标准煤', 'standard-coal', '1'],
    ['万tce', 'standard-coal', '10000'],
    ['万吨标准煤', 'standard-coal', '10000'],
    [' 万 吨 ', 'mass', '10000'],
    ['ＫＷＨ', 'electricity', '1'],
  ])('%s is %s × %s', (text, dimension, factor) => {
    const unit = parseUnit(text);
    expect(unit?.dimension).toBe(dimension);
    expect(unit?.toBase.toString()).toBe(factor);
  });

  it('rejects what it does not know', () => {
    expect(parseUnit('kwhh')).toBeUndefined();
    expect(parseUnit('')).toBeUndefined();
    expect(parseUnit('桶')).toBeUndefined();
  });

  it('converts exactly: 90.78 亿kWh is 9,078,000,000 kWh', () => {
    expect(parseDecimal('90.78')!.times(parseUnit('亿kWh')!.toBase).toString()).toBe('9078000000');
  });
});

describe('parseDecimal', () => {
  it.each([
    ['1234.5', '1234.5'],
    ['1,234.5', '1234.5'],
    ['1,234,567', '1234567'],
    [' 12 ', '12'],
    ['１２３．５', '123.5'],
    ['0.1', '0.1'],
    ['1.5E+3', '1500'],
    ['.5', '0.5'],
    ['1 234 567', '1234567'],
    ['1 234.5', '1234.5'],
    ['1\u00a0234', '1234'],
  ])('%s → %s', (text, value) => {
    expect(parseDecimal(text)?.toString()).toBe(value);
  });

  it.each(['', 'abc', '1,23', '12,34.5', '1.2.3', '12吨', '--1', '12 5', '1\n2', '1  234', '12 34 567'])('%s is not a number', (text) => {
    expect(parseDecimal(text)).toBeUndefined();
  });

  it('never goes through a float: 0.1 + 0.2 is 0.3', () => {
    expect(parseDecimal('0.1')!.plus(parseDecimal('0.2')!).toString()).toBe('0.3');
  });
});
