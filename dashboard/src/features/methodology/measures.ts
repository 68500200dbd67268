/** The languages of the plain definitions. */
type Locale = 'id' | 'en';

/*
 * The definitions of the measures, read at build time from docs/metrics.md and its continuation
 * docs/metrics-outcomes.md — the documents the code, the API's descriptions and this page cite. A
 * measure's section there opens with
 *
 *   <!-- measure: spendSummary -->
 *   > **id** — **Ringkasan belanja.** plain definition in Indonesian
 *   > **en** — **Spend summary.** plain definition in English
 *
 * followed by the exact definition (in English), which the page shows below the plain one.
 */

/** The measures a chart can link to: the anchors of the Metodologi page. */
export const MEASURE_IDS = [
  'scope',
  'spendSummary',
  'spendTrend',
  'agencyScorecard',
  'spendFlows',
  'spendByDistrict',
  'networkReach',
  'dominoEffect',
  'programOutcomes',
  'plannedVsRealised',
  'recoveryIndex',
  'marketAccessEffect',
  'dataCollectionProgress',
  'provinceOverview',
] as const;
export type MeasureId = (typeof MEASURE_IDS)[number];

export interface Measure {
  id: string;
  title: Record<Locale, string>;
  plain: Record<Locale, string>;
  /** The exact definition: the rest of the section, markdown. */
  definition: string;
}

const MARKER = /^<!-- measure: ([A-Za-z]+) -->$/;
const PLAIN = /^> \*\*(id|en)\*\* — \*\*(.+?)\.\*\* (.+)$/;

/** The measures of a metrics document, in its order. */
export function parseMeasures(markdown: string): Measure[] {
  const measures: Measure[] = [];
  for (const section of markdown.split(/^## /m).slice(1)) {
    const lines = section.split('\n');
    const at = lines.findIndex((l) => MARKER.test(l));
    if (at < 0) continue;
    const id = MARKER.exec(lines[at]!)![1]!;
    const title: Partial<Record<Locale, string>> = {};
    const plain: Partial<Record<Locale, string>> = {};
    let end = at + 1;
    for (; end < lines.length && (lines[end]!.startsWith('>') || lines[end] === ''); end++) {
      const m = PLAIN.exec(lines[end]!);
      if (m) {
        title[m[1] as Locale] = m[2]!;
        plain[m[1] as Locale] = m[3]!;
      }
    }
    if (!title.id || !title.en || !plain.id || !plain.en) {
      throw new Error(`docs/metrics*.md: the measure ${id} needs a plain definition in id and en`);
    }
    const definition = [...lines.slice(1, at), ...lines.slice(end)].join('\n').trim();
    measures.push({ id, title: title as Record<Locale, string>, plain: plain as Record<Locale, string>, definition });
  }
  return measures;
}
