import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadDbConfig } from '../src/config.ts';

describe('database configuration', () => {
  it('defaults to PGlite in the repository .data/pglite for tenant 61.12 with the demo on', () => {
    const config = loadDbConfig({}, '/srv/elsewhere');
    const repository = fileURLToPath(new URL('../..', import.meta.url));
    expect(config).toEqual({
      target: { engine: 'pglite', dir: path.join(repository, '.data/pglite') },
      tenant: '61.12',
      demoData: 'auto',
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('resolves a relative PGLITE_DIR against the folder the command was typed in (INIT_CWD under pnpm)', () => {
    expect(loadDbConfig({ PGLITE_DIR: 'data/db', INIT_CWD: '/home/ops' }).target).toEqual({
      engine: 'pglite',
      dir: '/home/ops/data/db',
    });
    expect(loadDbConfig({ PGLITE_DIR: '/var/lib/jejaring' }, '/x').target).toEqual({
      engine: 'pglite',
      dir: '/var/lib/jejaring',
    });
  });

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    const config = loadDbConfig({ DATABASE_URL: 'postgres://u@db:5432/jejaring', DEMO_DATA: 'off', TENANT: '61.71' });
    expect(config.target).toEqual({ engine: 'postgres', url: 'postgres://u@db:5432/jejaring' });
    expect(config.tenant).toBe('61.71');
    expect(config.demoData).toBe('off');
  });

  it('adds the read replica of DATABASE_READ_URL to PostgreSQL, and refuses it without DATABASE_URL', () => {
    const config = loadDbConfig({
      DATABASE_URL: 'postgres://u@primary:5432/jejaring',
      DATABASE_READ_URL: 'postgres://u@replica:5432/jejaring',
    });
    expect(config.target).toEqual({
      engine: 'postgres',
      url: 'postgres://u@primary:5432/jejaring',
      readUrl: 'postgres://u@replica:5432/jejaring',
    });
    expect(() => loadDbConfig({ DATABASE_READ_URL: 'postgres://u@replica:5432/jejaring' })).toThrow(
      /DATABASE_READ_URL .* needs DATABASE_URL/,
    );
    expect(() => loadDbConfig({ DATABASE_URL: 'postgres://u@p/j', DATABASE_READ_URL: 'replica' })).toThrow(
      /DATABASE_READ_URL is not a valid URL/,
    );
  });

  it('reads PG_PREPARED_STATEMENTS as named statements per connection (0: none), and refuses what is not a whole number', () => {
    const url = 'postgres://u@primary:5432/jejaring';
    expect(loadDbConfig({ DATABASE_URL: url, PG_PREPARED_STATEMENTS: '25' }).target).toEqual({
      engine: 'postgres',
      url,
      preparedStatements: 25,
    });
    expect(loadDbConfig({ DATABASE_URL: url, PG_PREPARED_STATEMENTS: '0' }).target).toMatchObject({
      preparedStatements: 0,
    });
    expect(loadDbConfig({ DATABASE_URL: url }).target).not.toHaveProperty('preparedStatements');
    for (const bad of ['-1', 'many', '2.5']) {
      expect(() => loadDbConfig({ DATABASE_URL: url, PG_PREPARED_STATEMENTS: bad })).toThrow(
        /PG_PREPARED_STATEMENTS must be a whole number/,
      );
    }
  });

  it.each([
    ['not a url', /DATABASE_URL is not a valid URL/],
    ['mysql://u@h/db', /must start with postgres:\/\//],
    ['postgres://u@h:5432', /names no database/],
  ])('rejects DATABASE_URL=%s with a clear message', (url, message) => {
    expect(() => loadDbConfig({ DATABASE_URL: url })).toThrow(ConfigError);
    expect(() => loadDbConfig({ DATABASE_URL: url })).toThrow(message);
  });

  it('rejects a tenant that is not a regency code and an unknown DEMO_DATA mode', () => {
    expect(() => loadDbConfig({ TENANT: 'kubu' })).toThrow(/TENANT must be a regency code/);
    expect(() => loadDbConfig({ DEMO_DATA: 'yes' })).toThrow(/DEMO_DATA must be "auto", "on" or "off"/);
  });
});
