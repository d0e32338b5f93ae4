import { parentPort } from 'node:worker_threads';
import { extractOffline } from '../domain/recap/offline-extraction.js';
import { parseTranscript } from '../domain/recap/transcript-parse.js';
import { capLineLength } from '../domain/text/line-cap.js';
import { createChronoDueDateReader } from '../nlp/chrono-due.js';
import type { RecapTextJob, RecapTextReply } from './recap-text-jobs.js';

/** Due dates as people type them, read by chrono-node; built once per worker. */
const readDue = createChronoDueDateReader();

/** Worker thread: the pure parsing and offline extraction of one recap text, away from the request path. */
function run(job: RecapTextJob): RecapTextReply {
  try {
    if (job.kind === 'parse')
      return { id: job.id, ok: true, value: parseTranscript(capLineLength(job.text)) };
    const input = {
      ...job.input,
      notes: capLineLength(job.input.notes),
      transcriptText: capLineLength(job.input.transcriptText),
    };
    return { id: job.id, ok: true, value: extractOffline(input, readDue) };
  } catch (error) {
    return { id: job.id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

parentPort?.on('message', (job: RecapTextJob) => parentPort?.postMessage(run(job)));
