import type { CandidateQuestion } from './citations.js';
import { MAX_QUESTIONS } from './gaps.js';

/** Case-, punctuation- and space-insensitive form, so near-identical questions count once. */
export function questionKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u201C\u201D"'`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The model's own questions first, then the app's gap questions it did not already ask (same wording, or a
 * gap question about exactly the same entries with the same SPIN kind), capped at MAX_QUESTIONS.
 */
export function mergeQuestions(
  fromModel: readonly CandidateQuestion[],
  fromGaps: readonly CandidateQuestion[],
  max = MAX_QUESTIONS,
): CandidateQuestion[] {
  const seen = new Set<string>();
  const topics = new Set<string>();
  const topic = (q: CandidateQuestion) =>
    q.entryIds.length ? `${q.spin}:${[...new Set(q.entryIds)].sort((a, b) => a - b).join(',')}` : null;
  const out: CandidateQuestion[] = [];
  const add = (q: CandidateQuestion, skipSameTopic: boolean) => {
    const key = questionKey(q.text);
    const about = topic(q);
    if (!key || seen.has(key)) return;
    if (skipSameTopic && about && topics.has(about)) return;
    seen.add(key);
    if (about) topics.add(about);
    out.push(q);
  };
  for (const q of fromModel) add(q, false);
  for (const q of fromGaps) add(q, true);
  return out.slice(0, max);
}
