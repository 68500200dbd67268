import { describe } from 'vitest';
import { sortBy, within } from '../support/oracle/index.ts';
import { byName, check, gid, kind, networkOf, o, ref, section, TENANT, useApiBundleServer } from './list-harness.ts';

/*
 * Every filter and every order of the agency, network unit, cooperative, vendor and enterprise
 * lists, over real HTTP, against the fixture bundle: expected rows and order computed by the oracle
 * from the tables (list-harness.ts).
 */

useApiBundleServer();

describe('agencies, network units, cooperatives and vendors', () => {
  const agencies = () => o.parties.filter(kind('AGENCY'));
  const units = () => o.parties.filter(kind('NETWORK_UNIT'));
  check([
    ['agencies by name', 'agencies', undefined, undefined, () => byName(agencies())],
    [
      'agency types',
      'agencies',
      { agencyTypes: ['DINAS'] },
      undefined,
      () => byName(agencies().filter((p) => p.agency_type === 'DINAS')),
    ],
    [
      'agency search on the code',
      'agencies',
      () => ({ search: ref('AG-BAPPEDA').agency_code }),
      undefined,
      () => [ref('AG-BAPPEDA').id],
    ],
    ['agencies in a district', 'agencies', { regionCode: '61.12.01' }, undefined, () => [ref('AG-KEC-SR').id]],
    [
      'agencies by code',
      'agencies',
      undefined,
      { field: 'CODE' },
      () => sortBy(agencies(), (p) => p.agency_code ?? '').map((p) => p.id),
    ],
    [
      'agencies by code descending',
      'agencies',
      undefined,
      { field: 'CODE', direction: 'DESC' },
      () => sortBy(agencies(), (p) => p.agency_code ?? '', true).map((p) => p.id),
    ],
    ['network units by name', 'networkUnits', undefined, undefined, () => byName(units())],
    [
      'unit types',
      'networkUnits',
      { unitTypes: ['SCHOOL'] },
      undefined,
      () => byName(units().filter((p) => p.unit_type === 'SCHOOL')),
    ],
    [
      'units of an agency at any depth',
      'networkUnits',
      () => ({ agencyIds: [gid('Agency', 'AG-DINKES')] }),
      undefined,
      () => byName(units().filter((p) => networkOf(ref('AG-DINKES').id).has(p.id))),
    ],
    [
      'units of two agencies',
      'networkUnits',
      () => ({ agencyIds: [gid('Agency', 'AG-KEC-SR'), gid('Agency', 'AG-BAPPEDA')] }),
      undefined,
      () =>
        byName(
          units().filter((p) => networkOf(ref('AG-KEC-SR').id).has(p.id) || networkOf(ref('AG-BAPPEDA').id).has(p.id)),
        ),
    ],
    [
      'units directly under a unit',
      'networkUnits',
      () => ({ parentIds: [gid('NetworkUnit', 'NU-PKM-SR')] }),
      undefined,
      () => [ref('NU-PUSTU').id],
    ],
    [
      'non-government units',
      'networkUnits',
      { isGovernment: false },
      undefined,
      () => byName(units().filter((p) => !p.is_government)),
    ],
    [
      'units in a village',
      'networkUnits',
      { regionCode: '61.12.01.2003', statuses: ['ACTIVE'] },
      undefined,
      () => byName(units().filter((p) => p.region_code === '61.12.01.2003')),
    ],
    ['cooperatives', 'cooperatives', undefined, undefined, () => byName(o.parties.filter(kind('COOPERATIVE')))],
    [
      'cooperative types',
      'cooperatives',
      { coopTypes: ['PRODUCER'] },
      undefined,
      () => byName(o.parties.filter((p) => p.coop_type === 'PRODUCER')),
    ],
    [
      'cooperative verification',
      'cooperatives',
      { verifications: ['VERIFIED'] },
      undefined,
      () => byName(o.parties.filter((p) => p.c_verification === 'VERIFIED')),
    ],
    [
      'cooperatives of unknown size',
      'cooperatives',
      { sizeClassUnknown: true },
      undefined,
      () => byName(o.parties.filter((p) => p.kind === 'COOPERATIVE' && p.size_class === null)),
    ],
    [
      'cooperative search on the registration number',
      'cooperatives',
      { search: 'BH/014/2018' },
      undefined,
      () => [ref('CO-KSP').id],
    ],
    ['vendors', 'vendors', undefined, undefined, () => byName(o.parties.filter(kind('VENDOR')))],
    [
      'vendors outside',
      'vendors',
      { local: false, sizeClasses: ['LARGE', 'MEDIUM'] },
      undefined,
      () => byName(o.parties.filter((p) => p.kind === 'VENDOR' && ['LARGE', 'MEDIUM'].includes(p.size_class ?? ''))),
    ],
    [
      'vendors by id descending',
      'vendors',
      undefined,
      { field: 'ID', direction: 'DESC' },
      () => sortBy(o.parties.filter(kind('VENDOR')), (p) => p.id, true).map((p) => p.id),
    ],
  ]);
});

