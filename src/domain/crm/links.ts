import { trimEndOf } from '../text/trim-end.js';
import type { CrmProvider } from './types.js';

export interface CrmRecordRef {
  provider: CrmProvider;
  recordId: string;
}

/** Salesforce ids are 15 or 18 characters; Opportunity ids start with 006. */
const SALESFORCE_OPPORTUNITY_ID = /^006[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?$/;
const HUBSPOT_ID = /^\d{1,20}$/;

function salesforceHost(host: string): boolean {
  return /\.(?:lightning\.force|my\.salesforce|salesforce)\.com$/.test(host) || host === 'localhost';
}

/**
 * Reads an opportunity or deal from a URL a rep pasted: Lightning (`/lightning/r/Opportunity/006…/view`),
 * Classic (`/006…`), HubSpot (`/contacts/<portal>/deal/<id>` or `/contacts/<portal>/record/0-3/<id>`).
 * Anything else is not a link: nothing is guessed.
 */
export function parseCrmLink(raw: string, extraHosts: readonly string[] = []): CrmRecordRef | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const host = url.hostname.toLowerCase();
  const parts = url.pathname.split('/').filter((p) => p !== '');
  const known = (h: string) => extraHosts.some((extra) => extra.toLowerCase() === h);
  if (
    host === 'app.hubspot.com' ||
    host.endsWith('.hubspot.com') ||
    (known(host) && parts[0] === 'contacts')
  ) {
    const dealIndex = parts.indexOf('deal');
    const recordIndex = parts.indexOf('0-3');
    const id = dealIndex >= 0 ? parts[dealIndex + 1] : recordIndex >= 0 ? parts[recordIndex + 1] : undefined;
    return id && HUBSPOT_ID.test(id) ? { provider: 'hubspot', recordId: id } : null;
  }
  if (salesforceHost(host) || known(host)) {
    const objectIndex = parts.findIndex((p) => p.toLowerCase() === 'opportunity');
    const candidate = objectIndex >= 0 ? parts[objectIndex + 1] : parts[0];
    return candidate && SALESFORCE_OPPORTUNITY_ID.test(candidate)
      ? { provider: 'salesforce', recordId: candidate }
      : null;
  }
  return null;
}

/** The record's page for people (used in the channel line and the read-only panel). */
export function crmRecordUrl(
  ref: CrmRecordRef,
  base: { salesforce?: string; hubspotPortal?: string },
): string {
  if (ref.provider === 'salesforce') {
    const root = trimEndOf(base.salesforce ?? 'https://login.salesforce.com', '/');
    return `${root}/lightning/r/Opportunity/${ref.recordId}/view`;
  }
  return `https://app.hubspot.com/contacts/${base.hubspotPortal ?? '0'}/record/0-3/${ref.recordId}`;
}
