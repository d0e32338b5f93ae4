import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { CrmConfig } from '../../src/config/crm.js';
import { SALESFORCE_API_VERSION } from '../../src/config/crm.js';
import type { LimiterClock } from '../../src/crm/limiter.js';
import { type CrmEmulator, createCrmEmulator } from '../../src/sandbox/crm/server.js';
import { seedCrm } from '../../src/sandbox/crm/state.js';
import { CRM_IDS } from '../../src/slack/views/crm-ids.js';
import { SETUP_FORM as F, VIEW_IDS } from '../../src/slack/views/ids.js';
import type { CrmCredentialRepository, SealedCrmSession } from '../../src/storage/crm-ports.js';
import type { TestApp } from './harness.js';
import { openModal } from './modals.js';

/** A clock shared by the emulator and the limiters: sleeping moves time on, so no test waits for real. */
export class FakeTime implements LimiterClock {
  constructor(public ms = Date.parse('2026-11-30T09:00:00Z')) {}
  readonly slept: number[] = [];
  now = () => this.ms;
  date = () => new Date(this.ms);
  sleep = async (ms: number) => {
    this.slept.push(ms);
    this.ms += Math.max(ms, 0);
  };
}

export interface CrmWorld {
  emulator: CrmEmulator;
  url: string;
  time: FakeTime;
  ids: { opportunityId: string; dealId: string };
  config: CrmConfig;
  close(): Promise<void>;
}

/** The CRM emulator on a free port, seeded, and a CrmConfig that points both adapters at it (JWT bearer). */
export async function startCrmWorld(): Promise<CrmWorld> {
  const time = new FakeTime();
  const emulator = createCrmEmulator({ now: time.date });
  const ids = seedCrm(emulator.state, time.date());
  const server = await emulator.listen(0);
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  emulator.state.salesforce.jwtPublicKey = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const config: CrmConfig = {
    salesforce: {
      loginUrl: server.url,
      instanceUrl: undefined,
      apiVersion: SALESFORCE_API_VERSION,
      auth: {
        kind: 'jwt',
        clientId: emulator.state.salesforce.clientId,
        privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
        username: emulator.state.salesforce.username,
      },
    },
    hubspot: { accessToken: emulator.state.hubspot.token, apiUrl: server.url, portalId: '4242' },
    encryptionKey: randomBytes(32).toString('hex'),
  };
  return { emulator, url: server.url, time, ids, config, close: () => server.close() };
}

/** Sealed sessions in memory, to look at what would be stored. */
export function memoryCredentials(): CrmCredentialRepository & { rows: Map<string, SealedCrmSession> } {
  const rows = new Map<string, SealedCrmSession>();
  return {
    rows,
    async get(teamId, provider) {
      return rows.get(`${teamId}:${provider}`) ?? null;
    },
    async put(teamId, provider, session) {
      rows.set(`${teamId}:${provider}`, session);
    },
    async remove(teamId, provider) {
      return rows.delete(`${teamId}:${provider}`);
    },
  };
}

/** Both CRMs connected by an admin signing in (Salesforce web-server flow, a HubSpot app) against the emulator. */
export function oauthCrmConfig(world: CrmWorld): CrmConfig {
  const hs = world.emulator.state.hubspot;
  return {
    salesforce: {
      loginUrl: world.url,
      instanceUrl: undefined,
      apiVersion: SALESFORCE_API_VERSION,
      auth: { kind: 'web', clientId: world.emulator.state.salesforce.clientId, clientSecret: 'sf-secret' },
    },
    hubspot: {
      apiUrl: world.url,
      portalId: undefined,
      oauth: {
        clientId: hs.oauth.clientId,
        clientSecret: hs.oauth.clientSecret,
        authorizeUrl: `${world.url}/oauth/authorize`,
      },
    },
    encryptionKey: world.config.encryptionKey,
  };
}

/** The setup modal's answers for the Acme deal, linked to a CRM record (`salesforce:<id>`, `hubspot:<id>`). */
export function acmeSetupLinkedTo(t: Pick<TestApp, 'ids'>, crmValue: string) {
  return {
    [F.accountName]: 'Acme Corp',
    [F.dealName]: 'Routing 2027',
    [F.stage]: 'discovery',
    [F.owner]: t.ids.rep,
    [CRM_IDS.setupBlock]: crmValue,
  };
}

/** `/vision setup` in the Acme deal channel, answered by the rep with a link to this CRM record. */
export async function setUpAcmeLinkedTo(t: TestApp, crmValue: string) {
  await t.driver.slashCommand({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: 'setup' });
  const view = await openModal(t, t.ids.rep, VIEW_IDS.setupDeal);
  return t.driver.submitView(view.id, acmeSetupLinkedTo(t, crmValue));
}
