// The sandbox server's JSON API and its live change stream.

/** @typedef {{ ok: boolean, error?: string, [key: string]: unknown }} ApiResult */

/** @param {string} user */
export async function fetchState(user) {
  const res = await fetch(`/sandbox/api/state?user=${encodeURIComponent(user)}`);
  if (!res.ok) throw new Error(`state: HTTP ${res.status}`);
  return res.json();
}

/**
 * @param {string} name send | action | submit | close | shortcut | home | invite
 * @param {Record<string, unknown>} body
 * @returns {Promise<ApiResult>}
 */
export async function post(name, body) {
  try {
    const res = await fetch(`/sandbox/api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const result = await res.json().catch(() => ({ ok: false, error: `HTTP ${res.status}` }));
    return result;
  } catch (error) {
    return { ok: false, error: `The sandbox server is not reachable (${String(error)})` };
  }
}

/**
 * Calls onChange whenever the workspace changes (the browser reconnects by itself).
 * @param {() => void} onChange
 * @param {(connected: boolean) => void} onStatus
 */
export function subscribe(onChange, onStatus) {
  const source = new EventSource('/sandbox/events');
  source.addEventListener('change', () => onChange());
  source.addEventListener('open', () => {
    onStatus(true);
    onChange();
  });
  source.addEventListener('error', () => onStatus(false));
  return () => source.close();
}
