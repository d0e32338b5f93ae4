import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

describe('npm run migrate', () => {
  it('creates the embedded database, then says it is up to date', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sv-migrate-'));
    const env = { PATH: process.env.PATH, DATA_DIR: dataDir, DOTENV_CONFIG_PATH: '/nonexistent/.env' };
    const first = spawnSync(TSX, ['src/cli/migrate.ts'], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^Applied \d+ migration\(s\) on sqlite: 0001_foundation, 0002_capture/);
    expect(fs.existsSync(path.join(dataDir, 'shared-vision.sqlite'))).toBe(true);
    const second = spawnSync(TSX, ['src/cli/migrate.ts'], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(second.stdout).toBe('The sqlite schema is up to date.\n');
  }, 60_000);
});
