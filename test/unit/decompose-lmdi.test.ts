import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/core/decimal.js';
import { additive, cellEffects, logMean, multiplicative, type CellValues } from '../../src/core/decompose/lmdi.js';

const d = (v: number | string) => new Decimal(v);
const cells = (x0: number[][], xT: number[][]): CellValues[] =>
  x0.map((row, i) => ({ group: `subcat ${i + 1}`, x0: row.map(d), xT: xT[i]!.map(d) }));
/** 8 significant digits, as the LMDIR expectations are printed */
const sig8 = (v: Decimal) => v.toSignificantDigits(8).toString();

// The LMDIR test vectors (MatthewHeun/LMDIR, tests/testthat/test_lmdi.R, read with the search tools):
// two sub-categories × three factors; V_i is the row product.
const X1971 = [[1, 10, 2], [4, 5, 3]]; // V = 20 + 60 = 80
const X1972 = [[4, 5, 3], [5, 6, 4]]; // V = 60 + 120 = 180
const X1973 = [[8, 2, 4], [5, 7, 5]]; // V = 64 + 175 = 239

describe('LMDI-I against the LMDIR test vectors', () => {
  it('additive 1971→1972: 69.79006598, −9.455125793, 39.66505981, sum 100', () => {
    const r = additive(3, cells(X1971, X1972));
    expect(r.effects.map(sig8)).toEqual(['69.790066', '-9.4551258', '39.66506']);
    // to the digits LMDIR prints
    expect(r.effects[0]!.minus('69.79006598').abs().lessThan('5e-9')).toBe(true);
    expect(r.effects[1]!.minus('-9.455125793').abs().lessThan('5e-10')).toBe(true);
    expect(r.effects[2]!.minus('39.66505981').abs().lessThan('5e-9')).toBe(true);
    expect(r.change.toString()).toBe('100');
    expect(r.residual.abs().lessThan('1e-45')).toBe(true);
  });

  it('per group 1971→1972 (LMDIR Zij): 50.47438029, −25.23719014, 14.76280986 / 19.31568569, 15.78206435, 24.90224996', () => {
    const r = additive(3, cells(X1971, X1972));
    expect(r.cells[0]!.effects.map((e) => e.toDecimalPlaces(8).toString())).toEqual(['50.47438029', '-25.23719014', '14.76280986']);
    expect(r.cells[1]!.effects.map((e) => e.toDecimalPlaces(8).toString())).toEqual(['19.31568569', '15.78206435', '24.90224996']);
  });

  it('additive 1972→1973: 42.96021467, −34.31902656, 50.3588119', () => {
    const r = additive(3, cells(X1972, X1973));
    expect(r.effects.map((e) => e.toDecimalPlaces(8).toString())).toEqual(['42.96021467', '-34.31902656', '50.3588119']);
    expect(r.change.toString()).toBe('59');
  });

  it('multiplicative 1971→1972: 1.761117821, 0.926191306, 1.379410116; product 2.25', () => {
    const r = multiplicative(3, cells(X1971, X1972))!;
    expect(r.effects.map((e) => e.toDecimalPlaces(9).toString())).toEqual(['1.761117821', '0.926191306', '1.379410116']);
    expect(r.ratio.toString()).toBe('2.25');
    expect(r.residual.abs().lessThan('1e-45')).toBe(true);
  });

  it('multiplicative 1972→1973: 1.229284572, 0.847970248, 1.273773912 (LMDIR D[[3]])', () => {
    const r = multiplicative(3, cells(X1972, X1973))!;
    expect(r.effects.map((e) => e.toDecimalPlaces(9).toString())).toEqual(['1.229284572', '0.847970248', '1.273773912']);
  });

  it('1973→1974 (LMDIR dV[[4]], D[[4]]): 54.01064234, −9.021284671, 54.01064234; 1.208140223, 0.968911503, 1.208140223', () => {
    const X1974 = [[10, 1, 5], [6, 8, 6]]; // V = 50 + 288 = 338
    expect(additive(3, cells(X1973, X1974)).effects.map((e) => e.toDecimalPlaces(8).toString())).toEqual(['54.01064234', '-9.02128467', '54.01064234']);
    expect(multiplicative(3, cells(X1973, X1974))!.effects.map((e) => e.toDecimalPlaces(9).toString())).toEqual(['1.208140223', '0.968911503', '1.208140223']);
  });

  it('a group that appears: (0, 10, 2) → (4, 5, 3) gives (60, 0, 0), never a small substitute', () => {
    const c = cellEffects({ group: 'g', x0: [d(0), d(10), d(2)], xT: [d(4), d(5), d(3)] });
    expect(c.effects.map(String)).toEqual(['60', '0', '0']);
    expect(c.zero).toBe('appears');
    // the whole split keeps closure: the second group is LMDIR's row 2 unchanged
    const r = additive(3, cells([[0, 10, 2], [4, 5, 3]], X1972));
    expect(r.cells[1]!.effects.map((e) => e.toDecimalPlaces(8).toString())).toEqual(['19.31568569', '15.78206435', '24.90224996']);
    expect(r.residual.abs().lessThan('1e-45')).toBe(true);
  });

  it('a group that disappears: row 2 (4, 5, 3) → (5, 6, 0) gives (0, 0, −60)', () => {
    const c = cellEffects({ group: 'g', x0: [d(4), d(5), d(3)], xT: [d(5), d(6), d(0)] });
    expect(c.effects.map(String)).toEqual(['0', '0', '-60']);
    expect(c.zero).toBe('disappears');
  });

  it('zero in both years gives nothing (not L = 0 for equal values: that is another thing)', () => {
    expect(cellEffects({ group: 'g', x0: [d(0), d(3)], xT: [d(0), d(7)] }).effects.map(String)).toEqual(['0', '0']);
    // L(a, a) = a, never 0 (an anti-pattern seen in public code)
    expect(logMean(d(7), d(7)).toString()).toBe('7');
  });

  it('L(a, b) near a = b agrees with the closed form and is symmetric', () => {
    // L(2, 1) = 1 / ln 2 = 1.4426950408889634074…
    expect(logMean(d(2), d(1)).toDecimalPlaces(16).toString()).toBe('1.4426950408889634');
    expect(logMean(d(1), d(2)).toString()).toBe(logMean(d(2), d(1)).toString());
    // series branch: L(1 + 1e-20, 1) = 1 + 0.5e-20 − …
    expect(logMean(d('1.00000000000000000001'), d(1)).toDecimalPlaces(30).toString()).toBe('1.000000000000000000005');
  });

  it('time reversal: T→0 is the exact negative of 0→T', () => {
    const f = additive(3, cells(X1971, X1972)).effects;
    const b = additive(3, cells(X1972, X1971)).effects;
    f.forEach((e, i) => expect(e.plus(b[i]!).abs().lessThan('1e-45')).toBe(true));
  });
});
