import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateBlocks, validateView } from '../../src/sandbox/emulator/block-kit-rules.js';
import { DEMO_IDS } from '../../src/sandbox/index.js';
import { LIMITS } from '../../src/slack/views/limits.js';
import { startEmulator, TOKEN } from './support/harness.js';

const section = (text: string, blockId?: string) => ({
  type: 'section',
  text: { type: 'mrkdwn', text },
  ...(blockId ? { block_id: blockId } : {}),
});
const sections = (n: number) => Array.from({ length: n }, (_, i) => section(`item ${i}`));
const modal = (blocks: unknown[], title = 'Log an entry') => ({
  type: 'modal',
  title: { type: 'plain_text', text: title },
  submit: { type: 'plain_text', text: 'Save' },
  blocks,
});

describe('Block Kit rules', () => {
  it('allows 50 blocks in a message and rejects 51', () => {
    expect(validateBlocks(sections(LIMITS.blocksPerMessage), 'message')).toEqual([]);
    expect(validateBlocks(sections(LIMITS.blocksPerMessage + 1), 'message')).toEqual([
      'must be less than 51 items [json-pointer:/blocks]',
    ]);
  });

  it('allows 100 blocks in a modal or Home tab and rejects 101', () => {
    expect(validateView(modal(sections(100)))).toBeNull();
    expect(validateView(modal(sections(101)))).toMatchObject({ error: 'invalid_blocks' });
    expect(validateView({ type: 'home', blocks: sections(101) })).toMatchObject({ error: 'invalid_blocks' });
  });

  it('limits text lengths: section 3000, header 150, button 75, option 75', () => {
    expect(validateBlocks([section('x'.repeat(3000))], 'message')).toEqual([]);
    expect(validateBlocks([section('x'.repeat(3001))], 'message')[0]).toContain('/blocks/0/text/text');
    const header = { type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } };
    expect(validateBlocks([header], 'message')).toHaveLength(1);
    const button = { type: 'button', action_id: 'b', text: { type: 'plain_text', text: 'b'.repeat(76) } };
    expect(validateBlocks([{ type: 'actions', elements: [button] }], 'message')[0]).toContain(
      '/blocks/0/elements/0/text/text',
    );
    const select = {
      type: 'static_select',
      action_id: 's',
      options: [{ text: { type: 'plain_text', text: 'o'.repeat(76) }, value: 'v' }],
    };
    expect(
      validateBlocks([section('pick', 'b1'), { type: 'actions', elements: [select] }], 'message'),
    ).toHaveLength(1);
    expect(validateBlocks([section('')], 'message')[0]).toContain('more than 0 characters');
  });

  it('rejects duplicate block_id and duplicate action_id within a block', () => {
    expect(validateBlocks([section('a', 'same'), section('b', 'same')], 'message')[0]).toContain(
      'duplicate block_id: same',
    );
    const button = (id: string) => ({
      type: 'button',
      action_id: id,
      text: { type: 'plain_text', text: 'Go' },
    });
    const actions = { type: 'actions', elements: [button('go'), button('go')] };
    expect(validateBlocks([actions], 'message')[0]).toContain('duplicate action_id: go');
    const separate = [
      { type: 'actions', elements: [button('go')] },
      { type: 'actions', elements: [button('go')] },
    ];
    expect(validateBlocks(separate, 'message')).toEqual([]);
  });

  it('limits the modal title to 24 characters and needs submit with inputs', () => {
    expect(validateView(modal([], 't'.repeat(24)))).toBeNull();
    expect(validateView(modal([], 't'.repeat(25)))).toEqual({
      error: 'invalid_arguments',
      messages: ['must be less than 25 characters [json-pointer:/view/title/text]'],
    });
    const input = {
      type: 'input',
      label: { type: 'plain_text', text: 'Quote' },
      element: { type: 'plain_text_input', action_id: 'q' },
    };
    expect(
      validateView({ type: 'modal', title: { type: 'plain_text', text: 'T' }, blocks: [input] }),
    ).toMatchObject({
      error: 'invalid_arguments',
    });
  });

  it('rejects unknown block types and too many overflow options', () => {
    expect(validateBlocks([{ type: 'banner' }], 'message')[0]).toContain('unsupported type');
    const option = (v: string) => ({ text: { type: 'plain_text', text: v }, value: v });
    const overflow = {
      type: 'overflow',
      action_id: 'o',
      options: ['1', '2', '3', '4', '5', '6'].map(option),
    };
    expect(validateBlocks([{ ...section('menu'), accessory: overflow }], 'message')[0]).toContain(
      'must be less than 6 items',
    );
  });
});

describe('Block Kit rules through the Web API', () => {
  let env: Awaited<ReturnType<typeof startEmulator>>;
  beforeEach(async () => {
    env = await startEmulator();
  });
  afterEach(() => env.close());

  it('chat.postMessage with 51 blocks answers invalid_blocks and stores nothing', async () => {
    const res = await fetch(`${env.emulator.apiUrl}chat.postMessage`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ channel: DEMO_IDS.dealAcme, text: 'too many', blocks: sections(51) }),
    });
    const body = (await res.json()) as Record<string, unknown>;
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ ok: false, error: 'invalid_blocks' });
    expect(body.errors).toEqual(['must be less than 51 items [json-pointer:/blocks]']);
    expect(env.emulator.state.messages(DEMO_IDS.dealAcme)).toEqual([]);
  });

  it('chat.update with duplicate block ids is refused and leaves the message unchanged', async () => {
    const posted = await env.client.chat.postMessage({ channel: DEMO_IDS.dealAcme, text: 'v1' });
    const update = env.client.chat.update({
      channel: DEMO_IDS.dealAcme,
      ts: posted.ts!,
      text: 'v2',
      blocks: [section('a', 'x'), section('b', 'x')],
    });
    await expect(update).rejects.toMatchObject({ data: { error: 'invalid_blocks' } });
    expect(env.emulator.state.messages(DEMO_IDS.dealAcme)[0]?.text).toBe('v1');
  });

  it('a message with no text and no blocks is no_text; over 40000 characters is msg_too_long', async () => {
    await expect(env.client.chat.postMessage({ channel: DEMO_IDS.dealAcme, text: '' })).rejects.toMatchObject(
      {
        data: { error: 'no_text' },
      },
    );
    await expect(
      env.client.chat.postMessage({ channel: DEMO_IDS.dealAcme, text: 'x'.repeat(40_001) }),
    ).rejects.toMatchObject({ data: { error: 'msg_too_long' } });
  });
});
