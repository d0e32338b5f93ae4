import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CompiledQuery, type Kysely } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../src/config/config.js';
import { connect } from '../src/storage/connect.js';
import { migrateToLatest } from '../src/storage/migrate.js';
import type { Database } from '../src/storage/schema.js';
import { stalledCandidatesQuery, sweepStalled } from '../src/storage/sql/nudges-sweep.js';

export const DEALS = 10_000;
export const DECISIONS = 50_000;
const TEAM = 'T0BENCH';
const NOW = new Date('2026-12-07T09:00:00Z');
const DAY = 86_400_000;
const RUNS = 7;

/** Deterministic pseudo-random numbers so every run seeds the same data. */
function rng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

async function seed(db: Kysely<Database>): Promise<void> {
  const random = rng(42);
  const iso = (d: Date) => d.toISOString();
  const deals = Array.from({ length: DEALS }, (_, i) => {
    const r = random();
    return {
      team_id: i % 10 === 9 ? 'T0OTHER' : TEAM,
      channel_id: `C${String(i).padStart(8, '0')}`,
      account_name: `Account ${i}`,
      deal_name: 'Deal',
      stage: r < 0.05 ? 'closed won' : 'proposal',
      owner_user_id: `U${i % 50}`,
      crm_url: null,
      stall_days: r > 0.97 ? 3 : null,
      nudges_muted: r > 0.9 && r <= 0.95 ? 1 : 0,
      archived: r > 0.95 && r <= 0.97 ? 1 : 0,
      created_at: iso(NOW),
      updated_at: iso(NOW),
    };
  });
  for (let i = 0; i < deals.length; i += 1000)
    await db
      .insertInto('deals')
      .values(deals.slice(i, i + 1000))
      .execute();
  const dealRows = await db.selectFrom('deals').select(['id', 'team_id']).execute();
  const rows = Array.from({ length: DECISIONS }, (_, i) => {
    const deal = dealRows[i % dealRows.length]!;
    const r = random();
    const idleDays = Math.floor(random() * 40);
    const due = random() < 0.5 ? new Date(NOW.getTime() + (random() * 60 - 30) * DAY) : null;
    return {
      team_id: deal.team_id,
      deal_id: deal.id,
      title: `Decision ${i}`,
      customer_owner_id: null,
      our_owner_user_id: `U${i % 50}`,
      due_date: due ? due.toISOString().slice(0, 10) : null,
      status: r < 0.6 ? 'open' : r < 0.9 ? 'decided' : 'dropped',
      outcome: null,
      snoozed_until: random() < 0.05 ? iso(new Date(NOW.getTime() + 3 * DAY)) : null,
      last_activity_at: iso(new Date(NOW.getTime() - idleDays * DAY)),
      related_entry_ids: '[]',
      thread_ts: null,
      created_by: 'U0',
      created_at: iso(NOW),
      updated_at: iso(NOW),
    };
  });
  for (let i = 0; i < rows.length; i += 1000)
    await db
      .insertInto('decisions')
      .values(rows.slice(i, i + 1000))
      .execute();
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function time(fn: () => Promise<unknown>): Promise<{ medianMs: number; minMs: number; maxMs: number }> {
  await fn();
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    runs.push(performance.now() - start);
  }
  return { medianMs: median(runs), minMs: Math.min(...runs), maxMs: Math.max(...runs) };
}

export interface BenchResult {
  engine: string;
  candidates: number;
  stalledDeals: number;
  query: { medianMs: number; minMs: number; maxMs: number };
  sweep: { medianMs: number; minMs: number; maxMs: number };
  plan: string;
}

async function benchOn(db: Kysely<Database>, engine: 'sqlite' | 'postgres'): Promise<BenchResult> {
  await migrateToLatest(db, engine);
  await seed(db);
  await db.executeQuery(CompiledQuery.raw('ANALYZE'));
  const q = { now: NOW, stallDays: 7, today: '2026-12-07' };
  const query = stalledCandidatesQuery(db, TEAM, q, 3);
  const compiled = query.compile();
  const explain = engine === 'sqlite' ? 'EXPLAIN QUERY PLAN ' : 'EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) ';
  const planRows = await db.executeQuery<Record<string, unknown>>(
    CompiledQuery.raw(explain + compiled.sql, [...compiled.parameters]),
  );
  const plan = planRows.rows
    .map((row) => String(row.detail ?? row['QUERY PLAN'] ?? JSON.stringify(row)))
    .join('\n');
  const result = await sweepStalled(db, TEAM, q);
  return {
    engine,
    candidates: result.decisions.length,
    stalledDeals: result.deals.length,
    query: await time(() => query.execute()),
    sweep: await time(() => sweepStalled(db, TEAM, q)),
    plan,
  };
}

export async function benchSqlite(): Promise<BenchResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sv-bench-'));
  const config: DatabaseConfig = { engine: 'sqlite', file: path.join(dir, 'bench.sqlite') };
  const { db } = connect(config);
  try {
    return await benchOn(db, 'sqlite');
  } finally {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchPostgres(adminUrl: string): Promise<BenchResult> {
  const name = `sv_bench_${crypto.randomBytes(4).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const { db } = connect({ engine: 'postgres', url: url.toString() });
  try {
    return await benchOn(db, 'postgres');
  } finally {
    await db.destroy();
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}
