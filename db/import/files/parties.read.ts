import { classifySize } from '../../reference/size.ts';
import {
  AGENCY_TYPES,
  type AgencyType,
  COOP_TYPES,
  type CoopType,
  type EnterpriseProfileValues,
  PARTY_KINDS,
  PARTY_STATUSES,
  type PartyKind,
  type PartyStatus,
  SIZE_CLASSES,
  type SizeClass,
  UNIT_TYPES,
  type UnitType,
  VERIFICATIONS,
  type Verification,
} from '../../src/database.ts';
import type { FirstSeen, ImportContext } from '../context.ts';
import { kbliProblem, nibProblem, nikGender, nikProblem, unknownRegionCode } from '../identifiers.ts';
import type { RowReader } from '../row.ts';
import { regionCodes } from './regions.ts';

/* Reading one parties.csv record: its columns checked by kind, turned into a row ready to store. */

/** Columns that only some kinds carry; a value for another kind is ignored with a warning. */
const KIND_COLUMNS: Record<string, readonly PartyKind[]> = {
  parent_ref: ['NETWORK_UNIT'],
  unit_type: ['NETWORK_UNIT'],
  members: ['NETWORK_UNIT'],
  agency_code: ['AGENCY'],
  short_name: ['AGENCY'],
  agency_type: ['AGENCY'],
  nib: ['ENTERPRISE'],
  kbli_code: ['ENTERPRISE'],
  capital: ['ENTERPRISE'],
  annual_revenue: ['ENTERPRISE'],
  owner_name: ['ENTERPRISE'],
  owner_nik: ['ENTERPRISE'],
  owner_gender: ['ENTERPRISE'],
  founded_year: ['ENTERPRISE'],
  employees: ['ENTERPRISE'],
  verification: ['ENTERPRISE', 'COOPERATIVE'],
  registration_no: ['COOPERATIVE'],
  coop_type: ['COOPERATIVE'],
  members_count: ['COOPERATIVE'],
  size_class: ['ENTERPRISE', 'COOPERATIVE', 'VENDOR'],
};

const AGENCY_CODE = /^[0-9A-Za-z]+([.-][0-9A-Za-z]+)*$/;

export interface PartyRow {
  readonly line: number;
  readonly ref: string;
  readonly kind: PartyKind;
  readonly name: string;
  readonly region_code: string | null;
  readonly parentRef: string | null;
  parent_id: number | null;
  readonly size_class: SizeClass | null;
  readonly is_government: boolean;
  readonly status: PartyStatus;
  readonly registered_on: string | null;
  readonly agency: { code: string; short_name: string | null; agency_type: AgencyType } | null;
  readonly unit: { unit_type: UnitType; members: number | null } | null;
  /** The profile's values, and the agency whose operator brings the enterprise in (stored on insert only). */
  readonly enterprise: (EnterpriseProfileValues & { registering_agency_id: number | null }) | null;
  readonly cooperative: {
    registration_no: string | null;
    coop_type: CoopType;
    members_count: number | null;
    verification: Verification;
  } | null;
}

