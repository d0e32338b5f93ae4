import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { startApp } from '../../src/app.js';
import { parseConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/logger.js';
import type { JsonObject } from '../../src/sandbox/emulator/types.js';
import { DEMO_IDS } from '../../src/sandbox/seed.js';
import { SETUP_FORM as F, VIEW_IDS } from '../../src/slack/views/ids.js';
import { everything } from '../support/deal-fixtures.js';
import { waitFor } from '../support/wait.js';

/** Local mode with no credentials at all: the browser sandbox's API, the app, and the mounted CRM emulator. */
let app: RunningApp;
const logged: string[] = [];

beforeAll(async () => {
  const config = { ...parseConfig({ DATABASE_URL: undefined, DATA_DIR: '/nonexistent' }), port: 0 };
  app = await startApp(
    { ...config, database: { engine: 'sqlite', file: ':memory:' } },
    { host: '127.0.0.1', logger: createLogger('info', 'local-crm', (line) => logged.push(line)) },
  );
}, 30_000);

afterAll(async () => {
  await app?.stop();
});

const state = () => app.localSlack!.emulator.state;
const api = async (name: string, body: unknown) => {
  const res = await fetch(`${app.url}/sandbox/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { ok: boolean; error?: string };
};

/** The page's form values: block id → action id → value, for the inputs named. */
function formValues(blocks: JsonObject[], wanted: Record<string, string>) {
  const values: Record<string, Record<string, string>> = {};
  for (const block of blocks) {
    const element = block.element as JsonObject | undefined;
    const actionId = String(element?.action_id ?? '');
    const value = wanted[actionId];
    if (value !== undefined) values[String(block.block_id)] = { [actionId]: value };
  }
  return values;
}

async function linkThroughSetup(url: string, accountName: string) {
  const sent = await api('send', { user: DEMO_IDS.rep, channel: DEMO_IDS.dealAcme, text: '/vision setup' });
  expect(sent.ok).toBe(true);
  const view = await waitFor('the setup modal', () => {
    const top = state().views.top(DEMO_IDS.rep);
    return top?.open && top.definition.callback_id === VIEW_IDS.setupDeal ? top : undefined;
  });
  const values = formValues(view.definition.blocks as JsonObject[], {
    [F.accountName]: accountName,
    [F.dealName]: 'Routing 2027',
    [F.crmUrl]: url,
  });
  expect(Object.keys(values)).toHaveLength(3);
  const submitted = await api('submit', { user: DEMO_IDS.rep, viewId: view.id, values });
  expect(submitted.ok).toBe(true);
}

const linkedPanel = (crm: string) =>
  waitFor(`the ${crm} panel`, () =>
    state()
      .messages(DEMO_IDS.dealAcme)
      .findLast((m) => m.text.startsWith(`Linked to ${crm}`)),
  );

describe('the browser sandbox with no credentials mounts a demo CRM', () => {
  it('logs the demo records; a rep links #deal-acme to the Salesforce opportunity and sees stage, amount, close date', async () => {
    const opportunityUrl = `${app.url}/lightning/r/Opportunity/006000000000001AAA/view`;
    expect(logged.join('\n')).toContain(opportunityUrl);
    expect(app.deps.crm?.providers).toEqual(['salesforce', 'hubspot']);
    await linkThroughSetup(opportunityUrl, 'Acme Corp');
    const panel = everything(await linkedPanel('Salesforce'));
    expect(panel).toContain('Qualification');
    expect(panel).toContain('120,000');
    expect(panel).toContain('2027-03-31');
  });

  it('relinks to the HubSpot deal the same way', async () => {
    await linkThroughSetup('https://app.hubspot.com/contacts/4242/record/0-3/9002', 'Globex');
    const panel = everything(await linkedPanel('HubSpot'));
    expect(panel).toContain('Appointment Scheduled');
    expect(panel).toContain('40,000');
    expect(panel).toContain('2027-01-15');
  });

  it('stays loopback-only: the CRM paths refuse another Host or a foreign Origin', async () => {
    const token = await fetch(`${app.url}/services/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      body: 'grant_type=client_credentials',
    });
    expect(token.status).toBe(403);
    const deals = await fetch(`${app.url}/crm/objects/2026-03/deals`, {
      headers: { origin: 'https://evil.example' },
    });
    expect(deals.status).toBe(403);
    expect(app.url).toMatch(/^http:\/\/127\.0\.0\.1:/);
  });
});
