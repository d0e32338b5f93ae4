/**
 * This app as production runs it (`npm start`: the built dist/ under plain node, real config shape, SQLite file,
 * LOG_LEVEL=info, HTTP mode), for bench/ack.ts. Plain JavaScript so no TypeScript loader sits in the measured
 * process. Started as a child process; prints `{"url": ...}` once it listens.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApp } from '../../dist/app.js';
import { readTargetEnv } from './target-env.mjs';

const env = readTargetEnv();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sv-bench-ack-'));
const app = await startApp(
  {
    slack: { kind: 'http', botToken: env.botToken, signingSecret: env.signingSecret, apiUrl: env.apiUrl },
    port: 0,
    database: { engine: 'sqlite', file: path.join(dir, 'bench.sqlite') },
    dataDir: dir,
    openai: null,
    openaiModel: 'gpt-4o-mini',
    logLevel: 'info',
    logFormat: 'json',
    proxy: null,
    purgeGraceDays: 30,
  },
  { host: '127.0.0.1' },
);
process.stdout.write(`${JSON.stringify({ url: `${app.url}/slack/events` })}\n`);
process.on('SIGTERM', () => {
  app
    .stop()
    .finally(() => fs.rmSync(dir, { recursive: true, force: true }))
    .finally(() => process.exit(0));
});
