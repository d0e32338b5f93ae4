import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { DatabaseConfig } from '../../src/config/config.js';
import { type OpenStorageOptions, openStorage } from '../../src/storage/index.js';
import type { Storage } from '../../src/storage/ports.js';

export interface TestEngine {
  name: 'sqlite' | 'postgres';
  /** A fresh, empty database of this engine (not yet migrated) and a function that drops it. */
  create(): Promise<{ config: DatabaseConfig; drop(): Promise<void> }>;
  /** A fresh, empty, migrated database of this engine; `close` drops it. */
  open(options?: OpenStorageOptions): Promise<Storage & { config: DatabaseConfig }>;
}

const sqliteEngine: TestEngine = {
  name: 'sqlite',
  async create() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sv-test-'));
    return {
      config: { engine: 'sqlite', file: path.join(dir, 'test.sqlite') },
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  },
  async open(options) {
    const config: DatabaseConfig = { engine: 'sqlite', file: ':memory:' };
    return { ...(await openStorage(config, options)), config };
  },
};

function postgresEngine(adminUrl: string): TestEngine {
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  const create = async () => {
    const name = `sv_test_${crypto.randomBytes(6).toString('hex')}`;
    await admin(`CREATE DATABASE ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const config: DatabaseConfig = { engine: 'postgres', url: url.toString() };
    return { config, drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
  };
  return {
    name: 'postgres',
    create,
    async open(options) {
      const { config, drop } = await create();
      const storage = await openStorage(config, options);
      return {
        ...storage,
        config,
        async close() {
          await storage.close();
          await drop();
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
