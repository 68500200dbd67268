import metricsMarkdown from '../../../../docs/metrics.md?raw';
import outcomesMarkdown from '../../../../docs/metrics-outcomes.md?raw';
import { type Measure, parseMeasures } from './measures.ts';

/** The measures of docs/metrics.md, then those of docs/metrics-outcomes.md, bundled at build time. */
export const MEASURES: readonly Measure[] = [...parseMeasures(metricsMarkdown), ...parseMeasures(outcomesMarkdown)];
