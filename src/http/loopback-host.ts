import type { RouteHandler } from './server.js';

const LOOPBACK_HOST = /^(?:localhost|127\.0\.0\.1|\[::1\])(?::\d{1,5})?$/i;

/** `localhost`, `127.0.0.1` or `[::1]`, with or without a port; nothing else. */
export function isLoopbackHost(host: string | undefined): boolean {
  return host !== undefined && LOOPBACK_HOST.test(host);
}

function isLoopbackOrigin(origin: string): boolean {
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && isLoopbackHost(url.host);
  } catch {
    return false;
  }
}

/**
 * Local mode lets anyone act as any demo user, so it answers loopback names only. A page on another site whose
 * name is re-pointed at 127.0.0.1 (DNS rebinding) still sends its own name as Host, and its own Origin: 403.
 */
export const loopbackOnly: RouteHandler = (req, res) => {
  const origin = req.headers.origin;
  if (isLoopbackHost(req.headers.host) && (origin === undefined || isLoopbackOrigin(origin))) return false;
  req.resume();
  res
    .writeHead(403, { 'content-type': 'application/json' })
    .end(
      JSON.stringify({ error: 'loopback_only', hint: 'open the sandbox at http://localhost:<port>/sandbox' }),
    );
  return true;
};
