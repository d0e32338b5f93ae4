import fs from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { Kysely, type LogEvent, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config/config.js';
import type { Database } from './schema.js';

// timestamptz comes back as Date (pg's default); int8 counts as numbers, they stay well below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));

export interface Connection {
  db: Kysely<Database>;
  engine: DatabaseConfig['engine'];
}

export function connect(config: DatabaseConfig, onQueryError?: (error: unknown) => void): Connection {
  const log = onQueryError
    ? (event: LogEvent) => {
        if (event.level === 'error') onQueryError(event.error);
      }
    : undefined;
  if (config.engine === 'postgres') {
    const pool = new pg.Pool({ connectionString: config.url, max: 10 });
    return {
      engine: 'postgres',
      db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }), ...(log ? { log } : {}) }),
    };
  }
  if (config.file !== ':memory:') fs.mkdirSync(path.dirname(config.file), { recursive: true });
  const database = new Sqlite(config.file);
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  return {
    engine: 'sqlite',
    db: new Kysely<Database>({ dialect: new SqliteDialect({ database }), ...(log ? { log } : {}) }),
  };
}
