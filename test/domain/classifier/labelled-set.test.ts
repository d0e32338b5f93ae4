import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate, MESSAGE_LABELS, parseLabelledSet } from '../../../src/domain/classifier/index.js';

const set = parseLabelledSet(
  JSON.parse(readFileSync(new URL('./labelled-messages.json', import.meta.url), 'utf8')),
);
const split = (name: string) => set.messages.filter((message) => message.split === name);
const metrics = (name: string) => {
  const evaluation = evaluate(split(name));
  return Object.fromEntries(evaluation.perClass.map((row) => [row.label, row]));
};

/*
 * Floors, and why:
 * - Precision matters most. A false "prescribing" nudge tells a rep they are pitching when they are listening, and a
 *   false "customer words" offer interrupts them for nothing; alerts that are wrong more than about one time in seven
 *   get ignored (domain.md: "alerts people learn to ignore"). Hence precision >= 0.85 on the held-out split.
 * - Recall can be lower: a missed nudge costs only a missed hint. Below ~0.7 the feature would rarely show up, so
 *   held-out recall >= 0.7.
 * - With ~15 held-out messages per class, one error moves a figure by ~0.06: 0.85 tolerates two false positives.
 * - The challenge split was written after the rules were frozen, with deliberately different phrasing. Its precision
 *   floors are the same; its prescribing recall floor (0.4) only guards against regressions: low recall on unseen
 *   phrasings is a known limit of word lists (the optional LLM refiner is the seam for it).
 */
const PRECISION_FLOOR = 0.85;
const RECALL_FLOOR = 0.7;

describe('labelled set', () => {
  it('has at least 200 messages, every class in every split, and no duplicates', () => {
    expect(set.messages.length).toBeGreaterThanOrEqual(200);
    for (const name of ['tune', 'heldout']) {
      const labels = new Set(split(name).map((message) => message.label));
      expect([...labels].sort()).toEqual([...MESSAGE_LABELS].sort());
    }
    const texts = set.messages.map((message) => message.text.trim().toLowerCase());
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('keeps about 30% of the tune+heldout messages held out', () => {
    const heldOut = split('heldout').length / (split('heldout').length + split('tune').length);
    expect(heldOut).toBeGreaterThanOrEqual(0.25);
    expect(heldOut).toBeLessThanOrEqual(0.35);
  });

  it('contains Slack-escaped forms as they arrive in events', () => {
    const all = set.messages.map((message) => message.text).join('\n');
    for (const form of ['&gt;', '<@U', '<https://', '“', ':tada:', '```']) expect(all).toContain(form);
  });
});

describe('classifier on its held-out split', () => {
  const heldOut = metrics('heldout');

  it.each(['prescribing', 'customer_words'])('%s precision and recall stay above the floors', (label) => {
    expect(heldOut[label]?.precision).toBeGreaterThanOrEqual(PRECISION_FLOOR);
    expect(heldOut[label]?.recall).toBeGreaterThanOrEqual(RECALL_FLOOR);
  });

  it('question precision stays above the floor', () => {
    expect(heldOut.question?.precision).toBeGreaterThanOrEqual(PRECISION_FLOOR);
  });
});

describe('classifier on the challenge split (written after the rules were frozen)', () => {
  const challenge = metrics('challenge');

  it.each(['prescribing', 'customer_words'])('%s precision stays above the floor', (label) => {
    expect(challenge[label]?.precision).toBeGreaterThanOrEqual(PRECISION_FLOOR);
  });

  it('recall does not regress', () => {
    expect(challenge.prescribing?.recall).toBeGreaterThanOrEqual(0.4);
    expect(challenge.customer_words?.recall).toBeGreaterThanOrEqual(RECALL_FLOOR);
  });
});

describe('classifier on its tune split', () => {
  it('stays above 0.9 precision and recall for every class (it was tuned there)', () => {
    for (const row of Object.values(metrics('tune'))) {
      expect(row.precision, row.label).toBeGreaterThanOrEqual(0.9);
      expect(row.recall, row.label).toBeGreaterThanOrEqual(0.9);
    }
  });
});
