/**
 * The headers of a signed-in analyst for the benchmarks: transaction lists are for signed-in roles
 * (docs/security.md), and an analyst reads what the dashboard's operations ask. Uses the demo
 * account `analyst.demo`, which every demo load creates (`pnpm cli demo`, or DEMO_DATA on PGlite).
 */
export async function analystHeaders(url: string): Promise<Record<string, string>> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
      variables: { u: 'analyst.demo', p: 'demo-jejaring-2026' },
    }),
  });
  const body = (await response.json()) as { data?: { login: { token: string } }; errors?: unknown[] };
  if (!body.data?.login) {
    throw new Error(`cannot sign in as analyst.demo (load the demo data first): ${JSON.stringify(body.errors)}`);
  }
  return { authorization: `Bearer ${body.data.login.token}` };
}
