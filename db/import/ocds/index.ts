import { stringify } from 'csv-stringify/sync';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/database.ts';
import { type ImportOptions, type ImportReport, importCsvBundle } from '../csv-import.ts';
import type { RejectedRow } from '../report.ts';
import { ImportSourceError } from '../sources/errors.ts';
import { mapReleases } from './map.ts';
import { isOcds, releasesOf } from './releases.ts';

export { isOcds, parseJson } from './releases.ts';

/** The source OCDS transactions are stored under: re-imports match on (source, ref). */
export const OCDS_SOURCE = 'OCDS';

/** 1-based position of the release a JSON path points into (releases[2]… → 3). */
function releaseNumber(at: string): number {
  const match = /^(?:releases|records)\[([0-9]+)\]/.exec(at);
  return match ? Number(match[1]) + 1 : 1;
}

/**
 * Imports an OCDS file (release package, record package, or one release; OCDS 1.0 or 1.1) through
 * the CSV bundle's engine: its parties and IDR transactions become bundle rows (map.ts says how),
 * so checks, upserts, idempotence and all-or-nothing are the bundle's. Rejections name the file,
 * the release's position as the line and the JSON path as the column.
 */
export async function importOcds(
  db: Kysely<Database>,
  tenantId: string,
  name: string,
  doc: unknown,
  options: ImportOptions = {},
): Promise<ImportReport> {
  if (!isOcds(doc))
    throw new ImportSourceError('UNKNOWN_FORMAT', {
      id: `${name} berformat JSON tetapi bukan OCDS (tanpa releases, records maupun ocid)`,
      en: `${name} is JSON but not OCDS (no releases, records or ocid)`,
    });
  const releases = releasesOf(doc);
  const rows = mapReleases(name, releases);
  const mapped: RejectedRow[] = rows.rejected.map((r) => ({
    ...r,
    line: releaseNumber(r.column ?? ''),
  }));
  const parties = stringify([
    ['ref', 'kind', 'name', 'is_government', 'size_class'],
    ...rows.parties.map((p) => [p.ref, p.kind, p.name, String(p.is_government), p.size_class]),
  ]);
  const transactions = stringify([
    ['ref', 'buyer_ref', 'seller_ref', 'category', 'amount', 'occurred_on', 'source'],
    ...rows.transactions.map((t) => [t.ref, t.buyer_ref, t.seller_ref, 'OTHER', t.amount, t.occurred_on, OCDS_SOURCE]),
  ]);
  // All or nothing covers the rows this mapping refused too: then the engine only checks.
  const refusedHere = mapped.length > 0 && options.allOrNothing === true;
  const report = await importCsvBundle(
    db,
    tenantId,
    [
      { name: 'parties.csv', content: parties },
      { name: 'transactions.csv', content: transactions },
    ],
    { ...options, dryRun: options.dryRun || refusedHere },
  );
  // Lines of the generated files (header = 1) back to where the row came from in the JSON.
  const origin = (file: string, line: number): string | undefined =>
    (file === 'parties.csv' ? rows.parties : rows.transactions)[line - 2]?.at;
  const rejected = report.rejected.map((r) => {
    const at = origin(r.file, r.line);
    return at ? { ...r, file: name, line: releaseNumber(at), column: `${at}${r.column ? ` (${r.column})` : ''}` } : r;
  });
  return {
    ...report,
    committed: report.committed && !refusedHere,
    dryRun: options.dryRun ?? false,
    rejected: [...mapped, ...rejected],
    rejectedTotal: mapped.length + report.rejectedTotal,
    warnings: [...rows.warnings, ...report.warnings],
  };
}