describe('enterprises', () => {
  const all = () => o.parties.filter(kind('ENTERPRISE'));
  const tani = () =>
    new Set(o.memberships.filter((m) => m.cooperative_id === ref('CO-TANI').id).map((m) => m.member_id));
  const lowest = (v: number | null) => v ?? -1;
  check([
    ['all by name', 'enterprises', undefined, undefined, () => byName(all())],
    [
      'sector',
      'enterprises',
      { sectors: ['C'] },
      undefined,
      () => byName(all().filter((p) => section(p.kbli_code) === 'C')),
    ],
    [
      'sectors, any case',
      'enterprises',
      { sectors: ['g', 'I'] },
      undefined,
      () => byName(all().filter((p) => ['G', 'I'].includes(section(p.kbli_code) ?? ''))),
    ],
    [
      'KBLI prefix',
      'enterprises',
      { kbliPrefix: '107' },
      undefined,
      () => byName(all().filter((p) => p.kbli_code?.startsWith('107'))),
    ],
    [
      'verification',
      'enterprises',
      { verifications: ['VERIFIED'] },
      undefined,
      () => byName(all().filter((p) => p.e_verification === 'VERIFIED')),
    ],
    [
      'members of a cooperative',
      'enterprises',
      () => ({ cooperativeIds: [gid('Cooperative', 'CO-TANI')] }),
      undefined,
      () => byName(all().filter((p) => tani().has(p.id))),
    ],
    [
      'capital range',
      'enterprises',
      { capitalMin: 20_000_000, capitalMax: 2_000_000_000 },
      undefined,
      () => byName(all().filter((p) => p.capital !== null && p.capital >= 20_000_000 && p.capital <= 2_000_000_000)),
    ],
    [
      'annual revenue range',
      'enterprises',
      { annualRevenueMin: 1_000_000_000 },
      undefined,
      () => byName(all().filter((p) => p.annual_revenue !== null && p.annual_revenue >= 1_000_000_000)),
    ],
    [
      'district, size and status together',
      'enterprises',
      { regionCode: '61.12.01', sizeClasses: ['MICRO', 'SMALL'], statuses: ['ACTIVE'] },
      undefined,
      () =>
        byName(
          all().filter(
            (p) =>
              within(p.region_code, '61.12.01') &&
              ['MICRO', 'SMALL'].includes(p.size_class ?? '') &&
              p.status === 'ACTIVE',
          ),
        ),
    ],
    [
      'outside the regency',
      'enterprises',
      { local: false },
      undefined,
      () => byName(all().filter((p) => !within(p.region_code, TENANT))),
    ],
    [
      'by capital, largest first (unknown last)',
      'enterprises',
      undefined,
      { field: 'CAPITAL', direction: 'DESC' },
      () => sortBy(all(), (p) => lowest(p.capital), true).map((p) => p.id),
    ],
    [
      'by annual revenue',
      'enterprises',
      undefined,
      { field: 'ANNUAL_REVENUE' },
      () => sortBy(all(), (p) => lowest(p.annual_revenue)).map((p) => p.id),
    ],
    [
      'by employees, most first',
      'enterprises',
      undefined,
      { field: 'EMPLOYEES', direction: 'DESC' },
      () => sortBy(all(), (p) => lowest(p.employees), true).map((p) => p.id),
    ],
    [
      'by registration date',
      'enterprises',
      undefined,
      { field: 'REGISTERED_ON' },
      () => sortBy(all(), (p) => p.registered_on ?? '0001-01-01').map((p) => p.id),
    ],
  ]);
});
