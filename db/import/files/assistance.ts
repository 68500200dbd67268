import { ASSISTANCE_KINDS, type AssistanceKind } from '../../src/database.ts';
import { columnsOf } from '../bulk.ts';
import { type BundleCsv, FirstSeen, type ImportContext, rejectRow } from '../context.ts';
import { partyId, programId } from '../resolve.ts';
import { storedAssistancePrograms } from '../scope.queries.ts';
import { OUTSIDE_SCOPE } from '../scope.ts';
import { storeRows } from '../store.ts';
import type { FileSpec } from './spec.ts';

interface AssistanceRow {
  readonly line: number;
  readonly ref: string;
  readonly program_id: number | null;
  readonly enterprise_id: number;
  readonly kind: AssistanceKind;
  readonly occurred_on: string;
}

/** assistance.csv: training, certification, capital … given to an enterprise, optionally under a program. */
async function importAssistance(ctx: ImportContext, file: BundleCsv): Promise<void> {
  const refs = new FirstSeen();
  const rows: AssistanceRow[] = [];
  // An operator's import: a ref stored under another agency's program (or none) is not its to change.
  const storedPrograms = ctx.scope
    ? await storedAssistancePrograms(ctx.trx, ctx.tenantId, file.values('ref'))
    : new Map<string, number | null>();
  for (const record of file.records) {
    const row = file.reader(record);
    const ref = row.token('ref', { required: true });
    refs.check(row, 'ref', ref);
    const program = programId(ctx, row, 'program_ref');
    const enterpriseId = partyId(ctx, row, 'party_ref', { required: true, kinds: ['ENTERPRISE'] });
    const kind = row.oneOf('kind', ASSISTANCE_KINDS, { required: true });
    const occurredOn = row.date('occurred_on', { required: true });
    if (ctx.scope) {
      const stored = ref ? storedPrograms.get(ref) : undefined;
      const foreign = stored !== undefined && (stored === null || !ctx.scope.ownsProgram(stored));
      if (program === null || !ctx.scope.ownsProgram(program) || foreign)
        row.fail('program_ref', OUTSIDE_SCOPE.assistance);
    }
    if (!row.ok || !ref || enterpriseId === null || !kind || !occurredOn) {
      rejectRow(ctx, file, row);
      continue;
    }
    rows.push({ line: row.line, ref, program_id: program, enterprise_id: enterpriseId, kind, occurred_on: occurredOn });
  }
  await storeRows(ctx, file, rows, {
    spec: {
      table: 'assistance',
      columns: columnsOf(file.has.bind(file), [
        ['ref', 'text', []],
        ['program_id', 'bigint', 'program_ref'],
        ['enterprise_id', 'bigint', 'party_ref'],
        ['kind', 'text'],
        ['occurred_on', 'date'],
      ]),
      conflict: ['ref'],
      returning: [],
    },
    renames: { enterprise_id: 'party_ref' },
  });
}

export const assistanceFile: FileSpec = {
  name: 'assistance.csv',
  required: ['ref', 'party_ref', 'kind', 'occurred_on'],
  columns: ['ref', 'program_ref', 'party_ref', 'kind', 'occurred_on'],
  refColumns: { parties: ['party_ref'], programs: ['program_ref'] },
  run: importAssistance,
};
