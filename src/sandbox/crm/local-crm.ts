import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { type CrmConfig, SALESFORCE_API_VERSION } from '../../config/crm.js';
import type { RouteHandler } from '../../http/server.js';
import { type CrmEmulator, createCrmEmulator } from './server.js';
import { seedCrm } from './state.js';

export const LOCAL_HUBSPOT_PORTAL = '4242';

/** Local mode without CRM credentials: a Salesforce org and a HubSpot portal mounted on the app's own server. */
export interface LocalCrm {
  emulator: CrmEmulator;
  handle: RouteHandler;
  /** The demo records a rep can link (their record URLs, once the app's origin is known). */
  demoRecords(origin: string): { label: string; url: string }[];
  /** Both adapters pointed at the emulator on `origin` (the app's loopback origin), with keys made for this run. */
  config(origin: string): CrmConfig;
}

export function createLocalCrm(options: { now?: () => Date } = {}): LocalCrm {
  const now = options.now ?? (() => new Date());
  const emulator = createCrmEmulator({ now });
  seedCrm(emulator.state, now());
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  emulator.state.salesforce.jwtPublicKey = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const encryptionKey = randomBytes(32).toString('hex');
  return {
    emulator,
    handle: (req, res) => emulator.handle(req, res),
    demoRecords(origin) {
      const opportunities = [...(emulator.state.salesforce.tables.Opportunity?.values() ?? [])];
      return [
        ...opportunities.map((o) => ({
          label: `Salesforce opportunity "${String(o.Name)}"`,
          url: `${origin}/lightning/r/Opportunity/${String(o.Id)}/view`,
        })),
        ...[...emulator.state.hubspot.deals.entries()].map(([id, d]) => ({
          label: `HubSpot deal "${String(d.dealname)}"`,
          url: `https://app.hubspot.com/contacts/${LOCAL_HUBSPOT_PORTAL}/record/0-3/${id}`,
        })),
      ];
    },
    config(origin) {
      return {
        salesforce: {
          loginUrl: origin,
          instanceUrl: undefined,
          apiVersion: SALESFORCE_API_VERSION,
          auth: {
            kind: 'jwt',
            clientId: emulator.state.salesforce.clientId,
            privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
            username: emulator.state.salesforce.username,
          },
        },
        hubspot: {
          accessToken: emulator.state.hubspot.token,
          apiUrl: origin,
          portalId: LOCAL_HUBSPOT_PORTAL,
        },
        encryptionKey,
      };
    },
  };
}
