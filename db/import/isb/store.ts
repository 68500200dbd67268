import { loadInChunks } from '../bulk.ts';
import type { ImportContext } from '../context.ts';
import type { IsbPlan, IsbPlanLine, IsbRows } from './rows.ts';
import type { SatkerEntry } from './satker.ts';
import {
  agencyIdsByRef,
  type LineValues,
  planIds,
  replaceLines,
  storedLines,
  upsertMappings,
  upsertPlans,
} from './store.queries.ts';

/*
 * The ISB import's own tables, written in the import's transaction once the bundle files (the
 * agencies among them) are stored: the work-unit mapping, the plans, their budget lines. Each
 * gets a line in the report's files: satker_mapping, and the two SiRUP files.
 */

/** The report's name for the mapping's counts. */
export const MAPPING_TALLY = 'satker_mapping';

/** What the finish step needs from the import: the rows read, and the plan files' names and sizes. */
export interface IsbStoreInput {
  readonly rows: IsbRows;
  readonly satker: readonly SatkerEntry[];
  readonly packages: { readonly file: string; readonly count: number } | null;
  readonly lines: { readonly file: string; readonly count: number } | null;
}

export async function storeIsbTables(ctx: ImportContext, input: IsbStoreInput): Promise<void> {
  const { rows, satker } = input;
  const agencies = await agencyIdsByRef(ctx.trx, ctx.tenantId, [
    ...satker.map((s) => s.agencyRef),
    ...rows.plans.map((p) => p.agency_ref),
  ]);
  await storeMappings(ctx, satker, agencies);
  const storedPlans = input.packages ? await storePlans(ctx, input.packages, rows, agencies) : new Map();
  if (input.lines) await storeLines(ctx, input.lines, rows, storedPlans);
}

async function storeMappings(ctx: ImportContext, entries: readonly SatkerEntry[], agencies: Map<string, number>) {
  const tally = ctx.report.tally(MAPPING_TALLY);
  // An entry whose agency is not stored had its agency rejected (parties.csv): reported there.
  const rows = entries.flatMap((e) => {
    const id = agencies.get(e.agencyRef);
    return id === undefined ? [] : [{ kd_satker: e.kd, kd_satker_str: e.code, nama_satker: e.name, agency_id: id }];
  });
  tally.rows = rows.length;
  const changed = await upsertMappings(ctx.trx, ctx.tenantId, rows);
  for (const c of changed) tally.count(c.inserted ? 'inserted' : 'updated');
  tally.unchanged += rows.length - changed.length;
}

/** Counts the rejections the mappers made for `file` in its tally (they are listed by index.ts). */
function tallyFile(ctx: ImportContext, rows: IsbRows, file: { file: string; count: number }) {
  const tally = ctx.report.tally(file.file);
  tally.rows = file.count;
  for (const r of rows.rejected) if (r.file === file.file) tally.rejectedLines.add(r.line);
  return tally;
}

/** Stores the plans; returns the kd_rup → id of those stored. */
async function storePlans(
  ctx: ImportContext,
  file: { file: string; count: number },
  rows: IsbRows,
  agencies: Map<string, number>,
): Promise<Map<string, number>> {
  const tally = tallyFile(ctx, rows, file);
  const ready: Array<IsbPlan & { agency_id: number }> = [];
  for (const plan of rows.plans) {
    const agencyId = agencies.get(plan.agency_ref);
    if (agencyId === undefined) {
      ctx.report.reject(plan.file, plan.line, {
        column: 'kd_satker',
        reason: {
          id: `perangkat daerah untuk satuan kerja ${plan.kd_satker} (${plan.agency_ref}) tidak tersimpan: lihat penolakannya`,
          en: `the agency of work unit ${plan.kd_satker} (${plan.agency_ref}) was not stored: see its rejection`,
        },
      });
      continue;
    }
    ready.push({ ...plan, agency_id: agencyId });
  }
  const stored: string[] = [];
  await loadInChunks(ctx.trx, {
    rows: ready,
    chunkSize: 5000,
    store: (chunk) =>
      upsertPlans(
        ctx.trx,
        ctx.tenantId,
        chunk.map(({ file: _f, line: _l, agency_ref: _a, ...plan }) => plan),
      ),
    accept: (chunk, changed) => {
      for (const c of changed) tally.count(c.inserted ? 'inserted' : 'updated');
      tally.unchanged += chunk.length - changed.length;
      stored.push(...chunk.map((p) => p.kd_rup));
    },
    reject: (plan, error) =>
      ctx.report.reject(plan.file, plan.line, { column: error.field, reason: error.reason, code: error.code }),
  });
  return planIds(ctx.trx, ctx.tenantId, stored);
}

