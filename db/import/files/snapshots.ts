import { PARTY_STATUSES } from '../../src/database.ts';
import { columnsOf } from '../bulk.ts';
import { type BundleCsv, FirstSeen, type ImportContext, rejectRow } from '../context.ts';
import { partyId } from '../resolve.ts';
import { OUTSIDE_SCOPE } from '../scope.ts';
import { storeRows } from '../store.ts';
import type { FileSpec } from './spec.ts';

interface SnapshotRow {
  readonly line: number;
  readonly enterprise_id: number;
  readonly period: string;
  readonly revenue: number | null;
  readonly employees: number | null;
  readonly status: string;
}

/** snapshots.csv: an enterprise's monthly survey (revenue, employees, status), the recovery index's input. */
async function importSnapshots(ctx: ImportContext, file: BundleCsv): Promise<void> {
  const keys = new FirstSeen();
  const rows: SnapshotRow[] = [];
  for (const record of file.records) {
    const row = file.reader(record);
    const enterpriseId = partyId(ctx, row, 'party_ref', { required: true, kinds: ['ENTERPRISE'] });
    const period = row.month('period', { required: true });
    if (ctx.scope && enterpriseId !== null && !ctx.scope.owns(enterpriseId))
      row.fail('party_ref', OUTSIDE_SCOPE.enterprise);
    if (enterpriseId !== null && period)
      keys.check(row, 'period', `${enterpriseId}|${period}`, {
        id: `periode ${period.slice(0, 7)} untuk pihak ini`,
        en: `period ${period.slice(0, 7)} for this party`,
      });
    const revenue = row.money('revenue');
    const employees = row.integer('employees');
    const status = row.oneOf('status', PARTY_STATUSES) ?? 'ACTIVE';
    if (!row.ok || enterpriseId === null || !period) {
      rejectRow(ctx, file, row);
      continue;
    }
    rows.push({ line: row.line, enterprise_id: enterpriseId, period, revenue, employees, status });
  }
  await storeRows(ctx, file, rows, {
    spec: {
      table: 'enterprise_snapshot',
      columns: columnsOf(file.has.bind(file), [
        ['enterprise_id', 'bigint', []],
        ['period', 'date', []],
        ['revenue', 'bigint'],
        ['employees', 'integer'],
        ['status', 'text'],
      ]),
      conflict: ['enterprise_id', 'period'],
      returning: [],
    },
    renames: { enterprise_id: 'party_ref' },
  });
}

export const snapshotsFile: FileSpec = {
  name: 'snapshots.csv',
  required: ['party_ref', 'period'],
  columns: ['party_ref', 'period', 'revenue', 'employees', 'status'],
  refColumns: { parties: ['party_ref'] },
  run: importSnapshots,
};
