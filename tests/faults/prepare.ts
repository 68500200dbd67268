import { scale10Cluster, scale10TemplateCached } from './scale-cluster.ts';

/*
 * Builds the fault suite's scale-10 template (scale-cluster.ts) when it is not cached yet. CI runs
 * this beside the test lanes, so the load case finds the template ready instead of loading the
 * demo at scale 10 (minutes) while nothing else runs.
 *
 *   tsx --tsconfig server/tsconfig.json tests/faults/prepare.ts
 */
if (scale10TemplateCached()) {
  console.log('scale-10 template: cached');
} else {
  const started = performance.now();
  const { cluster, loadSeconds } = await scale10Cluster();
  await cluster.destroy();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`scale-10 template: built in ${seconds} s (of which the demo load ${loadSeconds?.toFixed(1)} s)`);
}
