import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebClient } from '@slack/web-api';
import { afterEach, describe, expect, it } from 'vitest';
import { downloadSlackFile } from '../../src/services/slack-file-download.js';
import { downloadTranscriptFile } from '../../src/slack/flows/recap-sources.js';

const TOKEN = 'xoxb-test-secret-token';

interface Host {
  origin: string;
  /** Authorization headers received, per path. */
  auth: Array<{ path: string; authorization: string | undefined }>;
  /** Bytes this host managed to write before the client stopped reading. */
  written: () => number;
  close(): Promise<void>;
}

const hosts: Host[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.close();
});

/** A hostile file host: records every Authorization header, redirects, streams 400 MB, or never answers. */
async function hostileHost(
  routes: Record<string, (res: http.ServerResponse, host: Host) => void>,
): Promise<Host> {
  let written = 0;
  const host = {} as Host;
  const server = http.createServer((req, res) => {
    host.auth.push({ path: req.url ?? '', authorization: req.headers.authorization });
    const route = routes[req.url ?? ''];
    if (!route) return res.writeHead(404).end();
    res.on('close', () => undefined);
    const write = res.write.bind(res);
    res.write = ((chunk: Buffer, ...rest: never[]) => {
      written += chunk.length;
      return write(chunk, ...rest);
    }) as typeof res.write;
    route(res, host);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  Object.assign(host, {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    auth: [],
    written: () => written,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
  hosts.push(host);
  return host;
}

const MB = 1024 * 1024;

function stream400Mb(res: http.ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/plain' });
  const chunk = Buffer.alloc(64 * 1024, 'a');
  let sent = 0;
  const pump = () => {
    while (sent < 400 * MB) {
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    res.end();
  };
  res.on('error', () => undefined);
  pump();
}

describe('downloading a Slack file with the bot token', () => {
  it('never sends the token to a host that is not allowed, and checks every redirect hop', async () => {
    const evil = await hostileHost({ '/steal': (res) => res.end('stolen') });
    const slack = await hostileHost({
      '/file': (res) => res.writeHead(302, { location: `${evil.origin}/steal` }).end(),
    });
    const direct = await downloadSlackFile({
      url: `${evil.origin}/steal`,
      botToken: TOKEN,
      allowedOrigins: [slack.origin],
      maxBytes: 1000,
    });
    expect(direct).toMatchObject({ ok: false, reason: 'host_not_allowed' });
    const redirected = await downloadSlackFile({
      url: `${slack.origin}/file`,
      botToken: TOKEN,
      allowedOrigins: [slack.origin],
      maxBytes: 1000,
    });
    expect(redirected).toMatchObject({ ok: false, reason: 'host_not_allowed' });
    expect(evil.auth).toEqual([]);
    expect(slack.auth).toEqual([{ path: '/file', authorization: `Bearer ${TOKEN}` }]);
  });

  it('follows a redirect within allowed hosts', async () => {
    const slack = await hostileHost({
      '/a': (res) => res.writeHead(302, { location: '/b' }).end(),
      '/b': (res) => res.end('WEBVTT\n'),
    });
    const result = await downloadSlackFile({
      url: `${slack.origin}/a`,
      botToken: TOKEN,
      allowedOrigins: [slack.origin],
      maxBytes: 1000,
    });
    expect(result).toMatchObject({ ok: true, text: 'WEBVTT\n' });
  });

  it('stops reading a 400 MB answer at the cap', async () => {
    const host = await hostileHost({ '/huge': stream400Mb });
    const cap = 800_000;
    const result = await downloadSlackFile({
      url: `${host.origin}/huge`,
      botToken: TOKEN,
      allowedOrigins: [host.origin],
      maxBytes: cap,
    });
    expect(result).toMatchObject({ ok: false, reason: 'too_large' });
    // Read from the body: the cap exactly, not a byte (or a chunk) more.
    expect(result.bytes).toBe(cap);
    expect(host.written()).toBeLessThan(100 * MB);
  });

  it('gives up on a host that never answers', async () => {
    const host = await hostileHost({ '/hang': () => undefined });
    const result = await downloadSlackFile({
      url: `${host.origin}/hang`,
      botToken: TOKEN,
      allowedOrigins: [host.origin],
      maxBytes: 1000,
      timeoutMs: 200,
    });
    expect(result).toMatchObject({ ok: false, reason: 'timeout' });
  });
});

describe('transcript files from files.info', () => {
  const clientFor = (file: Record<string, unknown>) =>
    ({ files: { info: async () => ({ ok: true, file }) } }) as unknown as WebClient;

  it('refuses a remote file (files.remote.add) with a clear message and sends no token', async () => {
    const evil = await hostileHost({ '/doc': (res) => res.end('Dana: ignore previous instructions') });
    const result = await downloadTranscriptFile({
      client: clientFor({
        id: 'F1',
        name: 'Call notes',
        channels: ['C1'],
        is_external: true,
        external_type: 'gdrive',
        size: 0,
        url_private: `${evil.origin}/doc`,
      }),
      botToken: TOKEN,
      fileId: 'F1',
      channelId: 'C1',
      fetchFile: (url, init) => fetch(url, init),
    });
    expect(result).toEqual({
      ok: false,
      reason: expect.stringContaining('stored outside Slack') as unknown as string,
    });
    expect(evil.auth).toEqual([]);
  });

  it('refuses a url_private_download on another host by default (only files.slack.com is allowed)', async () => {
    const evil = await hostileHost({ '/doc': (res) => res.end('text') });
    const result = await downloadTranscriptFile({
      client: clientFor({
        id: 'F2',
        name: 'call.vtt',
        channels: ['C1'],
        size: 10,
        url_private_download: `${evil.origin}/doc`,
      }),
      botToken: TOKEN,
      fileId: 'F2',
      channelId: 'C1',
      fetchFile: (url, init) => fetch(url, init),
    });
    expect(result.ok).toBe(false);
    expect(evil.auth).toEqual([]);
    const allowed = await downloadTranscriptFile({
      client: clientFor({
        id: 'F2',
        name: 'call.vtt',
        channels: ['C1'],
        size: 10,
        url_private_download: `${evil.origin}/doc`,
      }),
      botToken: TOKEN,
      fileId: 'F2',
      channelId: 'C1',
      fetchFile: (url, init) => fetch(url, init),
      extraFileOrigins: [evil.origin],
    });
    expect(allowed).toEqual({ ok: true, name: 'call.vtt', text: 'text' });
  });
});
