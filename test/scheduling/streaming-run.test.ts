import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NextStepRequest, NextStepWriter, WrittenNextStep } from '../../src/llm/nudge-writer.js';
import { runWeeklyNudges } from '../../src/scheduling/run-weekly-nudges.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { waitFor } from '../support/wait.js';
import { BETA, botMessages, type Clock, fakeClock, jobDeps, seedStalledDeals, textOf } from './fixtures.js';

/** A model the test controls: each call waits until `answer` lets it through. */
function controllableWriter(answer: (request: NextStepRequest) => Promise<void>) {
  const state = { calls: [] as string[], inFlight: 0, mostInFlight: 0 };
  const writer: NextStepWriter = {
    name: 'openai',
    async write(request): Promise<WrittenNextStep> {
      state.calls.push(request.decisionTitle);
      state.inFlight++;
      state.mostInFlight = Math.max(state.mostInFlight, state.inFlight);
      try {
        await answer(request);
      } finally {
        state.inFlight--;
      }
      return {
        pattern: request.template.pattern,
        text: `Ask what changed about ${request.decisionTitle.replace(/[<>]/g, '')}.`,
        groundedOn: [],
        source: 'llm',
      };
    },
  };
  return { writer, state };
}

describe('weekly run with a model: bounded calls, posts stream as their steps are ready', () => {
  let t: TestApp;
  let clock: Clock;
  beforeEach(async () => {
    clock = fakeClock();
    t = await startTestApp({ clock: clock.fn });
    await seedStalledDeals(t, clock);
  });
  afterEach(async () => {
    await t.close();
  });

  it('posts the first deal nudge before the last model call completes', async () => {
    // The Beta decision's call only answers once the Acme nudge is in the channel: a run that wrote every step
    // before its first post would wait forever here (and the test time out).
    const { writer, state } = controllableWriter(async (request) => {
      if (request.decisionTitle === 'Choose a carrier')
        await waitFor('the Acme nudge posted', () => botMessages(t, t.ids.dealAcme).length > 0, 10_000);
    });
    const [report] = await runWeeklyNudges({
      now: clock.now,
      deps: jobDeps(t, { nextStepWriter: writer, modelConcurrency: 1 }),
      client: t.app.bolt.client,
    });
    expect(report).toMatchObject({ status: 'done', failed: 0, pending: 0 });
    expect(state.calls).toContain('Choose a carrier');
    expect(textOf(botMessages(t, t.ids.dealAcme)[0]!)).toContain(
      'Ask what changed about Pick a pilot region.',
    );
    expect(textOf(botMessages(t, BETA)[0]!)).toContain('Ask what changed about Choose a carrier.');
  });

  it('keeps model calls in flight within the bound, and writes each decision once for channel and digest', async () => {
    const { writer, state } = controllableWriter(() => new Promise((resolve) => setTimeout(resolve, 50)));
    const [report] = await runWeeklyNudges({
      now: clock.now,
      deps: jobDeps(t, { nextStepWriter: writer, modelConcurrency: 2 }),
      client: t.app.bolt.client,
    });
    expect(report).toMatchObject({ status: 'done', failed: 0, pending: 0 });
    expect(state.mostInFlight).toBe(2);
    expect([...state.calls].sort()).toEqual([
      'Approve the <b>budget</b>',
      'Choose a carrier',
      'Pick a pilot region',
    ]);
  });
});
