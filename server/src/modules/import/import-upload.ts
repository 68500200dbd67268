import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Database } from '@jejaring/db';
import { formatOf, insertImportJob } from '@jejaring/db/import-jobs';
import type { Request, RequestHandler } from 'express';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Actor } from '../../auth/actor.ts';
import { unsafeCookieRequest } from '../../auth/credentials.ts';
import { errorBody } from '../../http/http-errors.ts';
import { refusal } from './access.ts';

export interface UploadOptions {
  readonly db: Kysely<Database>;
  /** Folder the uploads wait in (created 0700; files 0600). */
  readonly dir: string;
  /** Largest upload in bytes; 413 beyond. */
  readonly maxBytes: number;
  readonly logger: Logger;
  /** Who sends the request (its credentials); only an ADMIN may upload. */
  readonly actorOf: (req: Request) => Promise<Actor>;
  /** Called once the job is stored, before the answer (read-your-writes with a read replica). */
  readonly afterWrite?: (req: Request) => Promise<void>;
}

class TooLarge extends Error {}

/** Counts bytes through the stream and stops it past `max`. */
function limit(max: number, counted: { bytes: number }): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      counted.bytes += chunk.length;
      done(counted.bytes > max ? new TooLarge() : null, chunk);
    },
  });
}

/**
 * POST /imports?name=<file name>: the request body is the file itself (application/octet-stream;
 * a zip of the CSV bundle, an XLSX workbook or one CSV file), streamed to a temporary file, never
 * held in memory. Answers 201 with the new import job (status UPLOADED); the GraphQL mutations
 * startImport and commitImport take it from there. For ADMIN and OPERATOR; an operator's job writes
 * only for its agency (db/import/scope.ts), and LKPP or OCDS JSON is an administrator's to import.
 */
export function importUpload(options: UploadOptions): RequestHandler {
  const { db, dir, maxBytes, logger } = options;
  return async (req, res) => {
    const fail = (status: number, code: string, message: string, field = 'name') =>
      res
        .status(status)
        .set(status === 413 || status === 403 || field === 'content-type' ? { Connection: 'close' } : {})
        .json(errorBody(code, message, { field }));
    if (unsafeCookieRequest(req)) {
      return fail(
        400,
        'BAD_REQUEST',
        'kirim berkas sebagai application/octet-stream / send the file as application/octet-stream (a request signed in by the session cookie with a form content type may be cross-site request forgery)',
        'content-type',
      );
    }
    const refused = await refusal(options.actorOf, req, ['ADMIN', 'OPERATOR']);
    if (refused) return fail(refused.status, refused.code, refused.message);
    const actor = await options.actorOf(req);
    // Signed in (refusal above): the account's own regency.
    const tenantId = actor.tenantId as string;
    // An operator's job writes for its agency only (db/import/scope.ts); an administrator's for any.
    const agencyId = actor.role === 'OPERATOR' ? (actor.agencyId ?? null) : null;
    const raw = typeof req.query.name === 'string' ? req.query.name : '';
    const fileName = path.basename(raw.replace(/\\/g, '/')).trim();
    if (!fileName || fileName.length > 255) {
      return fail(
        400,
        'BAD_USER_INPUT',
        'name wajib: nama berkas / name is required: the file name, e.g. ?name=bundle.zip',
      );
    }
    const format = formatOf(fileName);
    if (!format) {
      return fail(
        400,
        'BAD_USER_INPUT',
        `${fileName}: format tidak dikenal, kirim .zip, .xlsx atau .csv / unknown format: send a .zip, .xlsx or .csv`,
      );
    }
    if (format === 'json' && agencyId !== null) {
      return fail(
        403,
        'FORBIDDEN',
        'berkas LKPP (ISB) dan OCDS diimpor oleh administrator: berkas itu menulis SKPD dan pemetaan satker / LKPP (ISB) and OCDS files are imported by an administrator: they write agencies and the work-unit mapping',
      );
    }
    const announced = Number(req.get('content-length'));
    if (Number.isFinite(announced) && announced > maxBytes) {
      return fail(413, 'PAYLOAD_TOO_LARGE', `The file is larger than ${maxBytes} bytes.`);
    }
    await fsp.mkdir(dir, { recursive: true, mode: 0o700 });
    const target = path.join(dir, `${randomUUID()}.${format}`);
    const counted = { bytes: 0 };
    try {
      await pipeline(req, limit(maxBytes, counted), fs.createWriteStream(target, { mode: 0o600 }));
    } catch (error) {
      await fsp.rm(target, { force: true });
      if (error instanceof TooLarge)
        return fail(413, 'PAYLOAD_TOO_LARGE', `The file is larger than ${maxBytes} bytes.`);
      logger.warn({ err: error }, 'upload cut off');
      return fail(400, 'BAD_USER_INPUT', 'unggahan terputus / the upload was cut off: send it again');
    }
    const job = await insertImportJob(db, tenantId, {
      fileName,
      format,
      sizeBytes: counted.bytes,
      filePath: target,
      createdBy: actor.userId ?? null,
      agencyId,
    });
    await options.afterWrite?.(req);
    // The job as importJob(id) would show it (this module stays free of the GraphQL classes).
    res.status(201).json({
      id: String(job.id),
      status: job.status,
      fileName: job.file_name,
      format: job.format,
      sizeBytes: job.size_bytes,
    });
  };
}
