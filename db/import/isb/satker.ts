import { checkKdSatker } from '../../src/rules/identifiers.ts';
import type { IsbRow, IsbRows } from './rows.ts';
import { text } from './rows.ts';
import type { StoredMapping } from './stored.queries.ts';

/** A work unit this import read, as satker_mapping is to hold it. */
export interface SatkerEntry {
  readonly kd: string;
  readonly code: string;
  readonly name: string;
  /** The ref of the agency it maps to (stored, or created by this import). */
  readonly agencyRef: string;
  readonly file: string;
  readonly line: number;
}

/**
 * kd_satker → the agency's ref, in this order:
 * 1. the stored mapping (satker_mapping), whoever made it: an administrator's edit stays as it is;
 * 2. for a work unit not mapped yet, RUP-MasterSatker's SIPD agency code (`kd_satker_str`): an
 *    agency already stored with that code is used as it is; otherwise the agency is created from
 *    the master row (ref SATKER-<kd_satker>), so a folder of ISB files fills an empty regency;
 * 3. a dataset row whose work unit is in neither falls back on its own kd_satker_str and
 *    nama_satker when it has them; else it is rejected (never guessed).
 * Every work unit read from the master or a row's own code is stored in satker_mapping (entries()).
 */
export class SatkerMap {
  private readonly refs = new Map<string, string>();
  private readonly met = new Map<string, SatkerEntry>();

  constructor(
    private readonly rows: IsbRows,
    /** Stored agencies by agency code → their ref. */
    private readonly stored: ReadonlyMap<string, string>,
    /** Stored work units by kd_satker. */
    private readonly mappings: ReadonlyMap<string, StoredMapping>,
  ) {}

  /** Reads RUP-MasterSatker. */
  load(file: string, data: readonly IsbRow[]): void {
    data.forEach((row, i) => {
      const kd = this.kdOf(row, 'kd_satker', file, i + 1);
      const code = text(row.kd_satker_str);
      const name = text(row.nama_satker);
      if (kd === undefined) return;
      if (!kd || !code || !name) {
        this.rows.reject(file, i + 1, !kd ? 'kd_satker' : !code ? 'kd_satker_str' : 'nama_satker', {
          id: 'satuan kerja harus mempunyai kd_satker, kd_satker_str dan nama_satker',
          en: 'a work unit needs kd_satker, kd_satker_str and nama_satker',
        });
        return;
      }
      this.define(kd, code, name, file, i + 1);
    });
  }

  /** The row's work unit code: null when empty, undefined (and a rejection) when malformed. */
  private kdOf(row: IsbRow, column: string, file: string, line: number): string | null | undefined {
    const given = text(row[column]);
    if (!given) return null;
    const checked = checkKdSatker(given, column);
    if (checked.failure) {
      this.rows.reject(file, line, column, checked.failure.reason);
      return undefined;
    }
    return checked.value;
  }

  private define(kd: string, code: string, name: string, file: string, line: number): string {
    const mapped = this.mappings.get(kd);
    const ref = mapped?.agencyRef ?? this.stored.get(code) ?? `SATKER-${kd}`;
    this.refs.set(kd, ref);
    if (!mapped && !this.stored.has(code))
      this.rows.party({ ref, kind: 'AGENCY', name, agency_code: code, file, line });
    if (!this.met.has(kd)) this.met.set(kd, { kd, code, name, agencyRef: ref, file, line });
    return ref;
  }

  /** The agency ref for a dataset row's work unit; null (and a rejection) when it cannot be known. */
  buyer(row: IsbRow, kdColumn: string, file: string, line: number): string | null {
    const kd = this.kdOf(row, kdColumn, file, line);
    if (kd === undefined) return null;
    if (!kd) {
      this.rows.reject(file, line, kdColumn, {
        id: `${kdColumn} kosong: satuan kerja pembeli tidak disebutkan`,
        en: `${kdColumn} is empty: the buying work unit is not given`,
      });
      return null;
    }
    const known = this.refs.get(kd) ?? this.mappings.get(kd)?.agencyRef;
    if (known) return known;
    const code = text(row.kd_satker_str);
    const name = text(row.nama_satker);
    if (code && name) return this.define(kd, code, name, file, line);
    this.rows.reject(file, line, kdColumn, {
      id: `satuan kerja ${kd} tidak ada di RUP-MasterSatker dan tidak dipetakan ke perangkat daerah, dan baris ini tidak menyebut kode perangkat daerahnya: tambahkan RUP-MasterSatker.json atau petakan satuan kerjanya (mapSatker)`,
      en: `work unit ${kd} is not in RUP-MasterSatker nor mapped to an agency, and the row does not name its agency code: add RUP-MasterSatker.json or map the work unit (mapSatker)`,
    });
    return null;
  }

  /** The work units read from RUP-MasterSatker or a row's own agency code, first reading each. */
  entries(): SatkerEntry[] {
    return [...this.met.values()];
  }
}
