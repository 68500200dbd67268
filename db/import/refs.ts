/**
 * What a `ref` in a bundle points at: a row of the same bundle (once it is stored, or rejected) or
 * a row already in the tenant. The first row of a file with a given ref owns it; a later duplicate
 * is rejected and changes nothing here.
 */

type BundleEntry<T> =
  | { readonly state: 'stored'; readonly value: T }
  | { readonly state: 'rejected'; readonly file: string; readonly line: number };

import type { Reason } from '../src/rules/failure.ts';

export type Lookup<T> = { readonly value: T } | { readonly reason: Reason };

export class RefIndex<T> {
  private readonly bundle = new Map<string, BundleEntry<T>>();
  private readonly existing = new Map<string, T>();

  /**
   * @param noun what the refs name, for messages ({ id: 'pihak', en: 'party' })
   * @param file the bundle file that defines them ("parties.csv")
   */
  constructor(
    readonly noun: Reason,
    readonly file: string,
  ) {}

  /** A row already in the tenant, loaded before the import starts. */
  addExisting(ref: string, value: T): void {
    this.existing.set(ref, value);
  }

  /** True when `ref` is resolved already: a row of the bundle (stored or rejected) or a stored row. */
  knows(ref: string): boolean {
    return this.bundle.has(ref) || this.existing.has(ref);
  }

  existingValue(ref: string): T | undefined {
    return this.existing.get(ref);
  }

  stored(ref: string, value: T): void {
    this.bundle.set(ref, { state: 'stored', value });
  }

  /** Marks a bundle row as rejected, so rows depending on it are rejected too. */
  rejected(ref: string | null, file: string, line: number): void {
    if (ref && !this.bundle.has(ref)) this.bundle.set(ref, { state: 'rejected', file, line });
  }

  /** Resolves a ref found in `column`, for a message that names both. */
  lookup(ref: string, column: string): Lookup<T> {
    const entry = this.bundle.get(ref);
    if (entry?.state === 'stored') return { value: entry.value };
    if (entry?.state === 'rejected')
      return {
        reason: {
          id: `${column} ${ref} merujuk ke baris yang ditolak (${entry.file} baris ${entry.line})`,
          en: `${column} ${ref} refers to a rejected row (${entry.file} line ${entry.line})`,
        },
      };
    const existing = this.existing.get(ref);
    if (existing !== undefined) return { value: existing };
    return {
      reason: {
        id: `${column} ${ref}: tidak ada ${this.noun.id} dengan ref ini di ${this.file} maupun yang sudah tersimpan di kabupaten/kota ini`,
        en: `${column} ${ref}: no ${this.noun.en} with this ref in ${this.file} or already stored in this regency`,
      },
    };
  }
}
