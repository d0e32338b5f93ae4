import {
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  SqliteDialect,
  type SqliteDialectConfig,
} from 'kysely';

/**
 * better-sqlite3 is synchronous: with `busy_timeout = 5000` a lock held by another process froze the whole server
 * for 5 s. SQLite now waits only briefly itself (SQLITE_BUSY_TIMEOUT_MS) and this dialect retries a busy statement
 * after an async pause, so the event loop keeps serving while the lock lasts. Past `retryForMs` the error surfaces.
 */
export const SQLITE_BUSY_TIMEOUT_MS = 20;

export interface BusyRetryOptions {
  /** How long one statement keeps retrying before the SQLITE_BUSY error reaches the caller. */
  retryForMs: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export function isSqliteBusy(error: unknown): boolean {
  // SQLITE_BUSY_SNAPSHOT means the transaction's snapshot is stale: retrying the statement cannot succeed.
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'SQLITE_BUSY';
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function retryWhileBusy<T>(run: () => Promise<T>, options: BusyRetryOptions): Promise<T> {
  const sleep = options.sleep ?? defaultSleep;
  const now = options.now ?? Date.now;
  const deadline = now() + options.retryForMs;
  let pause = 10;
  for (;;) {
    try {
      return await run();
    } catch (error) {
      if (!isSqliteBusy(error) || now() + pause > deadline) throw error;
      await sleep(pause);
      pause = Math.min(pause * 2, 200);
    }
  }
}

function retryingConnection(inner: DatabaseConnection, options: BusyRetryOptions): DatabaseConnection {
  return {
    executeQuery: <R>(query: CompiledQuery): Promise<QueryResult<R>> =>
      retryWhileBusy(() => inner.executeQuery<R>(query), options),
    streamQuery: (query, chunkSize) => inner.streamQuery(query, chunkSize),
  };
}

export class BusyRetrySqliteDialect extends SqliteDialect {
  readonly #options: BusyRetryOptions;

  constructor(config: SqliteDialectConfig, options: BusyRetryOptions) {
    super(config);
    this.#options = options;
  }

  override createDriver(): Driver {
    const driver = super.createDriver();
    const options = this.#options;
    const wrapped = new WeakMap<DatabaseConnection, DatabaseConnection>();
    return {
      init: () => driver.init(),
      async acquireConnection() {
        const inner = await driver.acquireConnection();
        let outer = wrapped.get(inner);
        if (!outer) {
          outer = retryingConnection(inner, options);
          wrapped.set(inner, outer);
        }
        return outer;
      },
      beginTransaction: (c, settings) => driver.beginTransaction(c, settings),
      commitTransaction: (c) => driver.commitTransaction(c),
      rollbackTransaction: (c) => driver.rollbackTransaction(c),
      releaseConnection: (c) => driver.releaseConnection(c),
      destroy: () => driver.destroy(),
      ...(driver.savepoint ? { savepoint: driver.savepoint.bind(driver) } : {}),
      ...(driver.rollbackToSavepoint ? { rollbackToSavepoint: driver.rollbackToSavepoint.bind(driver) } : {}),
      ...(driver.releaseSavepoint ? { releaseSavepoint: driver.releaseSavepoint.bind(driver) } : {}),
    };
  }
}
