import { describe, expect, it } from 'vitest';
import { classifySize } from '../reference/size.ts';

const B = 1_000_000_000;

describe('classifySize (PP 7/2021)', () => {
  it.each([
    [0, 'MICRO'],
    [1 * B, 'MICRO'],
    [1 * B + 1, 'SMALL'],
    [5 * B, 'SMALL'],
    [5 * B + 1, 'MEDIUM'],
    [10 * B, 'MEDIUM'],
    [10 * B + 1, 'LARGE'],
  ])('classifies capital of Rp %d as %s', (capital, expected) => {
    expect(classifySize(capital, null)).toEqual({ sizeClass: expected, basis: 'CAPITAL' });
  });

  it.each([
    [0, 'MICRO'],
    [2 * B, 'MICRO'],
    [2 * B + 1, 'SMALL'],
    [15 * B, 'SMALL'],
    [15 * B + 1, 'MEDIUM'],
    [50 * B, 'MEDIUM'],
    [50 * B + 1, 'LARGE'],
  ])('classifies annual revenue of Rp %d as %s when capital is unknown', (revenue, expected) => {
    expect(classifySize(null, revenue)).toEqual({ sizeClass: expected, basis: 'REVENUE' });
  });

  it('decides by capital when both are known, even when revenue points elsewhere', () => {
    expect(classifySize(1 * B, 60 * B)).toEqual({ sizeClass: 'MICRO', basis: 'CAPITAL' });
  });

  it('leaves the size unknown (null) when neither figure is known, never guessing', () => {
    expect(classifySize(null, null)).toEqual({ sizeClass: null, basis: null });
    expect(classifySize(undefined, undefined)).toEqual({ sizeClass: null, basis: null });
  });

  it('rejects negative and fractional amounts', () => {
    expect(() => classifySize(-1, null)).toThrow(/capital must be a non-negative whole number/);
    expect(() => classifySize(null, 1.5)).toThrow(/revenue must be a non-negative whole number/);
  });
});
