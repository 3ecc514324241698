import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/core/decimal.js';
import { decoupling } from '../../src/core/decompose/tapio.js';

const d = (v: number | string) => new Decimal(v);
/** CO2 100 → c, GDP 100 → g: e = ((c − 100)/100) / ((g − 100)/100) */
const state = (c: number, g: number) => decoupling(2020, 2021, d(100), d(c), d(100), d(g));

describe('Tapio decoupling: the eight states, thresholds 0.8 and 1.2', () => {
  it('growth: strong, weak decoupling, expansive coupling, expansive negative decoupling', () => {
    expect(state(95, 110).state).toBe('strong_decoupling'); // e = −0.05/0.10 = −0.5
    expect(state(105, 110).state).toBe('weak_decoupling'); // e = 0.5
    expect(state(108, 110).state).toBe('expansive_coupling'); // e = 0.8, inclusive
    expect(state(112, 110).state).toBe('expansive_coupling'); // e = 1.2, inclusive
    expect(state(113, 110).state).toBe('expansive_negative_decoupling'); // e = 1.3
    expect(state(100, 110).state).toBe('weak_decoupling'); // ΔC = 0: e = 0
  });

  it('recession: strong negative, recessive decoupling, recessive coupling, weak negative decoupling', () => {
    expect(state(105, 90).state).toBe('strong_negative_decoupling'); // e = 0.05/−0.10 = −0.5
    expect(state(85, 90).state).toBe('recessive_decoupling'); // e = 1.5
    expect(state(90, 90).state).toBe('recessive_coupling'); // e = 1
    expect(state(95, 90).state).toBe('weak_negative_decoupling'); // e = 0.5
  });

  it('elasticity and changes are exact; no GDP change gives no elasticity', () => {
    const r = state(105, 110);
    expect([r.co2_change_pct.toString(), r.gdp_change_pct.toString(), r.elasticity!.toString()]).toEqual(['5', '10', '0.5']);
    expect(state(105, 100)).toMatchObject({ elasticity: null, state: null });
  });
});
