import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { createMessageClassifier } from '../src/domain/classifier/classify.js';
import { parseCorpus } from '../src/domain/classifier/labelled-set.js';
import { createWinkAnalyzer } from '../src/nlp/wink-analyzer.js';

export interface ClassifierBench {
  messages: number;
  runs: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** CPU time of this process per message (excludes waiting for a core on a busy machine). */
  cpuP50Ms: number;
  cpuP99Ms: number;
  loadMs: number;
  loadAverage: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

/** Classifies every corpus message `runs` times (after one warm-up pass) and reports per-message latency. */
export function benchClassifier(runs = 5): ClassifierBench {
  const started = performance.now();
  const classify = createMessageClassifier(createWinkAnalyzer());
  const loadMs = performance.now() - started;
  const texts = ['train', 'test', 'adversarial', 'adversarial-blind'].flatMap((split) =>
    parseCorpus(
      readFileSync(new URL(`../src/domain/classifier/data/corpus/${split}.jsonl`, import.meta.url), 'utf8'),
    ).map((message) => message.text),
  );
  for (const text of texts) classify(text);
  const times: number[] = [];
  const cpu: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    for (const text of texts) {
      const cpuAt = process.cpuUsage();
      const at = performance.now();
      classify(text);
      times.push(performance.now() - at);
      const used = process.cpuUsage(cpuAt);
      cpu.push((used.user + used.system) / 1000);
    }
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return {
    messages: texts.length,
    runs,
    p50Ms: percentile(times, 0.5),
    p99Ms: percentile(times, 0.99),
    maxMs: times[times.length - 1] ?? 0,
    cpuP50Ms: percentile(cpu, 0.5),
    cpuP99Ms: percentile(cpu, 0.99),
    loadMs,
    loadAverage: loadavg()[0] ?? 0,
  };
}
