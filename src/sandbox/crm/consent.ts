import type { ServerResponse } from 'node:http';

/** How the emulator's authorize endpoints answer: approve at once (tests), or show a consent page (the sandbox). */
export type ConsentMode = 'auto' | 'page';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The CRM's consent page, as a person sees it in the browser sandbox: who asks, for what, Allow or Deny. The form
 * posts the same query back to the same path with `decision`.
 */
export function sendConsentPage(
  res: ServerResponse,
  args: { crm: string; path: string; scopes: string[]; search: URLSearchParams },
): void {
  const hidden = [...args.search.entries()]
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('');
  const scopes = args.scopes.map((s) => `<li><code>${escapeHtml(s)}</code></li>`).join('');
  const crm = escapeHtml(args.crm);
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${crm}: allow access?</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;line-height:1.5}button{font-size:1rem;margin-right:.5rem}</style>
</head><body><p><small>Local ${crm} emulator (sandbox)</small></p><h1>Allow shared-vision to access ${crm}?</h1>
<p>It asks for:</p><ul>${scopes}</ul>
<form method="post" action="${escapeHtml(args.path)}">${hidden}
<button type="submit" name="decision" value="allow">Allow</button>
<button type="submit" name="decision" value="deny">Deny</button></form></body></html>`;
  res
    .writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
    })
    .end(body);
}

/** Back to the app's redirect URI with `error=access_denied`, as both CRMs do when the person says no. */
export function sendDenied(res: ServerResponse, redirectUri: string, state: string | null): void {
  const back = new URL(redirectUri);
  back.searchParams.set('error', 'access_denied');
  if (state !== null) back.searchParams.set('state', state);
  res.writeHead(302, { location: back.toString() }).end();
}
