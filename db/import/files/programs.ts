import { columnsOf } from '../bulk.ts';
import { type BundleCsv, FirstSeen, type ImportContext, rejectRow } from '../context.ts';
import { partyId } from '../resolve.ts';
import { OUTSIDE_SCOPE } from '../scope.ts';
import { registerIds } from './ids.ts';
import type { FileSpec } from './spec.ts';

interface ProgramRow {
  readonly line: number;
  readonly ref: string;
  readonly agency_id: number;
  readonly code: string;
  readonly name: string;
  readonly fiscal_year: number;
  readonly budget: number;
  readonly local_target_share: number | null;
}

/** programs.csv: an agency's program kegiatan for a fiscal year, with its budget and local-share target. */
async function importPrograms(ctx: ImportContext, file: BundleCsv): Promise<void> {
  const refs = new FirstSeen();
  const codes = new FirstSeen();
  const rows: ProgramRow[] = [];
  for (const record of file.records) {
    const row = file.reader(record);
    const ref = row.token('ref', { required: true });
    refs.check(row, 'ref', ref);
    const agencyId = partyId(ctx, row, 'agency_ref', { required: true, kinds: ['AGENCY'] });
    const code = row.token('code', { required: true });
    const name = row.text('name', { required: true });
    const year = row.integer('fiscal_year', { required: true, min: 2000, max: 2100 });
    const budget = row.money('budget', { required: true });
    const share = row.share('local_target_share');
    if (ctx.scope && agencyId !== null) {
      const stored = ref ? ctx.programs.existingValue(ref) : undefined;
      if (agencyId !== ctx.scope.agencyId || (stored && !ctx.scope.ownsProgram(stored.id)))
        row.fail('agency_ref', OUTSIDE_SCOPE.program);
    }
    if (agencyId !== null && code && year !== null) {
      codes.check(row, 'code', `${agencyId}|${year}|${code}`, {
        id: `kode ${code} untuk perangkat daerah ini pada tahun ${year}`,
        en: `code ${code} for this agency in ${year}`,
      });
    }
    if (!row.ok || !ref || agencyId === null || !code || !name || year === null || budget === null) {
      rejectRow(ctx, file, row);
      const rawRef = row.raw('ref').trim() || null;
      if (refs.owns(rawRef, row.line)) ctx.programs.rejected(rawRef, file.name, row.line);
      continue;
    }
    rows.push({
      line: row.line,
      ref,
      agency_id: agencyId,
      code,
      name,
      fiscal_year: year,
      budget,
      local_target_share: share,
    });
  }
  await registerIds(ctx, file, 'program', ctx.programs, rows, {
    spec: {
      table: 'program',
      columns: columnsOf(file.has.bind(file), [
        ['ref', 'text', []],
        ['agency_id', 'bigint', 'agency_ref'],
        ['code', 'text'],
        ['name', 'text'],
        ['fiscal_year', 'smallint'],
        ['budget', 'bigint'],
        ['local_target_share', 'numeric'],
      ]),
      conflict: ['ref'],
      returning: ['ref', 'id'],
    },
    target: (_row, id) => {
      ctx.scope?.addProgram(id);
      return { id };
    },
  });
}

export const programsFile: FileSpec = {
  name: 'programs.csv',
  required: ['ref', 'agency_ref', 'code', 'name', 'fiscal_year', 'budget'],
  columns: ['ref', 'agency_ref', 'code', 'name', 'fiscal_year', 'budget', 'local_target_share'],
  refs: 'programs',
  refColumns: { parties: ['agency_ref'], programs: ['ref'] },
  run: importPrograms,
};
