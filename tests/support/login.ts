/** Signs in over HTTP with the `login` mutation and returns the session token (for `Authorization: Bearer`). */
export async function loginToken(url: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
      variables: { u: username, p: password },
    }),
  });
  const body = (await response.json()) as { data?: { login: { token: string } | null } | null; errors?: unknown };
  if (!body.data?.login) throw new Error(`sign-in as ${username} failed: ${JSON.stringify(body.errors)}`);
  return body.data.login.token;
}
