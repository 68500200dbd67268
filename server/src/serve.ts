import { ConfigError, DatabaseUnavailableError, DirectoryLockedError, MigrationError } from '@jejaring/db';
import type { Logger } from 'pino';
import { loadServerConfig } from './config.ts';
import { createLogger } from './logger.ts';
import { guardProcess, stopOnSignals } from './shutdown.ts';
import { type Running, startServer } from './start.ts';

/**
 * Under `pnpm start` on a fresh checkout (server/scripts/start.mjs), the dashboard is still being
 * built while this process prepares the database: it asks its launcher, over the IPC channel, and
 * serves (so /readyz answers) only once the launcher says the dashboard is built.
 */
function dashboardBuilt(logger: Logger): Promise<void> {
  const send = process.send?.bind(process);
  if (process.env.DASHBOARD_BUILDING !== '1' || !send) return Promise.resolve();
  logger.info('database ready: waiting for the dashboard build');
  return new Promise((resolve, reject) => {
    const onMessage = (message: unknown) => {
      if (message !== 'dashboard-built') return;
      process.off('message', onMessage);
      process.off('disconnect', onGone);
      process.disconnect();
      resolve();
    };
    const onGone = () => reject(new Error('the launcher (pnpm start) stopped before the dashboard was built'));
    process.on('message', onMessage);
    process.once('disconnect', onGone);
    send('awaiting-dashboard');
  });
}

async function main(): Promise<void> {
  // `pnpm start` is production (Express and Apollo read NODE_ENV); `pnpm dev` sets development.
  process.env.NODE_ENV ??= 'production';
  const config = loadServerConfig();
  const logger = createLogger(config.logLevel);
  let running: Running | undefined;
  guardProcess(logger, async () => {
    await running?.database.close();
  });
  stopOnSignals(logger, async () => {
    // A signal during start-up (migrations, the demo load) exits 1 without waiting for them.
    if (!running) throw new Error('stopped during start-up');
    await running.stop();
  });
  const started = performance.now();
  running = await startServer(config, logger, undefined, { beforeListening: () => dashboardBuilt(logger) });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  logger.info({ url: running.url, database: running.database.location, startupSeconds: Number(seconds) }, 'listening');
  process.stderr.write(
    `\nJejaring is running (${running.database.engine}, ${running.database.location}), ready in ${seconds} s:\n` +
      `  dashboard  ${running.url}/\n  GraphQL    ${running.url}/graphql\n  explorer   ${running.url}/explorer\n\n`,
  );
}

main().catch((error: unknown) => {
  const expected = [ConfigError, DatabaseUnavailableError, DirectoryLockedError, MigrationError];
  if (expected.some((type) => error instanceof type)) {
    process.stderr.write(`error: ${(error as Error).message}\n`);
  } else {
    process.stderr.write(`error: ${(error as Error)?.stack ?? String(error)}\n`);
  }
  process.exit(1);
});
