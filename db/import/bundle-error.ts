/** A bundle that cannot be imported at all (no bundle file in it, a file given twice). */
export class BundleError extends Error {
  override readonly name = 'BundleError';
}
