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

/** What the admin's browser does with the link: our connect route, the emulator's consent page, Allow, our callback. */
async function connectInBrowser(crm: 'salesforce' | 'hubspot', label: string) {
  const before = state().ephemeralsFor(DEMO_IDS.manager).length;
  const sent = await api('send', {
    user: DEMO_IDS.manager,
    channel: DEMO_IDS.dealAcme,
    text: `/vision crm connect ${crm}`,
  });
  expect(sent.ok).toBe(true);
  const message = await waitFor('the connect link', () =>
    state()
      .ephemeralsFor(DEMO_IDS.manager)
      .slice(before)
      .find((m) => m.text.includes(`|Connect ${label}>`)),
  );
  const link = new RegExp(`<(http[^|>]+)\\|Connect ${label}>`).exec(message.text)?.[1] ?? '';
  expect(link.startsWith(`${app.url}/crm/${crm}/connect?state=`)).toBe(true);
  const start = await fetch(link, { redirect: 'manual' });
  expect(start.status).toBe(302);
  const cookie = (start.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const authorize = new URL(start.headers.get('location') ?? '');
  // The consent page is the emulator's, on the same loopback server.
  expect(authorize.origin).toBe(app.url);
  const page = await fetch(authorize, { redirect: 'manual' });
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain(`Allow shared-vision to access ${label}`);
  const allow = new URLSearchParams(authorize.searchParams);
  allow.set('decision', 'allow');
  const approved = await fetch(`${app.url}${authorize.pathname}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: app.url },
    body: allow.toString(),
  });
  expect(approved.status).toBe(302);
  const callback = approved.headers.get('location') ?? '';
  expect(callback.startsWith(`${app.url}/crm/${crm}/callback?`)).toBe(true);
  const done = await fetch(callback, { redirect: 'manual', headers: { cookie } });
  expect(done.status).toBe(200);
  expect(await done.text()).toContain(`${label} is connected`);
}

describe('the browser sandbox with no credentials mounts a demo CRM, connected by OAuth like a real one', () => {
  it('logs the demo records; before connecting, linking says how to connect', async () => {
    const opportunityUrl = `${app.url}/lightning/r/Opportunity/006000000000001AAA/view`;
    expect(logged.join('\n')).toContain(opportunityUrl);
    expect(logged.join('\n')).toContain('/vision crm connect salesforce');
    expect(app.deps.crm?.providers).toEqual(['salesforce', 'hubspot']);
    expect(app.deps.crm?.connect?.providers).toEqual(['salesforce', 'hubspot']);
    const before = state().ephemeralsFor(DEMO_IDS.rep).length;
    await linkThroughSetup(opportunityUrl, 'Acme Corp');
    await waitFor('how to connect', () =>
      state()
        .ephemeralsFor(DEMO_IDS.rep)
        .slice(before)
        .find((m) => everything(m).includes('/vision crm connect salesforce')),
    );
  });

  it('Deny on the consent page connects nothing', async () => {
    const sent = await api('send', {
      user: DEMO_IDS.manager,
      channel: DEMO_IDS.dealAcme,
      text: '/vision crm connect salesforce',
    });
    expect(sent.ok).toBe(true);
    const message = await waitFor('the connect link', () =>
      state()
        .ephemeralsFor(DEMO_IDS.manager)
        .findLast((m) => m.text.includes('|Connect Salesforce>')),
    );
    const link = /<(http[^|>]+)\|Connect Salesforce>/.exec(message.text)?.[1] ?? '';
    const start = await fetch(link, { redirect: 'manual' });
    const cookie = (start.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const authorize = new URL(start.headers.get('location') ?? '');
    const deny = new URLSearchParams(authorize.searchParams);
    deny.set('decision', 'deny');
    const denied = await fetch(`${app.url}${authorize.pathname}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: app.url },
      body: deny.toString(),
    });
    const back = await fetch(denied.headers.get('location') ?? '', {
      redirect: 'manual',
      headers: { cookie },
    });
    expect(back.status).toBe(400);
    expect(await app.deps.repos.crm.credentials.get(DEMO_IDS.team, 'salesforce')).toBeNull();
  });

  it('Morgan Manager connects Salesforce through its consent page; a rep links #deal-acme and sees stage, amount, close date', async () => {
    await connectInBrowser('salesforce', 'Salesforce');
    await waitFor('the DM to the admin', () =>
      state()
        .dmsTo(DEMO_IDS.manager)
        .find((m) => m.text.startsWith('Salesforce is connected for this workspace')),
    );
    await linkThroughSetup(`${app.url}/lightning/r/Opportunity/006000000000001AAA/view`, 'Acme Corp');
    const panel = everything(await linkedPanel('Salesforce'));
    expect(panel).toContain('Qualification');
    expect(panel).toContain('120,000');
    expect(panel).toContain('2027-03-31');
  });

  it('connects HubSpot the same way and relinks to the HubSpot deal', async () => {
    await connectInBrowser('hubspot', 'HubSpot');
    await linkThroughSetup('https://app.hubspot.com/contacts/4242/record/0-3/9002', 'Globex');
    const panel = everything(await linkedPanel('HubSpot'));
    expect(panel).toContain('Appointment Scheduled');
    expect(panel).toContain('40,000');
    expect(panel).toContain('2027-01-15');
  });

  it('Morgan disconnects HubSpot from the sandbox: revoked at the emulator, the deal keeps its panel read-only', async () => {
    const before = state().ephemeralsFor(DEMO_IDS.manager).length;
    expect(
      (
        await api('send', {
          user: DEMO_IDS.manager,
          channel: DEMO_IDS.dealAcme,
          text: '/vision crm disconnect hubspot',
        })
      ).ok,
    ).toBe(true);
    const confirm = await waitFor('the confirm step', () =>
      state()
        .ephemeralsFor(DEMO_IDS.manager)
        .slice(before)
        .find((m) => m.text.startsWith('Disconnect HubSpot from this workspace?')),
    );
    expect(
      (await api('action', { user: DEMO_IDS.manager, target: confirm.ts, actionId: 'crm_disconnect' })).ok,
    ).toBe(true);
    await waitFor('the outcome', () =>
      state()
        .ephemeralsFor(DEMO_IDS.manager)
        .find(
          (m) => m.ts === confirm.ts && m.text.includes("HubSpot confirmed that the app's access is revoked"),
        ),
    );
    expect(await app.deps.repos.crm.credentials.get(DEMO_IDS.team, 'hubspot')).toBeNull();
    const shown = state().ephemeralsFor(DEMO_IDS.rep).length;
    await api('send', { user: DEMO_IDS.rep, channel: DEMO_IDS.dealAcme, text: '/vision crm' });
    const panel = await waitFor('the read-only panel', () =>
      state()
        .ephemeralsFor(DEMO_IDS.rep)
        .slice(shown)
        .find((m) => m.text.startsWith('HubSpot is not connected')),
    );
    expect(everything(panel)).toContain('Globex');
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
