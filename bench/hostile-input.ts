/**
 * Figures for the "Security and reliability" README section (numbers depend on the machine):
 * - /healthz p99 while the worst 200,000-character recap text is parsed and extracted (goal < 100 ms);
 * - time to process that text (goal < 2 s);
 * - bytes read from a file host that sends 400 MB (goal: at most the cap).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startApp } from '../src/app.js';
import { parseConfig } from '../src/config/config.js';
import { RECAP_LIMITS } from '../src/domain/recap/limits.js';
import { createLogger } from '../src/logger.js';
import { downloadSlackFile } from '../src/services/slack-file-download.js';

/** Lines aimed at the patterns that were super-linear: whitespace runs, unclosed tags, owner/said/by chains. */
export function worstRecapText(chars = RECAP_LIMITS.maxTranscriptChars): string {
  const shapes = [
    `<v${'.a'.repeat(400)}`,
    `<${'<'.repeat(1_500)}`,
    `Decision: ${' '.repeat(1_500)}x`,
    `Dana said${' '.repeat(1_000)}, "${'word '.repeat(150)}`,
    `- decision ${'\t'.repeat(1_500)}:`,
    `pick a region ${', '.repeat(600)}by`,
    `owner: ${'Dana '.repeat(300)}(`,
    `Risk: "${'"'.repeat(1_000)}`,
    `Sam Rep: ${'- '.repeat(800)}x`,
  ];
  const lines: string[] = [];
  let length = 0;
  for (let i = 0; length < chars; i++) {
    const line = shapes[i % shapes.length]!;
    lines.push(line);
    length += line.length + 1;
  }
  return lines.join('\n').slice(0, chars);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function healthWhileProcessing(): Promise<{
  p99: number;
  max: number;
  samples: number;
  processMs: number;
}> {
  const config = { ...parseConfig({ DATA_DIR: '/nonexistent' }), port: 0 };
  const app = await startApp(
    { ...config, database: { engine: 'sqlite', file: ':memory:' } },
    { host: '127.0.0.1', logger: createLogger('error', 'bench', () => undefined) },
  );
  try {
    const text = worstRecapText();
    const parse = app.deps.parseTranscript!;
    await parse('WEBVTT\n'); // the worker is loaded, as in a running app
    for (let i = 0; i < 20; i++) await (await fetch(`${app.url}/healthz`)).arrayBuffer();
    const latencies: number[] = [];
    let done = false;
    const started = performance.now();
    const work = (async () => {
      const transcript = await parse(text);
      await app.deps.recapExtractor!.extract({
        notes: text,
        transcript,
        transcriptText: text,
        meetingDate: '2026-11-30',
        ourSpeakers: ['Sam Rep'],
      });
      return performance.now() - started;
    })().finally(() => {
      done = true;
    });
    while (!done) {
      const t0 = performance.now();
      await (await fetch(`${app.url}/healthz`)).arrayBuffer();
      latencies.push(performance.now() - t0);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const processMs = await work;
    return {
      p99: percentile(latencies, 99),
      max: Math.max(...latencies),
      samples: latencies.length,
      processMs,
    };
  } finally {
    await app.stop();
  }
}

async function bytesFrom400MbHost(): Promise<{ bytesRead: number; cap: number; sent: number }> {
  let sent = 0;
  const server = http.createServer((_req, res) => {
    res.writeHead(200);
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const pump = () => {
      while (sent < 400 * 1024 * 1024) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end();
    };
    res.on('error', () => undefined);
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const cap = RECAP_LIMITS.maxTranscriptChars * 4;
  try {
    const result = await downloadSlackFile({
      url: `${origin}/huge.vtt`,
      botToken: 'xoxb-bench',
      allowedOrigins: [origin],
      maxBytes: cap,
    });
    return { bytesRead: result.bytes, cap, sent };
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

export async function benchHostileInput(): Promise<string> {
  const health = await healthWhileProcessing();
  const download = await bytesFrom400MbHost();
  return [
    '\n== hostile input (worst 200,000-character recap text; 400 MB file host)',
    `processing the text (worker thread): ${health.processMs.toFixed(0)} ms (goal < 2000 ms)`,
    `/healthz meanwhile: p99 ${health.p99.toFixed(1)} ms, max ${health.max.toFixed(1)} ms over ${health.samples} requests (goal p99 < 100 ms)`,
    `400 MB host: stopped at ${download.bytesRead.toLocaleString('en')} bytes read from the body (cap ${download.cap.toLocaleString('en')}: ${download.bytesRead <= download.cap ? 'goal met' : 'OVER THE CAP'}); the host got to write ${download.sent.toLocaleString('en')} bytes into the socket before we hung up`,
    '',
  ].join('\n');
}
