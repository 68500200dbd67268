import { columnsOf } from '../bulk.ts';
import { type BundleCsv, FirstSeen, type ImportContext, rejectRow } from '../context.ts';
import { partyId } from '../resolve.ts';
import { storeRows } from '../store.ts';
import type { FileSpec } from './spec.ts';

interface MembershipRow {
  readonly line: number;
  readonly cooperative_id: number;
  readonly member_id: number;
  readonly joined_on: string | null;
}

/** memberships.csv (optional): which enterprises belong to which cooperative. */
async function importMemberships(ctx: ImportContext, file: BundleCsv): Promise<void> {
  const pairs = new FirstSeen();
  const rows: MembershipRow[] = [];
  for (const record of file.records) {
    const row = file.reader(record);
    const cooperativeId = partyId(ctx, row, 'cooperative_ref', { required: true, kinds: ['COOPERATIVE'] });
    const memberId = partyId(ctx, row, 'member_ref', { required: true, kinds: ['ENTERPRISE'] });
    const joinedOn = row.date('joined_on');
    if (cooperativeId !== null && memberId !== null) {
      pairs.check(row, 'member_ref', `${cooperativeId}|${memberId}`, {
        id: `anggota ${row.raw('member_ref').trim()} koperasi ini`,
        en: `member ${row.raw('member_ref').trim()} of this cooperative`,
      });
    }
    if (!row.ok || cooperativeId === null || memberId === null) {
      rejectRow(ctx, file, row);
      continue;
    }
    rows.push({ line: row.line, cooperative_id: cooperativeId, member_id: memberId, joined_on: joinedOn });
  }
  await storeRows(ctx, file, rows, {
    spec: {
      table: 'cooperative_membership',
      columns: columnsOf(file.has.bind(file), [
        ['cooperative_id', 'bigint', []],
        ['member_id', 'bigint', []],
        ['joined_on', 'date'],
      ]),
      conflict: ['cooperative_id', 'member_id'],
      returning: [],
    },
  });
}

export const membershipsFile: FileSpec = {
  name: 'memberships.csv',
  required: ['cooperative_ref', 'member_ref'],
  columns: ['cooperative_ref', 'member_ref', 'joined_on'],
  refColumns: { parties: ['cooperative_ref', 'member_ref'] },
  run: importMemberships,
};
