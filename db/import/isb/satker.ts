import type { IsbRow, IsbRows } from './rows.ts';
import { text } from './rows.ts';

/**
 * kd_satker → the agency's ref. RUP-MasterSatker names each work unit's SIPD agency code
 * (`kd_satker_str`): an agency already stored with that code is used as it is; otherwise the
 * agency is created from the master row (ref SATKER-<kd_satker>), so a folder of ISB files fills
 * an empty regency. A dataset row whose kd_satker the master does not list falls back on its own
 * kd_satker_str and nama_satker when it has them; else it is rejected (never guessed).
 */
export class SatkerMap {
  private readonly refs = new Map<string, string>();

  constructor(
    private readonly rows: IsbRows,
    /** Stored agencies by agency code → their ref. */
    private readonly stored: ReadonlyMap<string, string>,
  ) {}

  /** Reads RUP-MasterSatker. */
  load(file: string, data: readonly IsbRow[]): void {
    data.forEach((row, i) => {
      const kd = text(row.kd_satker);
      const code = text(row.kd_satker_str);
      const name = text(row.nama_satker);
      if (!kd || !code || !name) {
        this.rows.reject(
          file,
          i + 1,
          !kd ? 'kd_satker' : !code ? 'kd_satker_str' : 'nama_satker',
          'a work unit needs kd_satker, kd_satker_str and nama_satker',
        );
        return;
      }
      this.define(kd, code, name, file, i + 1);
    });
  }

  private define(kd: string, code: string, name: string, file: string, line: number): string {
    const ref = this.stored.get(code) ?? `SATKER-${kd}`;
    this.refs.set(kd, ref);
    if (!this.stored.has(code)) this.rows.party({ ref, kind: 'AGENCY', name, agency_code: code, file, line });
    return ref;
  }

  /** The agency ref for a dataset row's buyer; null (and a rejection) when it cannot be known. */
  buyer(row: IsbRow, kdColumn: string, file: string, line: number): string | null {
    const kd = text(row[kdColumn]);
    if (!kd) {
      this.rows.reject(file, line, kdColumn, `${kdColumn} is empty: the buying work unit is not given`);
      return null;
    }
    const known = this.refs.get(kd);
    if (known) return known;
    const code = text(row.kd_satker_str);
    const name = text(row.nama_satker);
    if (code && name) return this.define(kd, code, name, file, line);
    this.rows.reject(
      file,
      line,
      kdColumn,
      `work unit ${kd} is not in RUP-MasterSatker and the row does not name its agency code: add RUP-MasterSatker.json`,
    );
    return null;
  }
}
