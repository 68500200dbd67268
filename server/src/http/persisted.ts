import fs from 'node:fs';

/**
 * The registered operations (schema/operations/persisted.json, written when the dashboard is
 * built): SHA-256 of an operation's text → the text. They back Apollo's persisted-query protocol
 * read-only: a client may send a registered operation by its hash alone, nothing registers new
 * ones (Apollo's default would let anyone store queries in the server's memory), and with
 * PERSISTED_ONLY_FOR_PUBLIC anonymous clients may run nothing else.
 */
export class PersistedOperations {
  private readonly byHash: ReadonlyMap<string, string>;

  constructor(file: string) {
    const entries = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>) : {};
    this.byHash = new Map(Object.entries(entries));
  }

  /** Is `hash` (the SHA-256 of an operation's text, hex) a registered operation? */
  has(hash: string | undefined): boolean {
    return hash !== undefined && this.byHash.has(hash);
  }

  get size(): number {
    return this.byHash.size;
  }

  // Apollo's KeyValueCache, read-only; Apollo prefixes its keys ("apq:<hash>").
  async get(key: string): Promise<string | undefined> {
    return this.byHash.get(key.slice(key.lastIndexOf(':') + 1));
  }

  async set(): Promise<void> {}

  async delete(): Promise<boolean> {
    return false;
  }
}
