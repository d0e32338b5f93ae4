import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { Kysely, type LogEvent, PostgresDialect } from 'kysely';
import type Pg from 'pg';
import type { DatabaseConfig } from '../config/config.js';
import type { Database } from './schema.js';
import { BusyRetrySqliteDialect, SQLITE_BUSY_TIMEOUT_MS } from './sqlite-busy-retry.js';

/** pg (CommonJS) is loaded only by a process that uses PostgreSQL: a SQLite install does not carry it in memory. */
function loadPg(): typeof Pg {
  const pg = createRequire(import.meta.url)('pg') as typeof Pg;
  // timestamptz comes back as Date (pg's default); int8 counts as numbers, they stay well below 2^53.
  pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));
  return pg;
}

export interface Connection {
  db: Kysely<Database>;
  engine: DatabaseConfig['engine'];
}

export interface ConnectOptions {
  /**
   * PostgreSQL: an idle pooled connection that drops (restart, failover, pg_terminate_backend) is reported here.
   * Without a listener pg.Pool's `error` event would end the process.
   */
  onConnectionError?: (error: Error) => void;
  /** Called for every failed query (the app counts them in /metrics). */
  onQueryError?: (error: unknown) => void;
  /** SQLite: how long a statement retries (off the event loop) while another process holds the lock. */
  sqliteBusyRetryMs?: number;
}

/** A new connection gives up after this; a request waiting for the database never hangs past Slack's patience. */
export const CONNECTION_TIMEOUT_MS = 5_000;
export const STATEMENT_TIMEOUT_MS = 15_000;
export const SQLITE_BUSY_RETRY_MS = 2_000;

export function connect(config: DatabaseConfig, options: ConnectOptions = {}): Connection {
  const { onQueryError } = options;
  const log = onQueryError
    ? (event: LogEvent) => {
        if (event.level === 'error') onQueryError(event.error);
      }
    : undefined;
  if (config.engine === 'postgres') {
    const pg = loadPg();
    const pool = new pg.Pool({
      connectionString: config.url,
      max: 10,
      connectionTimeoutMillis: CONNECTION_TIMEOUT_MS,
      statement_timeout: STATEMENT_TIMEOUT_MS,
      idle_in_transaction_session_timeout: STATEMENT_TIMEOUT_MS,
    });
    const report = options.onConnectionError ?? (() => undefined);
    pool.on('error', (error) => report(error));
    return {
      engine: 'postgres',
      db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }), ...(log ? { log } : {}) }),
    };
  }
  if (config.file !== ':memory:') fs.mkdirSync(path.dirname(config.file), { recursive: true });
  const database = new Sqlite(config.file);
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  const dialect = new BusyRetrySqliteDialect(
    { database },
    { retryForMs: options.sqliteBusyRetryMs ?? SQLITE_BUSY_RETRY_MS },
  );
  return { engine: 'sqlite', db: new Kysely<Database>({ dialect, ...(log ? { log } : {}) }) };
}
