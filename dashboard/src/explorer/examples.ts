/**
 * The example operations of schema/operations/api/*.graphql (written for analysts), bundled at
 * build time. A file may carry its variables in a comment line: `# variables: { "first": 10 }`.
 */
export interface Example {
  name: string;
  query: string;
  variables?: string;
}

const files = import.meta.glob('../../../schema/operations/api/*.graphql', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

export function parseExample(path: string, source: string): Example {
  const name =
    path
      .split('/')
      .pop()
      ?.replace(/\.graphql$/, '') ?? path;
  const m = /^#\s*variables:\s*(\{.*\})\s*$/m.exec(source);
  let variables: string | undefined;
  if (m?.[1]) {
    try {
      variables = JSON.stringify(JSON.parse(m[1]), null, 2);
    } catch {
      variables = undefined;
    }
  }
  return { name, query: source.trim(), variables };
}

const FALLBACK: Example = {
  name: 'GetAbout',
  query: `# Jejaring GraphQL API: which regency this is and what data it holds.
query GetAbout {
  about {
    tenantId
    tenantName
    demoData
    firstTransactionOn
    lastTransactionOn
  }
}`,
};

export const examples: Example[] = Object.entries(files)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([path, source]) => parseExample(path, source));

export const tabs: Example[] = examples.length ? examples : [FALLBACK];
