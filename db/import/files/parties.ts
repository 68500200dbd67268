import { sql } from 'kysely';
import { classifySize } from '../../reference/size.ts';
import {
  AGENCY_TYPES,
  type AgencyType,
  COOP_TYPES,
  type CoopType,
  PARTY_KINDS,
  PARTY_STATUSES,
  type PartyKind,
  type PartyStatus,
  SIZE_CLASSES,
  type SizeBasis,
  type SizeClass,
  UNIT_TYPES,
  type UnitType,
  VERIFICATIONS,
  type Verification,
} from '../../src/database.ts';
import { type Changed, columnsOf, loadInChunks, type UpsertSpec, upsert } from '../bulk.ts';
import {
  type BundleCsv,
  FirstSeen,
  type ImportContext,
  progressReporter,
  rejectRow,
  rejectStored,
} from '../context.ts';
import { kbliProblem, nibProblem, nikGender, nikProblem } from '../identifiers.ts';
import type { RowReader } from '../row.ts';
import { regionCodes } from './regions.ts';
import type { FileSpec } from './spec.ts';

export const PARTY_COLUMNS = [
  'ref',
  'kind',
  'name',
  'region_code',
  'parent_ref',
  'is_government',
  'unit_type',
  'agency_code',
  'nib',
  'kbli_code',
  'size_class',
  'capital',
  'annual_revenue',
  'owner_name',
  'owner_nik',
  'status',
  'verification',
  'registered_on',
  'short_name',
  'agency_type',
  'members',
  'owner_gender',
  'founded_year',
  'employees',
  'registration_no',
  'coop_type',
  'members_count',
] as const;

/** Columns that only some kinds carry; a value for another kind is an error, not silently dropped. */
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

interface PartyRow {
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
  readonly enterprise: {
    nib: string | null;
    kbli_code: string | null;
    owner_name: string | null;
    owner_nik: string | null;
    owner_gender: 'F' | 'M' | null;
    founded_year: number | null;
    employees: number | null;
    capital: number | null;
    annual_revenue: number | null;
    size_basis: SizeBasis | null;
    verification: Verification;
  } | null;
  readonly cooperative: {
    registration_no: string | null;
    coop_type: CoopType;
    members_count: number | null;
    verification: Verification;
  } | null;
}