const sameLines = (a: readonly LineValues[], b: readonly LineValues[]) =>
  a.length === b.length &&
  a.every(
    (x, i) =>
      x.mak === b[i]?.mak &&
      x.account_code === b[i]?.account_code &&
      x.funding_source === b[i]?.funding_source &&
      x.pagu === b[i]?.pagu,
  );

/**
 * Stores the budget lines: the lines the file gives for a package replace its stored ones (counted
 * unchanged when equal). A line of a package neither in this import nor stored is rejected; the
 * lines of a package in this import that do not add up to its pagu are a warning.
 */
async function storeLines(
  ctx: ImportContext,
  file: { file: string; count: number },
  rows: IsbRows,
  importedPlans: Map<string, number>,
) {
  const tally = tallyFile(ctx, rows, file);
  const unknown = rows.planLines.map((l) => l.kd_rup).filter((kd) => !importedPlans.has(kd));
  const ids = new Map([...(await planIds(ctx.trx, ctx.tenantId, unknown)), ...importedPlans]);
  const planLine = new Map(rows.plans.map((p) => [p.kd_rup, p]));
  const byPlan = new Map<number, IsbPlanLine[]>();
  for (const line of rows.planLines) {
    const id = ids.get(line.kd_rup);
    if (id === undefined) {
      const plan = planLine.get(line.kd_rup);
      ctx.report.reject(line.file, line.line, {
        column: 'kd_rup',
        reason: plan
          ? {
              id: `paket ${line.kd_rup} ditolak (${plan.file} baris ${plan.line})`,
              en: `package ${line.kd_rup} was rejected (${plan.file} row ${plan.line})`,
            }
          : {
              id: `paket ${line.kd_rup} tidak ada di RUP-PaketPenyedia-Terumumkan dan belum tersimpan`,
              en: `package ${line.kd_rup} is neither in RUP-PaketPenyedia-Terumumkan nor stored`,
            },
      });
      continue;
    }
    byPlan.set(id, [...(byPlan.get(id) ?? []), line]);
  }
  const before = await storedLines(ctx.trx, ctx.tenantId, [...byPlan.keys()]);
  const changed = new Map<number, LineValues[]>();
  for (const [id, lines] of byPlan) {
    const values = lines.map(({ mak, account_code, funding_source, pagu }) => ({
      mak,
      account_code,
      funding_source,
      pagu,
    }));
    const old = before.get(id) ?? [];
    if (sameLines(old, values)) tally.unchanged += lines.length;
    else {
      tally[old.length === 0 ? 'inserted' : 'updated'] += lines.length;
      changed.set(id, values);
    }
    const plan = planLine.get(lines[0]?.kd_rup ?? '');
    const sum = values.reduce((n, l) => n + l.pagu, 0);
    if (plan && sum !== plan.pagu) {
      ctx.report.warn({
        file: file.file,
        column: 'pagu',
        message: {
          id: `jumlah baris anggaran paket ${plan.kd_rup} ${sum}, bukan pagunya ${plan.pagu} (${plan.file} baris ${plan.line})`,
          en: `the lines of package ${plan.kd_rup} add up to ${sum}, not its pagu ${plan.pagu} (${plan.file} row ${plan.line})`,
        },
      });
    }
  }
  await replaceLines(ctx.trx, ctx.tenantId, changed);
}
