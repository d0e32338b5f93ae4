import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import type { AppDeps } from '../../deps.js';

const replySchema = z.object({
  channel: z.string().min(1),
  ts: z.string().min(1),
  thread_ts: z.string().min(1),
  subtype: z.string().optional(),
});

const teamSchema = z.object({ team_id: z.string().min(1) });

/** A reply in a decision's thread is activity: the decision is not idle any more (see stallStatus). */
export function registerNudgeThreadActivity(app: App, deps: AppDeps): void {
  app.event('message', async ({ event, body }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs) => {
    const reply = replySchema.safeParse(event);
    const team = teamSchema.safeParse(body);
    if (!reply.success || !team.success) return;
    const { channel, ts, thread_ts: threadTs, subtype } = reply.data;
    if (threadTs === ts || (subtype !== undefined && subtype !== 'thread_broadcast')) return;
    const at = new Date(Math.min(Number(ts) * 1000, deps.clock().getTime()));
    if (Number.isNaN(at.getTime())) return;
    try {
      await deps.repos.nudges.touchByThread(team.data.team_id, channel, threadTs, at);
    } catch (error) {
      deps.logger.warn('could not record thread activity', error);
    }
  });
}
