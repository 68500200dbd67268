/**
 * After signing in or out every answer may change (what a role sees): start afresh with a full
 * page load rather than patch the cache.
 */
export function reloadAt(path: string): void {
  window.location.assign(path);
}
