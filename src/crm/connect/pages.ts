import { CRM_LABELS, type CrmProvider } from '../../domain/crm/types.js';

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const page = (title: string, body: string): string =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="referrer" content="no-referrer">` +
  `<title>${escapeHtml(title)}</title></head>` +
  `<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto">${body}</body></html>`;

export type ConnectFailure =
  | 'expired'
  | 'forged'
  | 'other_browser'
  | 'used'
  | 'denied'
  | 'not_configured'
  | 'exchange_failed';

const WHY: Record<ConnectFailure, string> = {
  expired: 'The link expired (links work for ten minutes).',
  forged: 'The link is not one this app made.',
  other_browser: 'The link was opened in another browser than the one that finished signing in.',
  used: 'The link was already used.',
  denied: 'Access was not granted.',
  not_configured: 'This app is not set up to connect that CRM by signing in.',
  exchange_failed: 'The CRM did not accept the sign-in.',
};

/** After the callback: never echoes a token or the CRM's raw error. */
export function connectedPage(provider: CrmProvider): string {
  const crm = CRM_LABELS[provider].crm;
  return page(
    `${crm} connected`,
    `<h1 id="crm-connected">${escapeHtml(crm)} is connected</h1>` +
      '<p>Go back to Slack: link a deal channel with <code>/vision setup</code> (paste the record link or search ' +
      'by name), and see it with <code>/vision crm</code>.</p>',
  );
}

export function connectFailedPage(provider: CrmProvider | null, why: ConnectFailure): string {
  const crm = provider ? CRM_LABELS[provider].crm : 'The CRM';
  return page(
    'Not connected',
    `<h1 id="crm-not-connected">${escapeHtml(crm)} was not connected</h1><p>${escapeHtml(WHY[why])}</p>` +
      `<p>Nothing was stored. In Slack, run <code>/vision crm connect ${provider ?? 'salesforce'}</code> again ` +
      'for a new link.</p>',
  );
}
