import metricsMarkdown from '../../../../docs/metrics.md?raw';
import { type Measure, parseMeasures } from './measures.ts';

/** The measures of docs/metrics.md, bundled at build time. */
export const MEASURES: readonly Measure[] = parseMeasures(metricsMarkdown);
