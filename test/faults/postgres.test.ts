import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deal } from '../../src/domain/deals.js';
import { addEntry, linkDeal } from '../support/deal-fixtures.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { type OwnPostgres, startOwnPostgres } from '../support/own-postgres.js';
import { waitFor } from '../support/wait.js';

type Health = { status: number; body: { status: string; database: { reachable: boolean } } };

/** Needs a PostgreSQL installation; CI has one (and sets TEST_DATABASE_URL); a SQLite-only run skips it. */
describe.skipIf(!process.env.TEST_DATABASE_URL)(
  'PostgreSQL faults against the real app: terminated connections, server stop and restart',
  () => {
    let server: OwnPostgres;
    let t: TestApp;
    let deal: Deal;

    beforeAll(async () => {
      server = await startOwnPostgres();
      t = await startTestApp({ engine: server.engine });
      deal = await linkDeal(t);
    }, 90_000);
    afterAll(async () => {
      await t?.close();
      await server?.destroy();
    }, 60_000);

    const health = async (): Promise<Health> => {
      const response = await fetch(`${t.app.url}/healthz`);
      return { status: response.status, body: (await response.json()) as Health['body'] };
    };

    /** `/vision list` in the deal channel: reads the database and answers the rep. */
    async function listShows(statement: string): Promise<boolean> {
      const before = t.emulator.state.ephemeralsFor(t.ids.rep).length;
      const result = await t.driver.slashCommand({
        userId: t.ids.rep,
        channelId: t.ids.dealAcme,
        text: 'list',
      });
      expect(result.status).toBe(200);
      const reply = await waitFor('the list reply', () => t.emulator.state.ephemeralsFor(t.ids.rep)[before]);
      return JSON.stringify(reply).includes(statement);
    }

    async function terminateAppConnections(): Promise<number> {
      const admin = new pg.Client({ connectionString: server.url });
      await admin.connect();
      try {
        const result = await admin.query(
          'select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
        );
        return result.rowCount ?? 0;
      } finally {
        await admin.end();
      }
    }

    it('keeps serving when the app’s idle connections are terminated, and logs it redacted', async () => {
      expect((await health()).status).toBe(200);
      await addEntry(t, deal, { kind: 'driver', statement: 'Invoices take nine days' });
      expect(await terminateAppConnections()).toBeGreaterThan(0);
      await waitFor('the dropped connection to be logged', () =>
        t.logs.some((line) => line.includes('database connection dropped')),
      );
      expect((await health()).status).toBe(200);
      expect(await listShows('Invoices take nine days')).toBe(true);
    });

    it('answers 503 "degraded" while the server is down and recovers without a restart', async () => {
      await server.stop();
      const down = await health();
      expect(down.status).toBe(503);
      expect(down.body).toMatchObject({ status: 'degraded', database: { reachable: false } });
      // A command while the database is down is still acknowledged (no 5xx for Slack to retry into).
      const during = await t.driver.slashCommand({
        userId: t.ids.rep,
        channelId: t.ids.dealAcme,
        text: 'list',
      });
      expect(during.status).toBe(200);

      await server.resume();
      await waitFor('/healthz to answer 200 again', async () => (await health()).status === 200, 15_000);
      await addEntry(t, deal, { kind: 'risk', statement: 'Budget freeze in March' });
      expect(await listShows('Budget freeze in March')).toBe(true);
      expect(t.logs.join('\n')).not.toMatch(/postgres:\/\/[^@\s]*:[^@\s[]+@/);
    }, 60_000);
  },
);
