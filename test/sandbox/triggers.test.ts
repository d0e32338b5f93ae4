import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_IDS } from '../../src/sandbox/index.js';
import { manualClock, startEmulator } from './support/harness.js';

const modal = (title: string, blockCount = 1) => ({
  type: 'modal' as const,
  title: { type: 'plain_text' as const, text: title },
  blocks: Array.from({ length: blockCount }, (_, i) => ({
    type: 'section',
    text: { type: 'mrkdwn', text: `line ${i}` },
  })),
});

let env: Awaited<ReturnType<typeof startEmulator>> | undefined;
afterEach(() => env?.close());

describe('trigger_id rules', () => {
  it('opens a modal for the trigger user within 3 seconds', async () => {
    const clock = manualClock();
    env = await startEmulator({ clock: clock.now });
    const trigger = issue(env, DEMO_IDS.rep);
    clock.advance(2_999);
    const res = await env.client.views.open({ trigger_id: trigger, view: modal('Log an entry') });
    expect(res.view).toMatchObject({ type: 'modal', title: { text: 'Log an entry' } });
    expect(env.emulator.state.views.stack(DEMO_IDS.rep).map((v) => v.id)).toEqual([res.view?.id]);
  });

  it('answers expired_trigger_id after 3 seconds', async () => {
    const clock = manualClock();
    env = await startEmulator({ clock: clock.now });
    const trigger = issue(env, DEMO_IDS.rep);
    clock.advance(3_001);
    await expect(env.client.views.open({ trigger_id: trigger, view: modal('Late') })).rejects.toMatchObject({
      data: { ok: false, error: 'expired_trigger_id' },
    });
    expect(env.emulator.state.views.stack(DEMO_IDS.rep)).toEqual([]);
  });

  it('a trigger_id works once; unknown ones are invalid', async () => {
    env = await startEmulator();
    const trigger = issue(env, DEMO_IDS.rep);
    await env.client.views.open({ trigger_id: trigger, view: modal('First') });
    await expect(env.client.views.open({ trigger_id: trigger, view: modal('Second') })).rejects.toMatchObject(
      {
        data: { error: 'exchanged_trigger_id' },
      },
    );
    await expect(
      env.client.views.open({ trigger_id: '123.456.abc', view: modal('X') }),
    ).rejects.toMatchObject({
      data: { error: 'invalid_trigger_id' },
    });
  });

  it('views.push stacks up to 3 modals; views.update checks the hash', async () => {
    env = await startEmulator();
    const root = await env.client.views.open({ trigger_id: issue(env, DEMO_IDS.rep), view: modal('Root') });
    await env.client.views.push({ trigger_id: issue(env, DEMO_IDS.rep), view: modal('Second') });
    await env.client.views.push({ trigger_id: issue(env, DEMO_IDS.rep), view: modal('Third') });
    await expect(
      env.client.views.push({ trigger_id: issue(env, DEMO_IDS.rep), view: modal('Fourth') }),
    ).rejects.toMatchObject({ data: { error: 'push_limit_reached' } });
    const stack = env.emulator.state.views.stack(DEMO_IDS.rep);
    expect(stack.map((v) => (v.definition.title as { text: string }).text)).toEqual([
      'Root',
      'Second',
      'Third',
    ]);
    expect(stack[1]).toMatchObject({ previousViewId: root.view?.id, rootViewId: root.view?.id });

    const updated = await env.client.views.update({
      view_id: root.view!.id!,
      hash: root.view!.hash!,
      view: modal('Root v2'),
    });
    expect(updated.view?.hash).not.toBe(root.view?.hash);
    await expect(
      env.client.views.update({ view_id: root.view!.id!, hash: root.view!.hash!, view: modal('Root v3') }),
    ).rejects.toMatchObject({ data: { error: 'hash_conflict' } });
  });

  it('views.open refuses a 25-character title and 101 blocks', async () => {
    env = await startEmulator();
    await expect(
      env.client.views.open({ trigger_id: issue(env, DEMO_IDS.rep), view: modal('x'.repeat(25)) }),
    ).rejects.toMatchObject({ data: { error: 'invalid_arguments' } });
    await expect(
      env.client.views.open({ trigger_id: issue(env, DEMO_IDS.rep), view: modal('Big', 101) }),
    ).rejects.toMatchObject({ data: { error: 'invalid_blocks' } });
  });
});

/** Issues a trigger the way an interaction would (the driver does this for every payload it sends). */
function issue(started: Awaited<ReturnType<typeof startEmulator>>, userId: string): string {
  return started.emulator.issueTriggerId(userId);
}
