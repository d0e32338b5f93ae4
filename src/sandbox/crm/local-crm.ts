import { randomBytes } from 'node:crypto';
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
  /**
   * Both adapters pointed at the emulator on `origin` (the app's loopback origin), connected as in production:
   * a workspace admin runs `/vision crm connect salesforce|hubspot` and approves on the emulator's consent page.
   */
  config(origin: string): CrmConfig;
}

export function createLocalCrm(options: { now?: () => Date } = {}): LocalCrm {
  const now = options.now ?? (() => new Date());
  const emulator = createCrmEmulator({ now, consent: 'page' });
  seedCrm(emulator.state, now());
  const encryptionKey = randomBytes(32).toString('hex');
  const salesforceSecret = randomBytes(24).toString('base64url');
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
          auth: { kind: 'web', clientId: emulator.state.salesforce.clientId, clientSecret: salesforceSecret },
        },
        hubspot: {
          apiUrl: origin,
          portalId: LOCAL_HUBSPOT_PORTAL,
          oauth: {
            clientId: emulator.state.hubspot.oauth.clientId,
            clientSecret: emulator.state.hubspot.oauth.clientSecret,
            authorizeUrl: `${origin}/oauth/authorize`,
          },
        },
        encryptionKey,
      };
    },
  };
}
