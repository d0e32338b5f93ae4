import crypto from 'node:crypto';
import pg from 'pg';
import type { DatabaseConfig } from '../../src/config/config.js';
import { type OpenStorageOptions, openStorage } from '../../src/storage/index.js';
import type { Storage } from '../../src/storage/ports.js';

export interface TestEngine {
  name: 'sqlite' | 'postgres';
  /** A fresh, empty, migrated database of this engine; `close` drops it. */
  open(options?: OpenStorageOptions): Promise<Storage & { config: DatabaseConfig }>;
}

const sqliteEngine: TestEngine = {
  name: 'sqlite',
  async open(options) {
    const config: DatabaseConfig = { engine: 'sqlite', file: ':memory:' };
    return { ...(await openStorage(config, options)), config };
  },
};

function postgresEngine(adminUrl: string): TestEngine {
  return {
    name: 'postgres',
    async open(options) {
      const name = `sv_test_${crypto.randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      const config: DatabaseConfig = { engine: 'postgres', url: url.toString() };
      const storage = await openStorage(config, options);
      return {
        ...storage,
        config,
        async close() {
          await storage.close();
          const cleanup = new pg.Client({ connectionString: adminUrl });
          await cleanup.connect();
          await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          await cleanup.end();
        },
      };
    },
  };
}

/** SQLite always; PostgreSQL too whenever TEST_DATABASE_URL is set (CI sets it). */
export function testEngines(): TestEngine[] {
  const url = process.env.TEST_DATABASE_URL;
  return url ? [sqliteEngine, postgresEngine(url)] : [sqliteEngine];
}

export const sqliteOnly = sqliteEngine;
