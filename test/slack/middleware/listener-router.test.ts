import { App, LogLevel } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { routeListeners } from '../../../src/slack/middleware/listener-router.js';
import { pipeline } from '../../../src/slack/middleware/request-pipeline.js';

/** A real Bolt App (no receiver traffic): events go through App.processEvent, as the HTTP receiver does. */
function boltApp(): App {
  return new App({
    signingSecret: 'test-secret',
    logLevel: LogLevel.ERROR,
    authorize: async () => ({ botToken: 'xoxb-test', botId: 'B1', botUserId: 'UBOT' }),
  });
}

/** What every interactivity payload carries. */
const interactive = { team: { id: 'T1' }, user: { id: 'U1' }, api_app_id: 'A1', token: 't' };

const blockAction = (actionId: string) => ({
  ...interactive,
  type: 'block_actions',
  trigger_id: '1.2.3',
  actions: [{ type: 'button', action_id: actionId, block_id: 'b', action_ts: '1' }],
});

const messageEvent = {
  type: 'event_callback',
  team_id: 'T1',
  api_app_id: 'A1',
  event_id: 'Ev1',
  event_time: 1,
  event: { type: 'message', channel: 'C1', user: 'U1', text: 'hello', ts: '1.000', channel_type: 'channel' },
};

async function dispatch(app: App, body: Record<string, unknown>): Promise<number> {
  let acks = 0;
  await app.processEvent({
    body,
    ack: async () => {
      acks++;
    },
  });
  return acks;
}

describe('routeListeners', () => {
  it('runs only the listener registered for the request id, once', async () => {
    const app = boltApp();
    const router = routeListeners(app);
    const calls: string[] = [];
    for (const id of ['first', 'second', 'third'])
      router.app.action(id, async ({ ack }) => {
        calls.push(id);
        await ack();
      });
    app.use(pipeline(router.dispatch));
    expect(await dispatch(app, blockAction('second'))).toBe(1);
    expect(calls).toEqual(['second']);
  });

  it('runs every listener of the same event type, and none for other types', async () => {
    const app = boltApp();
    const router = routeListeners(app);
    const calls: string[] = [];
    router.app.event('message', async () => {
      calls.push('capture');
    });
    router.app.event('message', async () => {
      calls.push('thread activity');
    });
    router.app.event('app_mention', async () => {
      calls.push('mention');
    });
    app.use(pipeline(router.dispatch));
    await dispatch(app, messageEvent);
    expect(calls.sort()).toEqual(['capture', 'thread activity']);
  });

  it('passes next() down a chain of middleware registered together', async () => {
    const app = boltApp();
    const router = routeListeners(app);
    const calls: string[] = [];
    router.app.action(
      'chained',
      async ({ next }) => {
        calls.push('guard');
        await next();
      },
      async () => {
        calls.push('handler');
      },
    );
    app.use(pipeline(router.dispatch));
    await dispatch(app, blockAction('chained'));
    expect(calls).toEqual(['guard', 'handler']);
  });

  it('leaves RegExp constraints to Bolt', async () => {
    const app = boltApp();
    const router = routeListeners(app);
    const calls: string[] = [];
    router.app.action(/^nudge_/, async () => {
      calls.push('regexp');
    });
    app.use(pipeline(router.dispatch));
    await dispatch(app, blockAction('nudge_snooze'));
    await dispatch(app, blockAction('other'));
    expect(calls).toEqual(['regexp']);
  });

  it('rethrows a listener failure to Bolt, so the app-wide error handler sees it', async () => {
    const app = boltApp();
    const errors: unknown[] = [];
    app.error(async (error) => {
      errors.push(error);
    });
    const router = routeListeners(app);
    router.app.action('broken', async () => {
      throw new Error('boom');
    });
    app.use(pipeline(router.dispatch));
    await dispatch(app, blockAction('broken'));
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toContain('boom');
  });

  it('routes block suggestions by action_id, and sends view_closed to no view_submission listener', async () => {
    const app = boltApp();
    const router = routeListeners(app);
    const calls: string[] = [];
    router.app.options('crm_record', async ({ ack }) => {
      calls.push('options');
      await ack({ options: [] });
    });
    router.app.view('entry_modal', async ({ ack }) => {
      calls.push('submission');
      await ack();
    });
    app.use(pipeline(router.dispatch));
    const suggestion = {
      ...interactive,
      type: 'block_suggestion',
      action_id: 'crm_record',
      block_id: 'b',
      value: 'acm',
    };
    expect(await dispatch(app, suggestion)).toBe(1);
    const view = {
      id: 'V1',
      callback_id: 'entry_modal',
      type: 'modal',
      private_metadata: '',
      state: { values: {} },
    };
    const base = { ...interactive, view };
    await dispatch(app, { ...base, type: 'view_closed', is_cleared: false });
    expect(calls).toEqual(['options']);
    await dispatch(app, { ...base, type: 'view_submission', trigger_id: '1.2' });
    expect(calls).toEqual(['options', 'submission']);
  });
});

describe('pipeline', () => {
  it('runs the stages in order in one Bolt middleware, and a stage that does not call next stops the request', async () => {
    const app = boltApp();
    const router = routeListeners(app);
    const calls: string[] = [];
    router.app.action('go', async () => {
      calls.push('listener');
    });
    app.use(
      pipeline(
        async (_args, next) => {
          calls.push('first:before');
          await next();
          calls.push('first:after');
        },
        async (args, next) => {
          calls.push('second');
          if ((args.body as { actions: { action_id: string }[] }).actions[0]!.action_id === 'go')
            await next();
        },
        router.dispatch,
      ),
    );
    await dispatch(app, blockAction('go'));
    expect(calls).toEqual(['first:before', 'second', 'listener', 'first:after']);
    calls.length = 0;
    router.app.action('stop', async () => {
      calls.push('listener');
    });
    await dispatch(app, blockAction('stop'));
    expect(calls).toEqual(['first:before', 'second', 'first:after']);
  });
});
