import { describe, expect, it } from 'vitest';
import { lsnValue } from '../src/read-replica.ts';

/*
 * WAL positions compared as numbers (read-your-writes, db/src/read-replica.ts): `hi/lo` in
 * hexadecimal is hi · 2^32 + lo. The expected values are worked out by hand.
 */
describe('lsnValue', () => {
  it('reads hi/lo hexadecimal as hi · 2^32 + lo', () => {
    expect(lsnValue('0/0')).toBe(0n);
    // 0x16B3748 = 16 777 216 + 6 · 1 048 576 + 11 · 65 536 + 3 · 4 096 + 7 · 256 + 4 · 16 + 8
    expect(lsnValue('0/16B3748')).toBe(23_803_720n);
    expect(lsnValue('1/0')).toBe(4_294_967_296n);
    expect(lsnValue('2/1a')).toBe(2n * 4_294_967_296n + 26n);
    expect(lsnValue('FFFFFFFF/FFFFFFFF')).toBe(18_446_744_073_709_551_615n);
  });

  it('orders positions where their text does not: 0/9 before 0/10, 0/FFFFFFFF before 1/0', () => {
    expect(lsnValue('0/9') < lsnValue('0/10')).toBe(true);
    expect('0/9' < '0/10').toBe(false);
    expect(lsnValue('0/FFFFFFFF') < lsnValue('1/0')).toBe(true);
    expect(lsnValue('A/0') > lsnValue('9/FFFFFFFF')).toBe(true);
  });

  it('refuses what is not a WAL position', () => {
    for (const bad of ['', '0', '0/', '/0', '0/0/0', 'G/0', '123456789/0']) {
      expect(() => lsnValue(bad), bad).toThrow('not a WAL position');
    }
  });
});
