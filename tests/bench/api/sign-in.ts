import { loginToken } from '../../support/login.ts';

/**
 * The headers of a signed-in analyst for the benchmarks: transaction lists are for signed-in roles
 * (docs/security.md), and an analyst reads what the dashboard's operations ask. Uses the demo
 * account `analyst.demo`, which every demo load creates (`pnpm cli demo`, or DEMO_DATA on PGlite).
 */
export async function analystHeaders(url: string): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await loginToken(url, 'analyst.demo', 'demo-jejaring-2026')}` };
}
