import { ConfigError, DatabaseUnavailableError, DirectoryLockedError, MigrationError } from '@jejaring/db';
import { loadServerConfig } from './config.ts';
import { createLogger } from './logger.ts';
import { startServer } from './start.ts';

async function main(): Promise<void> {
  // `pnpm start` is production (Express and Apollo read NODE_ENV); `pnpm dev` sets development.
  process.env.NODE_ENV ??= 'production';
  const config = loadServerConfig();
  const logger = createLogger(config.logLevel);
  const started = performance.now();
  const running = await startServer(config, logger);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  logger.info({ url: running.url, database: running.database.location, startupSeconds: Number(seconds) }, 'listening');
  process.stderr.write(
    `\nJejaring is running (${running.database.engine}, ${running.database.location}), ready in ${seconds} s:\n` +
      `  dashboard  ${running.url}/\n  GraphQL    ${running.url}/graphql\n  explorer   ${running.url}/explorer\n\n`,
  );
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await running.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
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
