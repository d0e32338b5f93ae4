import { expect } from 'vitest';
import { validateBlocks, validateView } from '../../../src/sandbox/emulator/block-kit-rules.js';
import { LIMITS } from '../../../src/slack/views/limits.js';
import { escapeMrkdwn } from '../../../src/slack/views/mrkdwn.js';
import type { Built } from './hostile-builders.js';

/** What a hostile user or model could put in any text field. */
export const HOSTILE =
  '<!channel> <!here> <@UEVIL> <https://evil.example|click to re-auth> Q&A *bold* 🚀👍🏽';
export const LIVE = ['<!channel>', '<!here>', '<@UEVIL>', '<https://evil.example'];

/** 10,000 characters of it, with emoji (surrogate pairs) all along, so every cut lands somewhere awkward. */
export const HOSTILE_LONG = `${HOSTILE} `.repeat(Math.ceil(10_000 / (HOSTILE.length + 1))).slice(0, 10_000);

type Message = { text?: string; blocks?: unknown };

/** The messages (or Home view) a builder's result stands for. */
export function messagesOf(built: Built): Message[] {
  if (typeof built === 'string') return [{ text: built }];
  return Array.isArray(built) ? built : [built];
}

/** Every text Slack would render: the fallback `text` and every text object (mrkdwn or plain) in the blocks. */
export function renderedTexts(message: Message): { mrkdwn: string[]; plain: string[] } {
  const mrkdwn: string[] = message.text === undefined ? [] : [message.text];
  const plain: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (record.type === 'mrkdwn' && typeof record.text === 'string') mrkdwn.push(record.text);
    if (record.type === 'plain_text' && typeof record.text === 'string') plain.push(record.text);
    for (const value of Object.values(record)) walk(value);
  };
  walk(message.blocks);
  return { mrkdwn, plain };
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** No live mention, broadcast or link in any mrkdwn; no bare `&`; nothing cut inside an emoji. */
export function expectNothingLive(built: Built): string[] {
  const texts = messagesOf(built).flatMap((m) => renderedTexts(m).mrkdwn);
  for (const text of texts) {
    for (const live of LIVE) expect(text).not.toContain(live);
    // A bare `&` would let `&lt;` typed by a user turn back into `<`; only entities may remain.
    expect(text.replace(/&(amp|lt|gt);/g, '')).not.toContain('&');
    expect(text).not.toMatch(LONE_SURROGATE);
  }
  return texts;
}

/** Nothing live, and the hostile text is shown (escaped), not dropped. */
export function expectInert(built: Built): void {
  const texts = expectNothingLive(built);
  expect(texts.length).toBeGreaterThan(0);
  expect(texts.join('\n')).toContain(escapeMrkdwn('<!channel>'));
}

/** Within Block Kit's limits (the emulator's rules, the same table as the app's), fallback text included. */
export function expectWithinLimits(built: Built): void {
  for (const message of messagesOf(built)) {
    const view = message as { type?: string };
    if (view.type === 'home' || view.type === 'modal') {
      expect(validateView(message, view.type)).toBeNull();
    } else if (message.blocks !== undefined) {
      expect(validateBlocks(message.blocks, 'message')).toEqual([]);
    }
    expect((message.text ?? '').length).toBeLessThanOrEqual(LIMITS.messageText);
    for (const plain of renderedTexts(message).plain) expect(plain).not.toMatch(LONE_SURROGATE);
  }
}