/** Reads one parties.csv record; null (with the reader's issues) when it cannot be imported. */
export function readParty(
  ctx: ImportContext,
  row: RowReader,
  seen: Record<'ref' | 'nib' | 'agency_code' | 'registration_no', FirstSeen>,
  bundleKinds: Map<string, PartyKind>,
): PartyRow | null {
  const ref = row.token('ref', { required: true });
  seen.ref.check(row, 'ref', ref);
  const kind = row.oneOf('kind', PARTY_KINDS, { required: true });
  const name = row.text('name', { required: true });
  const regionCode = row.token('region_code');
  if (regionCode && !regionCodes().has(regionCode)) row.fail('region_code', unknownRegionCode(regionCode));
  const parentRef = row.token('parent_ref');
  const isGovernment = row.boolean('is_government');
  const status = row.oneOf('status', PARTY_STATUSES) ?? 'ACTIVE';
  const registeredOn = row.date('registered_on');
  const sizeClass = row.oneOf('size_class', SIZE_CLASSES);
  if (!kind) return null;
  if (ref && !bundleKinds.has(ref)) bundleKinds.set(ref, kind);

  // Harmless: the value is ignored with a warning, so rows pointing at this party are not lost.
  const ignored = new Set<string>();
  for (const [column, kinds] of Object.entries(KIND_COLUMNS)) {
    if (!kinds.includes(kind) && row.raw(column).trim() !== '') {
      ignored.add(column);
      ctx.report.warn({
        file: 'parties.csv',
        line: row.line,
        column,
        message: {
          id: `${column} hanya berlaku untuk baris ${kinds.join(' dan ')}: diabaikan untuk ${kind}`,
          en: `${column} applies to ${kinds.join(' and ')} rows only: ignored for a ${kind}`,
        },
      });
    }
  }
  if (ref) {
    const stored = ctx.parties.existingValue(ref);
    if (stored && stored.kind !== kind)
      row.fail('kind', {
        id: `${ref} sudah tersimpan sebagai ${stored.kind}; jenis suatu pihak tidak dapat diubah`,
        en: `${ref} is already stored as ${stored.kind}; a party's kind cannot change`,
      });
  }
  if (kind === 'AGENCY' && isGovernment === false)
    row.fail('is_government', {
      id: 'perangkat daerah selalu pembeli pemerintah (true)',
      en: 'an agency is always a government buyer (true)',
    });

  let agency: PartyRow['agency'] = null;
  let unit: PartyRow['unit'] = null;
  let enterprise: PartyRow['enterprise'] = null;
  let cooperative: PartyRow['cooperative'] = null;
  let size: SizeClass | null = sizeClass;
  if (kind === 'AGENCY') {
    const code = row.token('agency_code', {
      required: true,
      pattern: AGENCY_CODE,
      hint: {
        id: 'agency_code berupa huruf dan angka dipisah titik, misalnya 1.02.0.00.0.00.01.0000',
        en: 'agency_code is letters and digits separated by dots, e.g. 1.02.0.00.0.00.01.0000',
      },
    });
    seen.agency_code.check(row, 'agency_code', code);
    const agencyType = row.oneOf('agency_type', AGENCY_TYPES) ?? 'OTHER';
    if (code) agency = { code, short_name: row.text('short_name'), agency_type: agencyType };
  } else if (kind === 'NETWORK_UNIT') {
    const unitType = row.oneOf('unit_type', UNIT_TYPES, { required: true });
    const members = row.integer('members');
    if (!parentRef)
      row.fail('parent_ref', {
        id: 'parent_ref wajib diisi untuk NETWORK_UNIT: perangkat daerah (atau unit) yang membawahinya',
        en: 'parent_ref is required for a NETWORK_UNIT: the agency (or unit) it belongs to',
      });
    if (unitType) unit = { unit_type: unitType, members };
  } else if (kind === 'ENTERPRISE') {
    const nib = row.token('nib');
    if (nib) {
      const problem = nibProblem(nib);
      if (problem) row.fail('nib', problem);
      else seen.nib.check(row, 'nib', nib, { id: `NIB ${nib}`, en: `NIB ${nib}` });
    }
    const kbli = row.token('kbli_code');
    const kbliIssue = kbli ? kbliProblem(kbli) : null;
    if (kbliIssue) row.fail('kbli_code', kbliIssue);
    const nik = row.token('owner_nik');
    const nikIssue = nik ? nikProblem(nik) : null;
    if (nikIssue) row.fail('owner_nik', nikIssue);
    const gender = row.oneOf('owner_gender', ['F', 'M'] as const);
    if (nik && !nikIssue && gender && nikGender(nik) !== gender) {
      row.fail('owner_gender', {
        id: `owner_gender ${gender} tidak sesuai dengan NIK (tanggal lahir di atas 40 menandai perempuan)`,
        en: `owner_gender ${gender} disagrees with the NIK (a birth day above 40 marks a woman)`,
      });
    }
    const capital = row.money('capital');
    const revenue = row.money('annual_revenue');
    const computed = classifySize(capital, revenue);
    if (computed.sizeClass && sizeClass && computed.sizeClass !== sizeClass) {
      const basis = computed.basis === 'CAPITAL' ? `capital ${capital}` : `annual_revenue ${revenue}`;
      row.fail('size_class', {
        id: `size_class ${sizeClass} tidak sesuai dengan ${basis}, yang menurut PP 7/2021 termasuk ${computed.sizeClass} (kosongkan size_class agar dihitung otomatis)`,
        en: `size_class ${sizeClass} disagrees with ${basis}, which makes it ${computed.sizeClass} under PP 7/2021 (leave size_class empty to compute it)`,
      });
    }
    size = computed.sizeClass ?? sizeClass;
    enterprise = {
      nib,
      kbli_code: kbli,
      owner_name: row.text('owner_name'),
      owner_nik: nik,
      owner_gender: gender,
      founded_year: row.integer('founded_year', { min: 1900, max: new Date().getFullYear() }),
      employees: row.integer('employees'),
      capital,
      annual_revenue: revenue,
      size_basis: computed.basis,
      verification: row.oneOf('verification', VERIFICATIONS) ?? 'DRAFT',
      registering_agency_id: ctx.registeringAgencyId,
    };
  } else if (kind === 'COOPERATIVE') {
    const registrationNo = row.token('registration_no');
    seen.registration_no.check(row, 'registration_no', registrationNo);
    cooperative = {
      registration_no: registrationNo,
      coop_type: row.oneOf('coop_type', COOP_TYPES) ?? 'OTHER',
      members_count: row.integer('members_count'),
      verification: row.oneOf('verification', VERIFICATIONS) ?? 'DRAFT',
    };
  }
  if (!row.ok || !ref || !name) return null;
  return {
    line: row.line,
    ref,
    kind,
    name,
    region_code: regionCode,
    parentRef: ignored.has('parent_ref') ? null : parentRef,
    parent_id: null,
    size_class: ignored.has('size_class') ? null : size,
    is_government: isGovernment ?? kind === 'AGENCY',
    status,
    registered_on: registeredOn,
    agency,
    unit,
    enterprise,
    cooperative,
  };
}
