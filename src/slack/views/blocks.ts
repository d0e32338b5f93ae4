import type { Option, PlainTextOption } from '@slack/types';
import { truncate } from '../mrkdwn.js';
import { LIMITS } from './limits.js';

/** Small typed helpers shared by the view builders. They enforce Block Kit's text limits. */

export const plain = (text: string, max: number = LIMITS.inputLabel) => ({
  type: 'plain_text' as const,
  text: truncate(text, max),
  emoji: true,
});

export const mrkdwn = (text: string, max: number = LIMITS.sectionText) => ({
  type: 'mrkdwn' as const,
  text: truncate(text, max),
});

export function option(label: string, value: string): PlainTextOption {
  return { text: plain(label, LIMITS.optionText), value: value.slice(0, LIMITS.optionValue) };
}

export function options(labels: Record<string, string>): PlainTextOption[] {
  return Object.entries(labels).map(([value, label]) => option(label, value));
}

export function findOption<T extends Option>(all: T[], value: string | null | undefined): T | undefined {
  return value === null || value === undefined ? undefined : all.find((o) => o.value === value);
}

/** Slack rejects private_metadata over 3,000 characters; keep it small (ids only). */
export function metadata(value: object): string {
  const json = JSON.stringify(value);
  if (json.length > LIMITS.privateMetadata) throw new Error('private_metadata too large');
  return json;
}
