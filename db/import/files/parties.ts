import type { PartyKind } from '../../src/database.ts';
import { constraintReason } from '../../src/errors.ts';
import type { Reason } from '../../src/rules/failure.ts';
import { loadInChunks } from '../bulk.ts';
import {
  type BundleCsv,
  FirstSeen,
  type ImportContext,
  progressReporter,
  rejectRow,
  rejectStored,
} from '../context.ts';
import type { RowReader } from '../row.ts';
import { type ImportScope, OUTSIDE_SCOPE } from '../scope.ts';
import { type PartyRow, readParty } from './parties.read.ts';
import { type Outcome, storeChunk } from './parties.store.ts';
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
      for (const r of cycle)
        readers.get(r)?.fail('parent_ref', {
          id: `parent_ref membentuk lingkaran: ${path}`,
          en: `parent_ref forms a cycle: ${path}`,
        });
      // Rows leading into the cycle are rejected later, when their parent turns out rejected.
      for (const r of chain) depth.set(r, 0);
      continue;
    }
    let d = node ? (depth.get(node) as number) : -1;
    for (let i = chain.length - 1; i >= 0; i--) depth.set(chain[i] as PartyRow, ++d);
  }
  return depth;
}

/**
 * An operator's import (scope.ts): a stored party it may not change is kept as it is, with a
 * warning, and still resolves for the rows naming it; a new agency, or a network unit outside the
 * agency's network, is rejected. False when the row is not to be stored.
 */
function withinScope(ctx: ImportContext, scope: ImportScope, file: BundleCsv, party: PartyRow): boolean {
  const stored = ctx.parties.existingValue(party.ref);
  if (stored && (stored.kind === 'AGENCY' || !scope.owns(stored.id))) {
    const why = stored.kind === 'AGENCY' ? OUTSIDE_SCOPE.agency : OUTSIDE_SCOPE.party;
    ctx.report.warn({
      file: file.name,
      line: party.line,
      column: 'ref',
      message: {
        id: `${party.ref} sudah tersimpan dan dibiarkan apa adanya: ${why.id}`,
        en: `${party.ref} is already stored and is kept as it is: ${why.en}`,
      },
    });
    ctx.report.tally(file.name).unchanged += 1;
    ctx.parties.stored(party.ref, stored);
    return false;
  }
  let refusal: { column: string; reason: Reason } | null = null;
  if (party.kind === 'AGENCY') refusal = { column: 'kind', reason: OUTSIDE_SCOPE.agency };
  else if (party.kind === 'NETWORK_UNIT' && (party.parent_id == null || !scope.isBuyer(party.parent_id)))
    refusal = { column: 'parent_ref', reason: OUTSIDE_SCOPE.parent };
  if (!refusal) return true;
  ctx.report.reject(file.name, party.line, refusal);
  ctx.parties.rejected(party.ref, file.name, party.line);
  return false;
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
      row.fail('parent_ref', constraintReason('party_parent_not_self'));
      continue;
    }
    const parentKind = bundleKinds.get(party.parentRef) ?? ctx.parties.existingValue(party.parentRef)?.kind;
    if (!parentKind) {
      const found = ctx.parties.lookup(party.parentRef, 'parent_ref');
      if ('reason' in found) row.fail('parent_ref', found.reason);
    } else if (!PARENT_KINDS.includes(parentKind))
      row.fail('parent_ref', {
        id: `parent_ref ${party.parentRef} berjenis ${parentKind}; unit jaringan berada di bawah AGENCY atau NETWORK_UNIT lain`,
        en: `parent_ref ${party.parentRef} is ${parentKind}; a network unit belongs to an AGENCY or another NETWORK_UNIT`,
      });
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
      if (ctx.scope && !withinScope(ctx, ctx.scope, file, party)) continue;
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
          if (party.kind === 'NETWORK_UNIT') ctx.scope?.addUnit(result.id);
          if (party.kind === 'ENTERPRISE') ctx.scope?.addEnterprise(result.id);
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
