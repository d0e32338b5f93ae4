import { createHash } from 'node:crypto';
import type { Block, JsonObject } from './types.js';

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Slack-like short id (e.g. `hspI`), stable for the same seed so tests can rely on it. */
function shortId(seed: string, length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const digest = createHash('sha1').update(seed).digest();
  return [...digest.subarray(0, length)].map((b) => alphabet[b % alphabet.length]).join('');
}

function withActionId(element: unknown, seed: string): unknown {
  if (!isObject(element) || typeof element.type !== 'string' || element.type.endsWith('text')) return element;
  if (element.type === 'image' || element.type === 'mrkdwn') return element;
  return typeof element.action_id === 'string' ? element : { ...element, action_id: shortId(seed, 5) };
}

/** Fills in missing block_id / action_id the way Slack does when it stores a message or view. */
export function normalizeBlocks(blocks: Block[] | undefined, salt: string): Block[] | undefined {
  if (!blocks) return undefined;
  return blocks.map((block, i) => {
    const blockId = typeof block.block_id === 'string' ? block.block_id : shortId(`${salt}:${i}`, 4);
    const out: Block = { ...block, block_id: blockId };
    if (block.type === 'actions' && Array.isArray(block.elements)) {
      out.elements = block.elements.map((e, j) => withActionId(e, `${salt}:${blockId}:${j}`));
    }
    if (block.type === 'input' && block.element !== undefined) {
      out.element = withActionId(block.element, `${salt}:${blockId}:element`);
    }
    if (block.type === 'section' && block.accessory !== undefined) {
      out.accessory = withActionId(block.accessory, `${salt}:${blockId}:accessory`);
    }
    return out;
  });
}

/** A view definition with its blocks normalized. */
export function normalizeView(view: JsonObject, salt: string): JsonObject {
  const blocks = Array.isArray(view.blocks) ? (view.blocks as Block[]) : [];
  return { ...view, blocks: normalizeBlocks(blocks, salt) ?? [] };
}
