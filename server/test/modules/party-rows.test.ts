import { describe, expect, it } from 'vitest';
import { isWholeRow, type PartyRow } from '../../src/modules/party/party-select.queries.ts';

/*
 * isWholeRow decides which party rows may prime the request's party loader (toPartyPrimed): only
 * rows with every own column and their kind's profile, never one fetched lean for one selection.
 */

const unit = (columns: Partial<PartyRow>): PartyRow =>
  ({ id: 7, kind: 'NETWORK_UNIT', name: 'SDN 1 Sungai Raya', region_code: '61.12.01', ...columns }) as PartyRow;

const OWN = {
  parent_id: 3,
  size_class: null,
  is_government: true,
  status: 'ACTIVE',
  registered_on: null,
  npwp: null,
} as const;

describe('isWholeRow', () => {
  it('a unit with every own column and its profile is whole', () => {
    expect(isWholeRow(unit({ ...OWN, unit_type: 'SCHOOL', unit_members: 12 }))).toBe(true);
  });

  it('a unit with its profile but only the lean own columns is not', () => {
    expect(isWholeRow(unit({ unit_type: 'SCHOOL', unit_members: 12 }))).toBe(false);
  });

  it('a unit with every own column but no profile is not', () => {
    expect(isWholeRow(unit(OWN))).toBe(false);
  });

  it('a vendor (no profile table) with every own column is whole, a lean one is not', () => {
    expect(isWholeRow(unit({ ...OWN, kind: 'VENDOR' }))).toBe(true);
    expect(isWholeRow(unit({ kind: 'VENDOR' }))).toBe(false);
  });
});
