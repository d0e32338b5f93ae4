import { decodeTextFile } from './decode-text.js';

/** Where Slack serves private files. Other hosts (tests, the local emulator) only through configuration. */
export const SLACK_FILE_ORIGIN = 'https://files.slack.com';
export const FILE_DOWNLOAD_TIMEOUT_MS = 15_000;
const MAX_REDIRECTS = 5;

export type FetchFile = (
  url: string,
  init: { headers: Record<string, string>; redirect: 'manual'; signal: AbortSignal },
) => Promise<Response>;

export type DownloadResult =
  | { ok: true; text: string; bytes: number }
  | {
      ok: false;
      reason: 'host_not_allowed' | 'too_large' | 'http_error' | 'timeout' | 'network' | 'too_many_redirects';
      detail: string;
      /** Bytes read from the body before stopping: never more than the cap from fetch (see readCapped). */
      bytes: number;
    };

export interface DownloadOptions {
  url: string;
  botToken: string;
  /** Origins (scheme://host[:port]) the token may be sent to; every redirect hop is checked. */
  allowedOrigins: readonly string[];
  maxBytes: number;
  timeoutMs?: number;
  fetchFile?: FetchFile;
}

function allowedOrigin(url: string, allowed: readonly string[]): boolean {
  try {
    const parsed = new URL(url);
    return parsed.username === '' && parsed.password === '' && allowed.includes(parsed.origin);
  } catch {
    return false;
  }
}

/**
 * Downloads a Slack file with the bot token: only from allowed origins, redirects followed by hand (each hop
 * checked before the token goes there), one deadline for the whole download, and the body read as a stream that
 * stops at `maxBytes`: a huge answer is never buffered.
 */
export async function downloadSlackFile(options: DownloadOptions): Promise<DownloadResult> {
  const fetchFile = options.fetchFile ?? ((url, init) => fetch(url, init));
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? FILE_DOWNLOAD_TIMEOUT_MS);
  let bytes = 0;
  try {
    let url = options.url;
    for (let hop = 0; ; hop++) {
      if (!allowedOrigin(url, options.allowedOrigins)) {
        return { ok: false, reason: 'host_not_allowed', detail: safeHost(url), bytes };
      }
      const response = await fetchFile(url, {
        headers: { Authorization: `Bearer ${options.botToken}` },
        redirect: 'manual',
        signal: controller.signal,
      });
      if (response.status >= 300 && response.status < 400) {
        await response.body?.cancel();
        const location = response.headers.get('location');
        if (!location) return { ok: false, reason: 'http_error', detail: `HTTP ${response.status}`, bytes };
        if (hop >= MAX_REDIRECTS) return { ok: false, reason: 'too_many_redirects', detail: url, bytes };
        url = new URL(location, url).toString();
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        return { ok: false, reason: 'http_error', detail: `HTTP ${response.status}`, bytes };
      }
      const declared = Number(response.headers.get('content-length') ?? Number.NaN);
      if (declared > options.maxBytes) {
        await response.body?.cancel();
        return { ok: false, reason: 'too_large', detail: `${declared} bytes`, bytes };
      }
      const body = await readCapped(response.body, options.maxBytes);
      bytes = body.bytes;
      if (!body.ok)
        return { ok: false, reason: 'too_large', detail: `${options.maxBytes} bytes or more`, bytes };
      return { ok: true, text: decodeTextFile(Buffer.concat(body.chunks)), bytes };
    }
  } catch (error) {
    if (controller.signal.aborted) return { ok: false, reason: 'timeout', detail: 'timed out', bytes };
    return {
      ok: false,
      reason: 'network',
      detail: error instanceof Error ? error.message : String(error),
      bytes,
    };
  } finally {
    clearTimeout(timer);
  }
}

const READ_SIZE = 64 * 1024;

/**
 * Reads a body into memory, never more than `maxBytes` bytes from it: each read asks the stream for at most what
 * is left under the cap (a BYOB reader), so a host sending 400 MB is cut off at the cap, not a chunk later. A body
 * that reaches the cap is refused (accepted files are smaller than the cap). Streams without BYOB reads (not
 * fetch's, e.g. `new Response(aStream)`) are read chunk by chunk: nothing past the cap is kept, but the chunk that
 * crossed it was read.
 */
export async function readCapped(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
): Promise<{ ok: boolean; chunks: Uint8Array[]; bytes: number }> {
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  if (!body) return { ok: true, chunks, bytes };
  let byob: ReadableStreamBYOBReader | null = null;
  try {
    byob = body.getReader({ mode: 'byob' });
  } catch {
    byob = null;
  }
  if (byob) {
    while (bytes < maxBytes) {
      const { done, value } = await byob.read(new Uint8Array(Math.min(READ_SIZE, maxBytes - bytes)));
      if (done) return { ok: true, chunks, bytes };
      bytes += value.byteLength;
      chunks.push(value);
    }
    await byob.cancel();
    return { ok: false, chunks: [], bytes };
  }
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { ok: true, chunks, bytes };
    if (bytes + value.byteLength >= maxBytes) {
      await reader.cancel();
      return { ok: false, chunks: [], bytes: bytes + value.byteLength };
    }
    bytes += value.byteLength;
    chunks.push(value);
  }
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'an invalid URL';
  }
}
