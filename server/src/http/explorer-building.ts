/**
 * What /explorer answers (503, Retry-After) while its page is still being built: `pnpm start`
 * builds the API explorer after the dashboard, once the server already answers
 * (docs/start-and-memory.md, "`pnpm start` and the first start"). The page reloads itself every 5 s
 * (a meta refresh: the security policy allows no inline script) until the explorer is there.
 */
export const EXPLORER_BUILDING = `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="5">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Explorer API sedang disiapkan · The API explorer is being built</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5;color:#1f2933}p.en{color:#52606d}</style>
</head>
<body>
<h1>Explorer API sedang disiapkan…</h1>
<p>Halaman ini dimuat ulang sendiri setiap 5 detik sampai explorer siap. Dasbor dan API GraphQL (<code>/graphql</code>) sudah dapat dipakai: <a href="/">kembali ke dasbor</a>.</p>
<p class="en" lang="en">The API explorer is being built. This page reloads itself every 5 seconds until it is ready; the dashboard and the GraphQL API (<code>/graphql</code>) already work: <a href="/">back to the dashboard</a>.</p>
</body>
</html>
`;
