import { POLICY_METRICS, type PolicyMetric } from '../../src/database.ts';
import { columnsOf } from '../bulk.ts';
import { type BundleCsv, FirstSeen, type ImportContext, rejectRow } from '../context.ts';
import { partyId } from '../resolve.ts';
import { OUTSIDE_SCOPE } from '../scope.ts';
import { storeRows } from '../store.ts';
import type { FileSpec } from './spec.ts';

interface TargetRow {
  readonly line: number;
  readonly ref: string;
  readonly name: string;
  readonly legal_basis: string | null;
  readonly metric: PolicyMetric;
  readonly target_share: number;
  readonly fiscal_year: number;
  readonly agency_id: number | null;
}

/** targets.csv: policy targets (the regent's regulation, Perpres 12/2021), for the tenant or one agency. */
async function importTargets(ctx: ImportContext, file: BundleCsv): Promise<void> {
  const refs = new FirstSeen();
  const scopes = new FirstSeen();
  const rows: TargetRow[] = [];
  for (const record of file.records) {
    const row = file.reader(record);
    const ref = row.token('ref', { required: true });
    refs.check(row, 'ref', ref);
    if (ctx.scope) row.fail('ref', OUTSIDE_SCOPE.targets);
    const name = row.text('name', { required: true });
    const legalBasis = row.text('legal_basis', { max: 5_000 });
    const metric = row.oneOf('metric', POLICY_METRICS, { required: true });
    const share = row.share('target_share', { required: true });
    const year = row.integer('fiscal_year', { required: true, min: 2000, max: 2100 });
    const agencyId = partyId(ctx, row, 'agency_ref', { kinds: ['AGENCY'] });
    if (metric && year !== null && (agencyId !== null || !row.raw('agency_ref').trim())) {
      scopes.check(row, 'fiscal_year', `${metric}|${year}|${agencyId ?? ''}`, {
        id: `target ${metric} untuk tahun ${year}${agencyId === null ? '' : ' dan perangkat daerah ini'}`,
        en: `${metric} target for ${year}${agencyId === null ? '' : ' and this agency'}`,
      });
    }
    if (!row.ok || !ref || !name || !metric || share === null || year === null) {
      rejectRow(ctx, file, row);
      continue;
    }
    rows.push({
      line: row.line,
      ref,
      name,
      legal_basis: legalBasis,
      metric,
      target_share: share,
      fiscal_year: year,
      agency_id: agencyId,
    });
  }
  await storeRows(ctx, file, rows, {
    spec: {
      table: 'policy_target',
      columns: columnsOf(file.has.bind(file), [
        ['ref', 'text', []],
        ['name', 'text'],
        ['legal_basis', 'text'],
        ['metric', 'text'],
        ['target_share', 'numeric'],
        ['fiscal_year', 'smallint'],
        ['agency_id', 'bigint', 'agency_ref'],
      ]),
      conflict: ['ref'],
      returning: [],
    },
  });
}

export const targetsFile: FileSpec = {
  name: 'targets.csv',
  required: ['ref', 'name', 'metric', 'target_share', 'fiscal_year'],
  columns: ['ref', 'name', 'legal_basis', 'metric', 'target_share', 'fiscal_year', 'agency_ref'],
  refColumns: { parties: ['agency_ref'] },
  run: importTargets,
};
