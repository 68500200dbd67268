import { ConfigError, DatabaseUnavailableError, DirectoryLockedError, MigrationError } from '@jejaring/db';
import { loadServerConfig } from './config.ts';
import { createLogger } from './logger.ts';
import { guardProcess, stopOnSignals } from './shutdown.ts';
import { type Running, startServer } from './start.ts';

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
  running = await startServer(config, logger);
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
