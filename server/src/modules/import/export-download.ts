import { randomUUID } from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '@jejaring/db';
import { exportCsvBundle } from '@jejaring/db/export';
import { withoutPersonalData, writeExport } from '@jejaring/db/import-jobs';
import type { Request, RequestHandler } from 'express';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Actor } from '../../auth/actor.ts';
import { errorBody } from '../../http/http-errors.ts';
import { refusal } from './access.ts';

export interface DownloadOptions {
  readonly db: Kysely<Database>;
  /** Folder for the file while it is sent (removed afterwards). */
  readonly dir: string;
  readonly logger: Logger;
  /** Who sends the request (its credentials): any signed-in role may download. */
  readonly actorOf: (req: Request) => Promise<Actor>;
}

/**
 * GET /exports/bundle.zip and /exports/bundle.xlsx: the tenant's data as the CSV bundle (a zip of
 * the CSV files, or one workbook), from one consistent snapshot, for any signed-in role. Owners'
 * names and NIKs are left out unless the request comes from an ADMIN; cells that a spreadsheet would run as a formula are
 * neutralised. Not cached (Cache-Control: no-store).
 */
export function exportDownload(options: DownloadOptions): RequestHandler {
  const { db, dir, logger } = options;
  return async (req, res) => {
    const refused = await refusal(options.actorOf, req, null);
    if (refused) {
      res.status(refused.status).json(errorBody(refused.code, refused.message));
      return;
    }
    const actor = await options.actorOf(req);
    // Signed in (refusal above): the account's own regency.
    const tenantId = actor.tenantId as string;
    const format = req.path.endsWith('.xlsx') ? 'xlsx' : 'zip';
    const all = await exportCsvBundle(db, tenantId);
    // Owners' names and NIKs: only for an ADMIN (an operator may see them only for its own agency,
    // which a whole-tenant bundle cannot honour).
    const files = actor.role === 'ADMIN' ? all : withoutPersonalData(all);
    await fsp.mkdir(dir, { recursive: true, mode: 0o700 });
    const target = path.join(dir, `export-${randomUUID()}.${format}`);
    try {
      await writeExport(target, files);
      const name = `jejaring-${tenantId}-${new Date().toISOString().slice(0, 10)}.${format}`;
      res.set('Cache-Control', 'no-store');
      await new Promise<void>((resolve, reject) =>
        res.download(target, name, (error) => (error ? reject(error) : resolve())),
      );
    } catch (error) {
      logger.warn({ err: error }, 'export download failed');
      if (!res.headersSent) res.status(500).json(errorBody('INTERNAL_SERVER_ERROR', 'The export failed.'));
    } finally {
      await fsp.rm(target, { force: true });
    }
  };
}
