import type { InputBlock, Option, PlainTextOption } from '@slack/types';
import { LIMITS } from './limits.js';
import { truncate } from './mrkdwn.js';

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

/** A plain text input block whose action id is its block id; optional unless said otherwise. */
export function textInput(
  blockId: string,
  label: string,
  opts: {
    maxLength: number;
    optional?: boolean;
    multiline?: boolean;
    initial?: string | undefined;
    hint?: string;
    placeholder?: string;
  },
): InputBlock {
  return {
    type: 'input',
    block_id: blockId,
    optional: opts.optional ?? true,
    label: plain(label),
    ...(opts.hint ? { hint: plain(opts.hint, LIMITS.inputHint) } : {}),
    element: {
      type: 'plain_text_input',
      action_id: blockId,
      multiline: opts.multiline ?? false,
      max_length: opts.maxLength,
      ...(opts.initial ? { initial_value: opts.initial.slice(0, opts.maxLength) } : {}),
      ...(opts.placeholder ? { placeholder: plain(opts.placeholder, LIMITS.placeholder) } : {}),
    },
  };
}
