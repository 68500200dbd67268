/// <reference lib="dom" />
/**
 * The dashboard's promises beyond rendering, in real headless Chromium against the real server on
 * the demo data: a chart's PNG download is a real picture of the chart; the UMKM & Koperasi
 * registry searches and pages exactly as the API does and opens an entry's detail; a failed request
 * shows the error with "Coba lagi" and retrying shows the data; the filter bar works from the
 * keyboard alone; no page overflows a 768 px tablet; the DPRD report prints to A4 stating its filters.
 * Only the error test intercepts a request (the app's own, to make it fail); everything else is real.
 */
import { describe } from 'vitest';
import { pngDownload, print } from './interactions/outputs.ts';
import { registry } from './interactions/registry.ts';
import { errors, keyboard, tablet } from './interactions/resilience.ts';
import { useInteractionSession } from './interactions/session.ts';

describe('the dashboard in Chromium: downloads, registry, errors, keyboard, tablet, print', () => {
  useInteractionSession();
  pngDownload();
  registry();
  errors();
  keyboard();
  tablet();
  print();
});
