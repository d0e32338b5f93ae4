import { parentPort } from 'node:worker_threads';
import { extractOffline } from '../domain/recap/offline-extraction.js';
import { normaliseText, parseTranscript } from '../domain/recap/transcript-parse.js';
import { capLineLength } from '../domain/text/line-cap.js';
import { createChronoDueDateReader } from '../nlp/chrono-due.js';
import type { RecapTextJob, RecapTextReply } from './recap-text-jobs.js';

/** Due dates as people type them, read by chrono-node; built once per worker. */
const readDue = createChronoDueDateReader();

/**
 * Line endings are normalised before long lines are cut: a file with old-Mac "\r" endings is one long line to
 * the cap, which would cut it at any space, timing lines ("00:00:01.000 --> 00:00:04.000") included.
 */
const capped = (text: string): string => capLineLength(normaliseText(text));

/** Worker thread: the pure parsing and offline extraction of one recap text, away from the request path. */
function run(job: RecapTextJob): RecapTextReply {
  try {
    if (job.kind === 'parse') return { id: job.id, ok: true, value: parseTranscript(capped(job.text)) };
    const input = {
      ...job.input,
      notes: capLineLength(job.input.notes),
      transcriptText: capped(job.input.transcriptText),
    };
    return { id: job.id, ok: true, value: extractOffline(input, readDue) };
  } catch (error) {
    return { id: job.id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

parentPort?.on('message', (job: RecapTextJob) => parentPort?.postMessage(run(job)));
