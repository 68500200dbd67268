import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { BundleFile } from '../csv-import.ts';

/** Columns that hold personal data: an enterprise owner's name and NIK. */
export const PERSONAL_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  'parties.csv': ['owner_name', 'owner_nik'],
};

/**
 * The bundle without its personal columns, for readers who may not see them. The columns are
 * left out, not blanked: importing the redacted bundle back leaves the stored names and NIKs as
 * they are (a missing column never overwrites), while an empty cell would erase them.
 */
export function withoutPersonalData(files: readonly BundleFile[]): BundleFile[] {
  return files.map((file) => {
    const drop = PERSONAL_COLUMNS[file.name];
    if (!drop) return file;
    const text = typeof file.content === 'string' ? file.content : Buffer.from(file.content).toString('utf8');
    const rows: string[][] = parse(text, { relax_column_count: true });
    const header = rows[0] ?? [];
    const keep = header.map((h, i) => (drop.includes(h) ? -1 : i)).filter((i) => i >= 0);
    return { name: file.name, content: stringify(rows.map((row) => keep.map((i) => row[i] ?? ''))) };
  });
}
