import { ImportSourceError } from '../sources/errors.ts';

/** One OCDS release and where it sits in the file, for the report ("releases[2]"). */
export interface LocatedRelease {
  readonly release: Record<string, unknown>;
  /** JSON path of the release in the file. */
  readonly at: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parses JSON text; a truncated or broken file is one coded error naming where it breaks. */
export function parseJson(text: string, name: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const message = (error as Error).message;
    const truncated = /end of (JSON )?input|Unterminated/i.test(message);
    throw new ImportSourceError(
      truncated ? 'TRUNCATED' : 'UNKNOWN_FORMAT',
      truncated
        ? {
            id: `${name} berakhir sebelum JSON-nya selesai (terpotong saat diunduh atau disalin?): ${message}`,
            en: `${name} ends before its JSON does (cut short while downloading or copying?): ${message}`,
          }
        : { id: `${name} bukan JSON yang sah: ${message}`, en: `${name} is not valid JSON: ${message}` },
    );
  }
}

/** True when the document is OCDS: a release package, a record package, or one release. */
export function isOcds(doc: unknown): boolean {
  return isObject(doc) && (Array.isArray(doc.releases) || Array.isArray(doc.records) || typeof doc.ocid === 'string');
}

/**
 * The releases of an OCDS document, one per contracting process where the file has a compiled
 * view: a release package gives its releases; a record package each record's compiledRelease (or,
 * without one, its releases); a single release itself. Linked releases (only a `url`) are skipped.
 */
export function releasesOf(doc: unknown): LocatedRelease[] {
  if (!isObject(doc)) return [];
  if (Array.isArray(doc.releases)) {
    return doc.releases.flatMap((release, i) =>
      isObject(release) && typeof release.ocid === 'string' ? [{ release, at: `releases[${i}]` }] : [],
    );
  }
  if (Array.isArray(doc.records)) {
    return doc.records.flatMap((record, i) => {
      if (!isObject(record)) return [];
      if (isObject(record.compiledRelease))
        return [{ release: record.compiledRelease, at: `records[${i}].compiledRelease` }];
      return releasesOf({ releases: record.releases }).map((r) => ({ ...r, at: `records[${i}].${r.at}` }));
    });
  }
  return typeof doc.ocid === 'string' ? [{ release: doc, at: '(release)' }] : [];
}
