import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ChartCard } from '../../components/ChartCard.tsx';
import { I18nProvider } from '../../i18n/i18n.tsx';
import { MEASURES } from './definitions.ts';
import MethodologyPage from './MethodologyPage.tsx';
import { MEASURE_IDS, parseMeasures } from './measures.ts';

const DOC = `# Title

## First — \`first\`

<!-- measure: first -->
> **id** — **Pertama.** Definisi pertama.
>
> **en** — **First.** The first definition.

The exact definition, with a | table |.

## Not a measure

Text.

## Second

<!-- measure: second -->
> **en** — **Second.** Only English.
`;

describe('the measures of docs/metrics.md and docs/metrics-outcomes.md', () => {
  it('reads the id, titles, plain definitions and exact definition of a marked section', () => {
    expect(() => parseMeasures(DOC)).toThrow(/second needs a plain definition in id and en/);
    const [first] = parseMeasures(DOC.slice(0, DOC.indexOf('## Second')));
    expect(first).toEqual({
      id: 'first',
      title: { id: 'Pertama', en: 'First' },
      plain: { id: 'Definisi pertama.', en: 'The first definition.' },
      definition: 'The exact definition, with a | table |.',
    });
  });

  it('defines exactly the measures charts may link to, in that order', () => {
    expect(MEASURES.map((m) => m.id)).toEqual([...MEASURE_IDS]);
  });
});

describe('the Metodologi page', () => {
  it.each([
    ['id', 'Metodologi', 'Ringkasan belanja', 'Definisi persis'],
    ['en', 'Methodology', 'Spend summary', 'Exact definition'],
  ] as const)(
    'in %s: a section with an anchor per measure, its plain and its exact definition',
    (locale, heading, summary, exact) => {
      const { container } = render(
        <I18nProvider locale={locale}>
          <MethodologyPage />
        </I18nProvider>,
      );
      expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(heading);
      const sections = container.querySelectorAll('section.methodology-measure');
      expect([...sections].map((s) => s.id)).toEqual([...MEASURE_IDS]);
      const spend = container.querySelector('section#spendSummary') as HTMLElement;
      expect(within(spend).getByRole('heading', { level: 2 }).textContent).toBe(summary);
      expect(spend.querySelector('.methodology-plain')?.textContent).toBe(
        MEASURES.find((m) => m.id === 'spendSummary')!.plain[locale],
      );
      expect(within(spend).getByText(new RegExp(`^${exact}`))).toBeTruthy();
      // The exact definition is the rendered markdown: its example query is a code block.
      expect(spend.querySelector('.methodology-definition pre code')?.textContent).toContain('spendSummary(filter:');
      // The contents link to every section.
      const contents = screen.getByRole('navigation');
      expect(
        within(contents)
          .getAllByRole('link')
          .map((a) => a.getAttribute('href')),
      ).toEqual(MEASURE_IDS.map((id) => `#${id}`));
    },
    30_000, // renders the whole document: slow on a busy machine
  );
});

describe('a chart card', () => {
  it("links to its measure's definition", () => {
    render(
      <I18nProvider locale="id">
        <ChartCard
          title="Tren"
          result={{ state: 'ok', data: 1, error: undefined, retry: () => {} }}
          measure="spendTrend"
          png={false}
        >
          {() => null}
        </ChartCard>
      </I18nProvider>,
    );
    const link = screen.getByRole('link', { name: 'Definisi: Tren' });
    expect(link.getAttribute('href')).toBe('/metodologi#spendTrend');
  });
});
