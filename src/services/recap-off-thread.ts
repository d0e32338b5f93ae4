import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ParsedTranscript } from '../domain/recap/transcript-parse.js';
import type { RecapExtraction } from '../domain/recap/types.js';
import type { RecapExtractionInput, RecapExtractor } from '../llm/recap-extractor.js';
import type { RecapTextJob, RecapTextReply, RecapTextWork } from './recap-text-jobs.js';

/** A job that runs longer than this is stopped (the worker is replaced) and the recap says so. */
export const RECAP_TEXT_DEADLINE_MS = 20_000;

export class RecapTextTimeout extends Error {
  constructor(ms: number) {
    super(`reading the text took longer than ${Math.round(ms / 1000)} s and was stopped`);
  }
}

function workerSource(): { code: string } | { file: URL } {
  const file = new URL(
    `./recap-text-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`,
    import.meta.url,
  );
  if (!file.pathname.endsWith('.ts')) return { file };
  // Run from TypeScript sources (npm start, tests): the worker registers tsx before loading its module.
  const tsxDir = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsx = pathToFileURL(path.join(tsxDir, 'dist/esm/api/index.mjs')).href;
  return {
    code: `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(file.href)}); });`,
  };
}

type Pending = { resolve: (value: RecapTextReply) => void; timer: NodeJS.Timeout };

/**
 * Heavy recap parsing runs on one worker thread, so acks and /healthz stay fast while a 200,000-character text
 * is read. Jobs queue on the worker; one past its deadline terminates the worker (the next job starts a new one).
 */
export class RecapTextRunner {
  #worker: Worker | null = null;
  #pending = new Map<number, Pending>();
  #nextId = 1;

  constructor(private readonly deadlineMs: number = RECAP_TEXT_DEADLINE_MS) {}

  #start(): Worker {
    if (this.#worker) return this.#worker;
    const source = workerSource();
    const worker = 'code' in source ? new Worker(source.code, { eval: true }) : new Worker(source.file);
    worker.unref();
    worker.on('message', (reply: RecapTextReply) => {
      const pending = this.#pending.get(reply.id);
      if (!pending) return;
      clearTimeout(pending.timer);
      this.#pending.delete(reply.id);
      pending.resolve(reply);
    });
    const fail = (message: string) => {
      if (this.#worker === worker) this.#worker = null;
      for (const [id, pending] of this.#pending) {
        clearTimeout(pending.timer);
        pending.resolve({ id, ok: false, error: message });
      }
      this.#pending.clear();
    };
    worker.on('error', (error) => fail(error.message));
    worker.on('exit', () => fail('the worker stopped'));
    this.#worker = worker;
    return worker;
  }

  async #run(job: RecapTextWork): Promise<ParsedTranscript | RecapExtraction> {
    const worker = this.#start();
    const id = this.#nextId++;
    const reply = await new Promise<RecapTextReply>((resolve) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        resolve({ id, ok: false, error: new RecapTextTimeout(this.deadlineMs).message });
        if (this.#worker === worker) this.#worker = null;
        void worker.terminate();
      }, this.deadlineMs);
      this.#pending.set(id, { resolve, timer });
      worker.postMessage({ ...job, id } as RecapTextJob);
    });
    if (!reply.ok) throw new Error(reply.error);
    return reply.value;
  }

  parseTranscript(text: string): Promise<ParsedTranscript> {
    return this.#run({ kind: 'parse', text }) as Promise<ParsedTranscript>;
  }

  extractOffline(input: RecapExtractionInput): Promise<RecapExtraction> {
    return this.#run({ kind: 'extract', input }) as Promise<RecapExtraction>;
  }

  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = null;
    await worker?.terminate();
  }
}

/** The offline extractor, run on the worker. */
export function offThreadOfflineExtractor(runner: RecapTextRunner): RecapExtractor {
  return {
    name: 'offline',
    async extract(input) {
      return {
        extraction: await runner.extractOffline(input),
        extractor: 'offline',
        truncated: false,
        fallbackReason: null,
      };
    },
  };
}