/** Reads one parties.csv record; null (with the reader's issues) when it cannot be imported. */
function readParty(
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
  if (regionCode && !regionCodes().has(regionCode)) row.fail('region_code', `unknown region code ${regionCode}`);
  const parentRef = row.token('parent_ref');
  const isGovernment = row.boolean('is_government');
  const status = row.oneOf('status', PARTY_STATUSES) ?? 'ACTIVE';
  const registeredOn = row.date('registered_on');
  const sizeClass = row.oneOf('size_class', SIZE_CLASSES);
  if (!kind) return null;
  if (ref && !bundleKinds.has(ref)) bundleKinds.set(ref, kind);

  for (const [column, kinds] of Object.entries(KIND_COLUMNS)) {
    if (!kinds.includes(kind) && row.raw(column).trim() !== '') {
      row.fail(column, `${column} applies to ${kinds.join(' and ')} rows only; leave it empty for a ${kind}`);
    }
  }
  if (ref) {
    const stored = ctx.parties.existingValue(ref);
    if (stored && stored.kind !== kind)
      row.fail('kind', `${ref} is already stored as ${stored.kind}; a party's kind cannot change`);
  }
  if (kind === 'AGENCY' && isGovernment === false)
    row.fail('is_government', 'an agency is always a government buyer (true)');

  let agency: PartyRow['agency'] = null;
  let unit: PartyRow['unit'] = null;
  let enterprise: PartyRow['enterprise'] = null;
  let cooperative: PartyRow['cooperative'] = null;
  let size: SizeClass | null = sizeClass;
  if (kind === 'AGENCY') {
    const code = row.token('agency_code', {
      required: true,
      pattern: AGENCY_CODE,
      hint: 'agency_code is letters and digits separated by dots, e.g. 1.02.0.00.0.00.01.0000',
    });
    seen.agency_code.check(row, 'agency_code', code);
    const agencyType = row.oneOf('agency_type', AGENCY_TYPES) ?? 'OTHER';
    if (code) agency = { code, short_name: row.text('short_name'), agency_type: agencyType };
  } else if (kind === 'NETWORK_UNIT') {
    const unitType = row.oneOf('unit_type', UNIT_TYPES, { required: true });
    const members = row.integer('members');
    if (!parentRef)
      row.fail('parent_ref', 'parent_ref is required for a NETWORK_UNIT: the agency (or unit) it belongs to');
    if (unitType) unit = { unit_type: unitType, members };
  } else if (kind === 'ENTERPRISE') {
    const nib = row.token('nib');
    if (nib) {
      const problem = nibProblem(nib);
      if (problem) row.fail('nib', problem);
      else seen.nib.check(row, 'nib', nib, `NIB ${nib}`);
    }
    const kbli = row.token('kbli_code');
    const kbliIssue = kbli ? kbliProblem(kbli) : null;
    if (kbliIssue) row.fail('kbli_code', kbliIssue);
    const nik = row.token('owner_nik');
    const nikIssue = nik ? nikProblem(nik) : null;
    if (nikIssue) row.fail('owner_nik', nikIssue);
    const gender = row.oneOf('owner_gender', ['F', 'M'] as const);
    if (nik && !nikIssue && gender && nikGender(nik) !== gender) {
      row.fail('owner_gender', `owner_gender ${gender} disagrees with the NIK (a birth day above 40 marks a woman)`);
    }
    const capital = row.money('capital');
    const revenue = row.money('annual_revenue');
    const computed = classifySize(capital, revenue);
    if (computed.sizeClass && sizeClass && computed.sizeClass !== sizeClass) {
      const basis = computed.basis === 'CAPITAL' ? `capital ${capital}` : `annual_revenue ${revenue}`;
      row.fail(
        'size_class',
        `size_class ${sizeClass} disagrees with ${basis}, which makes it ${computed.sizeClass} under PP 7/2021 (leave size_class empty to compute it)`,
      );
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
    parentRef,
    parent_id: null,
    size_class: size,
    is_government: isGovernment ?? kind === 'AGENCY',
    status,
    registered_on: registeredOn,
    agency,
    unit,
    enterprise,
    cooperative,
  };
}

const PARENT_KINDS: readonly PartyKind[] = ['AGENCY', 'NETWORK_UNIT'];

/**
 * Orders parties so each parent is stored before its children, whatever the file order: depth 0
 * has no parent in the bundle, depth n a parent at depth n-1. Rows in a parent cycle are rejected.
 */
function depths(rows: readonly PartyRow[], readers: ReadonlyMap<PartyRow, RowReader>): Map<PartyRow, number> {
  const byRef = new Map(rows.map((r) => [r.ref, r]));
  const depth = new Map<PartyRow, number>();
  for (const start of rows) {
    const chain: PartyRow[] = [];
    const onChain = new Set<PartyRow>();
    let node: PartyRow | undefined = start;
    while (node && !depth.has(node) && !onChain.has(node)) {
      chain.push(node);
      onChain.add(node);
      node = node.parentRef ? byRef.get(node.parentRef) : undefined;
    }
    if (node && onChain.has(node)) {
      const cycle = chain.slice(chain.indexOf(node));
      const path = [...cycle, node].map((r) => r.ref).join(' → ');
      for (const r of cycle) readers.get(r)?.fail('parent_ref', `parent_ref forms a cycle: ${path}`);
      // Rows leading into the cycle are rejected later, when their parent turns out rejected.
      for (const r of chain) depth.set(r, 0);
      continue;
    }
    let d = node ? (depth.get(node) as number) : -1;
    for (let i = chain.length - 1; i >= 0; i--) depth.set(chain[i] as PartyRow, ++d);
  }
  return depth;
}

function partySpec(file: BundleCsv): UpsertSpec {
  const size = ['size_class', 'capital', 'annual_revenue'];
  return {
    table: 'party',
    columns: columnsOf(file.has.bind(file), [
      ['ref', 'text', []],
      ['kind', 'text', []],
      ['name', 'text'],
      ['region_code', 'text'],
      ['parent_id', 'bigint', 'parent_ref'],
      ['size_class', 'text', size],
      ['is_government', 'boolean'],
      ['status', 'text'],
      ['registered_on', 'date'],
    ]),
    conflict: ['ref'],
    returning: ['ref', 'id'],
    touch: 'updated_at',
  };
}

function profileSpecs(file: BundleCsv): Record<'agency' | 'unit' | 'enterprise' | 'cooperative', UpsertSpec> {
  const has = file.has.bind(file);
  const size = ['size_class', 'capital', 'annual_revenue'];
  const profile = (table: UpsertSpec['table'], columns: Parameters<typeof columnsOf>[1]): UpsertSpec => ({
    table,
    columns: columnsOf(has, [['party_id', 'bigint', []], ...columns]),
    conflict: ['party_id'],
    returning: ['party_id'],
  });
  return {
    agency: profile('agency_profile', [
      ['code', 'text', 'agency_code'],
      ['short_name', 'text'],
      ['agency_type', 'text'],
    ]),
    unit: profile('network_unit_profile', [
      ['unit_type', 'text'],
      ['members', 'integer'],
    ]),
    enterprise: profile('enterprise_profile', [
      ['nib', 'text'],
      ['kbli_code', 'text'],
      ['owner_name', 'text'],
      ['owner_nik', 'text'],
      ['owner_gender', 'text'],
      ['founded_year', 'smallint'],
      ['employees', 'integer'],
      ['capital', 'bigint', size],
      ['annual_revenue', 'bigint', size],
      ['size_basis', 'text', size],
      ['verification', 'text'],
    ]),
    cooperative: profile('cooperative_profile', [
      ['registration_no', 'text'],
      ['coop_type', 'text'],
      ['members_count', 'integer'],
      ['verification', 'text'],
    ]),
  };
}

type Outcome = 'inserted' | 'updated' | 'unchanged';

/**
 * Stores a chunk of parties and their kind's profile rows. A party counts as updated when either
 * its own row or its profile changed; a profile change alone also bumps party.updated_at.
 */
async function storeChunk(
  ctx: ImportContext,
  file: BundleCsv,
  chunk: readonly PartyRow[],
): Promise<Array<{ id: number; outcome: Outcome }>> {
  const changed = await upsert(ctx.trx, ctx.tenantId, partySpec(file), chunk);
  const byRef = new Map<string, Changed>(changed.map((c) => [c.ref as string, c]));
  const ids = new Map<string, number>();
  const missing: string[] = [];
  for (const row of chunk) {
    const id = (byRef.get(row.ref)?.id as number | undefined) ?? ctx.parties.existingValue(row.ref)?.id;
    if (id === undefined) missing.push(row.ref);
    else ids.set(row.ref, id);
  }
  if (missing.length) {
    // Unchanged but not known before the import: stored concurrently by another session.
    const found = await ctx.trx
      .selectFrom('party')
      .select(['ref', 'id'])
      .where('tenant_id', '=', ctx.tenantId)
      .where('ref', 'in', missing)
      .execute();
    for (const r of found) ids.set(r.ref, r.id);
  }

  const specs = profileSpecs(file);
  const profileChanged = new Set<number>();
  for (const key of ['agency', 'unit', 'enterprise', 'cooperative'] as const) {
    const rows = chunk.flatMap((r) => (r[key] ? [{ party_id: ids.get(r.ref), ...r[key] }] : []));
    for (const c of await upsert(ctx.trx, ctx.tenantId, specs[key], rows)) profileChanged.add(c.party_id as number);
  }
  const partyChanged = new Set(changed.map((c) => c.id as number));
  const touch = [...profileChanged].filter((id) => !partyChanged.has(id));
  if (touch.length) {
    await sql`UPDATE party SET updated_at = now() WHERE tenant_id = ${ctx.tenantId} AND id = ANY(${touch}::bigint[])`.execute(
      ctx.trx,
    );
  }
  return chunk.map((row) => {
    const id = ids.get(row.ref) as number;
    const own = byRef.get(row.ref);
    const outcome: Outcome = own?.inserted ? 'inserted' : own || profileChanged.has(id) ? 'updated' : 'unchanged';
    return { id, outcome };
  });
}

/** parties.csv: every economic actor, with its kind's profile; parents resolved in any file order. */
export async function importParties(ctx: ImportContext, file: BundleCsv): Promise<void> {
  const tally = ctx.report.tally(file.name);
  const seen = {
    ref: new FirstSeen(),
    nib: new FirstSeen(),
    agency_code: new FirstSeen(),
    registration_no: new FirstSeen(),
  };
  const readers = new Map<PartyRow, RowReader>();
  const valid: PartyRow[] = [];
  const bundleKinds = new Map<string, PartyKind>();
  for (const record of file.records) {
    const row = file.reader(record);
    const party = readParty(ctx, row, seen, bundleKinds);
    if (party) {
      valid.push(party);
      readers.set(party, row);
    } else {
      rejectRow(ctx, file, row);
      const ref = row.raw('ref').trim() || null;
      if (seen.ref.owns(ref, row.line)) ctx.parties.rejected(ref, file.name, row.line);
    }
  }

  // Parent checks that need the whole file: a parent that exists nowhere, or is not an agency or unit.
  for (const party of valid) {
    const row = readers.get(party) as RowReader;
    if (!party.parentRef) continue;
    if (party.parentRef === party.ref) {
      row.fail('parent_ref', 'a party cannot be its own parent');
      continue;
    }
    const parentKind = bundleKinds.get(party.parentRef) ?? ctx.parties.existingValue(party.parentRef)?.kind;
    if (!parentKind) {
      const found = ctx.parties.lookup(party.parentRef, 'parent_ref');
      if ('reason' in found) row.fail('parent_ref', found.reason);
    } else if (!PARENT_KINDS.includes(parentKind))
      row.fail(
        'parent_ref',
        `parent_ref ${party.parentRef} is ${parentKind}; a network unit belongs to an AGENCY or another NETWORK_UNIT`,
      );
  }
  const depth = depths(
    valid.filter((p) => readers.get(p)?.ok),
    readers,
  );
  const levels: PartyRow[][] = [];
  for (const party of valid) {
    const row = readers.get(party) as RowReader;
    if (!row.ok) {
      rejectRow(ctx, file, row);
      ctx.parties.rejected(party.ref, file.name, party.line);
      continue;
    }
    const d = depth.get(party) ?? 0;
    const level = levels[d] ?? [];
    levels[d] = level;
    level.push(party);
  }

  const total = levels.reduce((n, level) => n + level.length, 0);
  const progress = progressReporter(ctx, file.name, total);
  let done = 0;
  for (const level of levels) {
    if (!level) continue;
    const ready: PartyRow[] = [];
    for (const party of level) {
      if (party.parentRef) {
        const parent = ctx.parties.lookup(party.parentRef, 'parent_ref');
        if ('reason' in parent) {
          ctx.report.reject(file.name, party.line, { column: 'parent_ref', reason: parent.reason });
          ctx.parties.rejected(party.ref, file.name, party.line);
          continue;
        }
        party.parent_id = parent.value.id;
      }
      ready.push(party);
    }
    await loadInChunks(ctx.trx, {
      rows: ready,
      chunkSize: 2_000,
      store: (chunk) => storeChunk(ctx, file, chunk),
      accept: (chunk, results) => {
        chunk.forEach((party, i) => {
          const result = results[i] as { id: number; outcome: Outcome };
          tally.count(result.outcome);
          ctx.parties.stored(party.ref, { id: result.id, kind: party.kind });
        });
      },
      reject: (party, error) => {
        rejectStored(ctx, file, party.line, error, { code: 'agency_code' });
        ctx.parties.rejected(party.ref, file.name, party.line);
      },
      progress: (n) => progress(done + n),
    });
    done += ready.length;
  }
}

export const partiesFile: FileSpec = {
  name: 'parties.csv',
  required: ['ref', 'kind', 'name'],
  columns: PARTY_COLUMNS,
  refs: 'parties',
  refColumns: { parties: ['ref', 'parent_ref'] },
  run: importParties,
};
