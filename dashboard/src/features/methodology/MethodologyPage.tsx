import { marked } from 'marked';
import { useEffect, useMemo } from 'react';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { MEASURES } from './definitions.ts';
import './methodology.css';

/** Scrolls to the measure named in the URL's #fragment, once the page has rendered. */
function useScrollToHash() {
  useEffect(() => {
    const scroll = () => {
      const id = decodeURIComponent(window.location.hash.slice(1));
      if (id) document.getElementById(id)?.scrollIntoView({ block: 'start' });
    };
    // After the router's own scroll to the top of a new page.
    const timer = window.setTimeout(scroll, 0);
    window.addEventListener('hashchange', scroll);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('hashchange', scroll);
    };
  }, []);
}

/**
 * Metodologi: every measure the dashboard shows, defined in plain words in the chosen language and
 * exactly (docs/metrics.md and docs/metrics-outcomes.md, rendered), one section per measure with an
 * anchor the charts link to.
 */
export default function MethodologyPage() {
  const i = useI18n();
  const lang = i.locale;
  useScrollToHash();
  // The document is the repository's own, bundled at build time: no user input reaches it.
  const definitions = useMemo(
    () => MEASURES.map((m) => marked.parse(m.definition, { async: false, gfm: true }) as string),
    [],
  );
  return (
    <div className="page methodology">
      <PageHeader title={i.t('method.title')} lead={i.t('method.lead')} />
      <nav aria-label={i.t('method.contents')} className="card methodology-contents">
        <h2>{i.t('method.contents')}</h2>
        <ol>
          {MEASURES.map((m) => (
            <li key={m.id}>
              <a href={`#${m.id}`}>{m.title[lang]}</a>
            </li>
          ))}
        </ol>
      </nav>
      {MEASURES.map((m, k) => (
        <section key={m.id} id={m.id} className="card methodology-measure" aria-labelledby={`${m.id}-title`}>
          <h2 id={`${m.id}-title`}>{m.title[lang]}</h2>
          <p className="methodology-plain" lang={lang}>
            {m.plain[lang]}
          </p>
          <details className="methodology-exact">
            <summary>{i.t('method.exact')}</summary>
            {/* biome-ignore lint/security/noDangerouslySetInnerHtml: docs/metrics*.md, bundled at build time */}
            <div lang="en" className="methodology-definition" dangerouslySetInnerHTML={{ __html: definitions[k]! }} />
          </details>
        </section>
      ))}
    </div>
  );
}
