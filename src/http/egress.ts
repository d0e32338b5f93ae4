import { createRequire } from 'node:module';
import type * as Undici from 'undici';
import type { ProxyConfig } from '../config/config.js';

type Fetch = typeof globalThis.fetch;

/** How the app reaches Slack and the model through a corporate proxy: one dispatcher, and a fetch that uses it. */
export interface Egress {
  dispatcher: Undici.Dispatcher;
  fetch: Fetch;
  close(): Promise<void>;
}

/**
 * HTTPS_PROXY / HTTP_PROXY / NO_PROXY as parsed by src/config (undici's EnvHttpProxyAgent with explicit values,
 * so it never reads the environment itself): requests tunnel through the proxy with CONNECT, except to NO_PROXY
 * hosts. null when no proxy is configured: global fetch, direct connections.
 */
export function createEgress(proxy: ProxyConfig | null): Egress | null {
  if (!proxy) return null;
  // undici (~110 modules) is loaded only when a proxy is configured.
  const { EnvHttpProxyAgent, fetch: undiciFetch } = createRequire(import.meta.url)('undici') as typeof Undici;
  const dispatcher = new EnvHttpProxyAgent({
    httpProxy: proxy.httpProxy ?? '',
    httpsProxy: proxy.httpsProxy ?? proxy.httpProxy ?? '',
    noProxy: proxy.noProxy ?? '',
  });
  const fetch = ((input: Parameters<Fetch>[0], init?: Parameters<Fetch>[1]) =>
    undiciFetch(input as Parameters<typeof undiciFetch>[0], {
      ...(init as Parameters<typeof undiciFetch>[1]),
      dispatcher,
    })) as unknown as Fetch;
  return { dispatcher, fetch, close: () => dispatcher.close() };
}
