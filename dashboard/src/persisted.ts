import { formatDocument, stringifyDocument } from '@urql/core';
import type { DocumentNode } from 'graphql';
import * as operations from './graphql/generated/graphql.ts';

/**
 * The dashboard's operations exactly as it sends them (with the __typename fields urql's cache
 * adds), for the persisted-operations manifest (schema/operations/persisted.json, written by
 * scripts/persisted.ts and checked by persisted.test.ts).
 */
export function dashboardOperationTexts(): string[] {
  return Object.entries(operations)
    .filter(([name]) => name.endsWith('Document'))
    .map(([, document]) => stringifyDocument(formatDocument(document as DocumentNode)))
    .sort();
}

/** SHA-256 of a text, hex (what Apollo's persisted-query protocol names an operation by). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
