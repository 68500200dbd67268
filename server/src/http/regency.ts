import type { Database } from '@jejaring/db';
import type { Request } from 'express';
import type { Kysely } from 'kysely';
import { localized } from '../errors.ts';
import { regencyIds } from '../modules/regency/regency.queries.ts';

/**
 * The header a request names its regency (tenant) with (docs/api.md "Regencies"); absent: the
 * server's default regency (TENANT). The dashboard sends the regency of its URL (`?wilayah=`).
 */
export const REGENCY_HEADER = 'jejaring-regency';

/** How long the list of regencies held is trusted before it is read again (a regency is added by `pnpm cli migrate`). */
const REFRESH_MS = 60_000;
/** An unknown code reads the list again, at most this often (unknown codes cannot flood the database). */
const MISS_REFRESH_MS = 5_000;

const CODE = /^\d{2}\.\d{2}$/;

/**
 * Chooses each request's regency: the header's, checked against the regencies the database holds
 * (cached), or the default. Unknown or malformed: 400 UNKNOWN_REGENCY, in Indonesian and English.
 */
export class RegencyDirectory {
  private ids = new Set<string>();
  private readAt = Number.NEGATIVE_INFINITY;
  private reading: Promise<void> | null = null;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly defaultRegency: string,
  ) {}

  /** The regency `req` is for; throws UNKNOWN_REGENCY when it names one the database does not hold. */
  async of(req: Pick<Request, 'headers'>): Promise<string> {
    const raw = req.headers[REGENCY_HEADER];
    const code = (Array.isArray(raw) ? raw[0] : raw)?.trim();
    if (!code) return this.defaultRegency;
    if (!CODE.test(code)) throw unknownRegency(code);
    const age = Date.now() - this.readAt;
    if (age > REFRESH_MS || (!this.ids.has(code) && age > MISS_REFRESH_MS)) await this.refresh();
    if (!this.ids.has(code)) throw unknownRegency(code);
    return code;
  }

  private refresh(): Promise<void> {
    this.reading ??= regencyIds(this.db)
      .then((ids) => {
        this.ids = new Set(ids);
        this.readAt = Date.now();
      })
      .finally(() => {
        this.reading = null;
      });
    return this.reading;
  }
}

export function unknownRegency(code: string) {
  const error = localized(
    'UNKNOWN_REGENCY',
    'regency',
    {
      id: `wilayah "${code.slice(0, 16)}" tidak ada di server ini (kode kabupaten/kota seperti 61.12; daftar: query regencies)`,
      en: `regency "${code.slice(0, 16)}" is not held by this server (a regency or city code such as 61.12; list: query regencies)`,
    },
    { http: { status: 400 } },
  );
  return error;
}
