import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { TestEngine } from './databases.js';

const run = promisify(execFile);
const SCRIPT = path.resolve(import.meta.dirname, '../../.ci/postgres.sh');

/**
 * A PostgreSQL server of the test's own (via .ci/postgres.sh, which runs it as the postgres user when we are
 * root), so a test can stop and restart it without disturbing the shared TEST_DATABASE_URL server.
 */
export interface OwnPostgres {
  url: string;
  engine: TestEngine;
  stop(): Promise<void>;
  resume(): Promise<void>;
  destroy(): Promise<void>;
}

export async function startOwnPostgres(): Promise<OwnPostgres> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sv-own-pg-'));
  fs.chmodSync(dir, 0o755);
  const { stdout } = await run('bash', [SCRIPT, 'start', dir]);
  const url = stdout.trim().split('\n').at(-1) ?? '';
  const stop = async () => {
    await run('bash', [SCRIPT, 'stop', dir]);
  };
  return {
    url,
    engine: {
      name: 'postgres',
      create: async () => ({ config: { engine: 'postgres', url }, drop: async () => undefined }),
      open: () => Promise.reject(new Error('own PostgreSQL: use create()')),
    },
    stop,
    resume: async () => {
      await run('bash', [SCRIPT, 'resume', dir]);
    },
    destroy: async () => {
      await stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
