import { bilingual } from '../src/errors.ts';
import type { Reason } from '../src/rules/failure.ts';

/**
 * A bundle that cannot be imported at all (no bundle file in it, a file given twice): the reason in
 * Indonesian and English, and as the message "id / en" (what the CLI prints and a job keeps).
 */
export class BundleError extends Error {
  override readonly name = 'BundleError';

  constructor(readonly reason: Reason) {
    super(bilingual(reason));
  }
}
