import { describe, expect, it } from 'vitest';
import {
  CoopType,
  FlowLevel,
  PartyStatus,
  ProductCategory,
  ProgramStatus,
  RecoveryGroup,
  SatkerMappingSource,
  SellerClass,
  SizeClass,
  TargetSource,
  UnitType,
  Verification,
} from '../graphql/generated/enums.ts';
import { en } from './en.ts';
import { id, type MessageKey } from './id.ts';

// Each label prefix the dashboard uses with i.label, and the API enum (from the schema) it labels.
const LABELLED: Array<[string, Record<string, string>]> = [
  ['cat', ProductCategory],
  ['unit', UnitType],
  ['size', SizeClass],
  ['pstatus', PartyStatus],
  ['verif', Verification],
  ['coop', CoopType],
  ['flow', FlowLevel],
  ['status', ProgramStatus],
  ['targetSource', TargetSource],
  ['group', RecoveryGroup],
  ['seller', SellerClass],
  ['satkerSource', SatkerMappingSource],
];

describe('enum labels', () => {
  it.each(LABELLED)('every value of the %s enum has a label in Indonesian and in English', (prefix, values) => {
    const missing = Object.values(values).flatMap((v) => {
      const key = `${prefix}.${v}` as MessageKey;
      return [...(key in id ? [] : [`id ${key}`]), ...(key in en ? [] : [`en ${key}`])];
    });
    expect(Object.values(values).length).toBeGreaterThan(1);
    expect(missing).toEqual([]);
  });

  it('takes the domain labels from db/src/enums.ts (the category SNACKS)', () => {
    expect(id['cat.SNACKS']).toBe('Penganan');
    expect(en['cat.SNACKS']).toBe('Snacks');
  });
});
