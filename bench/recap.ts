/**
 * bench/recap.ts: a 60-minute meeting (WebVTT, about 9,000 words, two of ours and two of the customer's):
 * parsing, listening figures and offline extraction (the whole analysis a pasted recap gets, goal < 1 s), then
 * the LLM extractor against the OpenAI mock server answering each chunk in 800 ms, one chunk at a time and in
 * parallel (the default), to compare with one model call per round of concurrent chunks.
 */
import { pathToFileURL } from 'node:url';
import { createMessageClassifier } from '../src/domain/classifier/classify.js';
import { RECAP_LIMITS } from '../src/domain/recap/limits.js';
import { analyseMeetingText } from '../src/domain/recap/recap-analysis.js';
import { createOpenAIClient } from '../src/llm/openai-client.js';
import { createOpenAIRecapExtractor, DEFAULT_CONCURRENT_CHUNKS } from '../src/llm/recap-extractor.js';
import { createWinkAnalyzer } from '../src/nlp/wink-analyzer.js';
import { chatCompletion, startOpenAIMockServer } from '../test/support/openai-mock-server.js';

const MODEL_MS = 800;
const MINUTES = 60;
const OURS = ['Riley Chen', 'Sam Ortiz'];
const THEIRS = ['Dana Lee', 'Priya Patel'];

const CUSTOMER_LINES = [
  'We lose about three days on every cross-border shipment, and our customers notice it before we do.',
  'Honestly the budget is frozen until March, so anything new has to pay for itself inside the quarter.',
  'Our finance team will want to see the numbers from the pilot region before anyone signs.',
  'The biggest risk for us is the carriers in the north, they change their rates every month.',
  'I have to pick a pilot region by December 15, and Priya owns the carrier contracts.',
  'What we really need is fewer phone calls to find out where a truck is.',
];
const OUR_LINES = [
  'What slows you down today, in your own words?',
  'How do you measure those three days today, and who feels it first?',
  'What would need to be true for the pilot to be an easy yes for finance?',
  'Our platform tracks every shipment in real time and would fix that for you.',
  'Who else should be in the room when you decide on the region?',
];

/** Deterministic WebVTT: a cue every 20 s, each about 48 words, speakers taking turns. */
export function meetingTranscript(): string {
  const cues = ['WEBVTT', ''];
  const stamp = (s: number) =>
    `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}.000`;
  for (let i = 0, t = 0; t < MINUTES * 60; i++, t += 20) {
    const customer = i % 5 !== 0 && i % 5 !== 2;
    const speaker = customer ? THEIRS[i % 2]! : OURS[i % 2]!;
    const pool = customer ? CUSTOMER_LINES : OUR_LINES;
    const text = [
      pool[i % pool.length]!,
      pool[(i * 7 + 3) % pool.length]!,
      pool[(i * 3 + 1) % pool.length]!,
    ].join(' ');
    cues.push(`${stamp(t)} --> ${stamp(t + 20)}`, `<v ${speaker}>${text}`, '');
  }
  return cues.join('\n');
}

export interface RecapResult {
  words: number;
  analysisMs: number;
  proposals: number;
  figures: boolean;
  chunks: number;
  sequentialMs: number;
  parallelMs: number;
  concurrency: number;
  idealParallelMs: number;
}

const reply = () =>
  chatCompletion(
    JSON.stringify({
      entries: [
        {
          kind: 'driver',
          statement: 'Cross-border shipments take three days too long',
          quote: 'We lose about three days on every cross-border shipment',
          speaker: 'Dana Lee',
          confidence: 'quoted',
          constraintCategory: null,
          cue: null,
        },
      ],
      decisions: [{ title: 'Pick a pilot region', ownerName: 'Dana Lee', dueDate: '2026-12-15' }],
    }),
  );

export async function benchRecap(): Promise<RecapResult> {
  const classify = createMessageClassifier(createWinkAnalyzer());
  const text = meetingTranscript();
  const words = text.split(/\s+/).filter((w) => /[a-z]/i.test(w)).length;
  analyseMeetingText(text, { meetingDate: '2026-12-07', ourSpeakers: OURS, classify }); // warm-up
  const started = performance.now();
  const analysis = analyseMeetingText(text, { meetingDate: '2026-12-07', ourSpeakers: OURS, classify });
  const analysisMs = performance.now() - started;
  if (!analysis.ok) throw new Error(analysis.error);

  const server = await startOpenAIMockServer();
  try {
    const extract = async (maxConcurrentChunks: number) => {
      for (let i = 0; i < 50; i++) server.reply(reply(), { delayMs: MODEL_MS });
      const before = server.requests.length;
      const extractor = createOpenAIRecapExtractor({
        client: createOpenAIClient({
          apiKey: 'sk-bench',
          baseURL: server.baseURL,
          model: 'm',
          maxRetries: 0,
        }),
        model: 'm',
        maxConcurrentChunks,
      });
      const t0 = performance.now();
      const outcome = await extractor.extract({
        notes: '',
        transcript: analysis.transcript,
        transcriptText: text,
        meetingDate: '2026-12-07',
        ourSpeakers: OURS,
      });
      if (outcome.extractor !== 'openai') throw new Error(`fell back: ${outcome.fallbackReason}`);
      return { ms: performance.now() - t0, chunks: server.requests.length - before };
    };
    await extract(DEFAULT_CONCURRENT_CHUNKS); // warm-up: loads the tokenizer, opens connections
    const sequential = await extract(1);
    const parallel = await extract(DEFAULT_CONCURRENT_CHUNKS);
    return {
      words,
      analysisMs,
      proposals: analysis.proposals.entries.length + analysis.proposals.decisions.length,
      figures: analysis.listening.ok,
      chunks: parallel.chunks,
      sequentialMs: sequential.ms,
      parallelMs: parallel.ms,
      concurrency: DEFAULT_CONCURRENT_CHUNKS,
      idealParallelMs: Math.ceil(parallel.chunks / DEFAULT_CONCURRENT_CHUNKS) * MODEL_MS,
    };
  } finally {
    await server.close();
  }
}

export function formatRecap(r: RecapResult): string {
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  return [
    `\n== recap: ${MINUTES}-minute WebVTT transcript, ${r.words.toLocaleString('en')} words, model ${MODEL_MS} ms per call`,
    `  parse + figures + offline extraction   ${ms(r.analysisMs)}  (${r.proposals} proposals, listening figures ${r.figures ? 'computed' : 'MISSING'}; goal < 1,000 ms)`,
    `  LLM extraction, ${r.chunks} chunks of <= ${RECAP_LIMITS.maxTokensPerChunk.toLocaleString('en')} tokens`,
    `    one chunk at a time                 ${ms(r.sequentialMs)}`,
    `    ${r.concurrency} at a time (default)               ${ms(r.parallelMs)}; one call per round would be ${ms(r.idealParallelMs)}: ${(r.parallelMs / r.idealParallelMs).toFixed(2)}x`,
    `    parallel / sequential               ${(r.parallelMs / r.sequentialMs).toFixed(2)}x`,
    '',
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchRecap().then(
    (result) => process.stdout.write(formatRecap(result)),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
