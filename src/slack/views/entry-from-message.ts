import { z } from 'zod';

/**
 * Slack sends message and command text in its mrkdwn wire format: `&`, `<`, `>` escaped as entities, mentions
 * and links as `<@U123|name>`, `<#C123|name>`, `<!here>`, `<https://x|label>`. A quote in a plain-text input
 * must read like what the person saw, so these are turned back into plain text.
 */
export function slackTextToPlain(text: string, userNames: Readonly<Record<string, string>> = {}): string {
  const plainText = text.replace(/<([^<>]*)>/g, (_whole, inner: string) => {
    const [target = '', label] = splitLabel(inner);
    if (target.startsWith('@')) {
      const id = target.slice(1);
      return `@${label ?? userNames[id] ?? 'someone'}`;
    }
    if (target.startsWith('#')) return `#${label ?? 'channel'}`;
    if (target.startsWith('!subteam^')) return label ?? '@group';
    if (target.startsWith('!date^')) return label ?? '';
    if (target.startsWith('!')) return `@${target.slice(1)}`;
    return label ?? target.replace(/^mailto:/, '');
  });
  return decodeEntities(plainText);
}

function splitLabel(inner: string): [string, string | undefined] {
  const bar = inner.indexOf('|');
  return bar === -1 ? [inner, undefined] : [inner.slice(0, bar), inner.slice(bar + 1)];
}

/** Slack only escapes these three; decode `&amp;` last so `&amp;lt;` stays the literal text `&lt;`. */
function decodeEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** User ids mentioned without a display label (`<@U123>`), to look their names up. */
export function unlabelledMentions(text: string): string[] {
  const ids = [...text.matchAll(/<@([A-Z0-9]+)>/g)].map((m) => m[1]!);
  return [...new Set(ids)];
}

const richElement = z
  .object({ type: z.string(), text: z.string().optional(), user_id: z.string().optional() })
  .passthrough();
const richSection = z.object({ type: z.string(), elements: z.array(richElement).optional() }).passthrough();
const richBlock = z.object({ type: z.string(), elements: z.array(richSection).optional() }).passthrough();

/**
 * The text of a message: its `text`, or, when that is empty, the words of its rich_text blocks (some clients
 * and workflows send blocks only). Mentions in blocks come back in wire format so one decoder handles both.
 */
export function messageWireText(message: { text?: string | undefined; blocks?: unknown }): string {
  if (message.text && message.text.trim() !== '') return message.text;
  const blocks = z.array(richBlock).safeParse(message.blocks ?? []);
  if (!blocks.success) return '';
  const parts: string[] = [];
  for (const block of blocks.data) {
    if (block.type !== 'rich_text') continue;
    for (const section of block.elements ?? []) {
      const words = (section.elements ?? []).map((e) =>
        e.type === 'user' && e.user_id ? `<@${e.user_id}>` : escapeWire(e.text ?? ''),
      );
      parts.push(words.join(''));
    }
  }
  return parts.join('\n');
}

const escapeWire = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
