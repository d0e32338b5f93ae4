import webApi from '@slack/web-api';
import type { NudgeJobDeps } from '../../src/scheduling/run-weekly-nudges.js';
import type { TestApp } from '../support/harness.js';

/**
 * Monday 2026-12-07 21:05 UTC: past the default slot (Monday 09:00) in every zone (the last is UTC-12), so every
 * recipient's run is due and the team's run finishes.
 */
export const RUN_AT = new Date('2026-12-07T21:05:00Z');
export const daysBefore = (days: number, from = RUN_AT) => new Date(from.getTime() - days * 86_400_000);

export const BETA = 'C0DEALBETA';
export const MUTED = 'C0DEALMUTED';

/** A mutable fake clock for startTestApp({ clock }). */
export function fakeClock(start = daysBefore(30)) {
  const clock = { now: start, fn: () => clock.now };
  return clock;
}

export type Clock = ReturnType<typeof fakeClock>;

/**
 * Acme (rep's deal): an overdue decision with related customer words, an idle one, and fresh, snoozed and
 * decided ones that must not be nudged. Beta (manager's deal): one idle decision. A muted deal: one idle one.
 */
export async function seedStalledDeals(t: TestApp, clock: Clock) {
  const { team, rep, manager, botUser } = t.ids;
  t.emulator.state.addChannel({ id: BETA, name: 'deal-beta', members: [rep, manager, botUser] });
  t.emulator.state.addChannel({ id: MUTED, name: 'deal-muted', members: [rep, botUser] });
  const at = async <T>(when: Date, fn: () => Promise<T>): Promise<T> => {
    const saved = clock.now;
    clock.now = when;
    try {
      return await fn();
    } finally {
      clock.now = saved;
    }
  };
  const deal = (channelId: string, accountName: string, ownerUserId: string) =>
    t.repos.deals.upsertByChannel({
      teamId: team,
      channelId,
      accountName,
      dealName: 'Rollout',
      stage: 'proposal',
      ownerUserId,
    });
  const acme = await deal(t.ids.dealAcme, 'Acme <Corp> & Co', rep);
  const beta = await deal(BETA, 'Beta Freight', manager);
  const muted = await deal(MUTED, 'Muted Inc', rep);
  await t.repos.deals.update(team, muted.id, { nudgesMuted: true });
  const dana = await t.repos.stakeholders.findOrCreate({ teamId: team, dealId: acme.id, name: 'Dana Lee' });
  const entry = (kind: 'driver' | 'constraint', statement: string, quote: string) =>
    t.repos.entries.create({
      teamId: team,
      dealId: acme.id,
      createdBy: rep,
      kind,
      statement,
      quote,
      stakeholderId: dana.id,
      source: null,
      saidOn: null,
      priority: 'medium',
      status: 'confirmed',
      constraintCategory: kind === 'constraint' ? 'budget' : null,
      severity: kind === 'constraint' ? 'high' : null,
    });
  const driver = await entry('driver', 'Cross-border shipments are slow', 'we lose 3 days <!channel> & more');
  const constraint = await entry('constraint', 'No new spend before March', 'no new spend before March');
  const decision = (dealId: number, title: string, ourOwnerUserId: string, extra = {}) =>
    t.repos.decisions.create({ teamId: team, dealId, title, createdBy: rep, ourOwnerUserId, ...extra });

  const overdue = await at(daysBefore(20), () =>
    decision(acme.id, 'Pick a pilot region', rep, {
      customerOwnerId: dana.id,
      dueDate: '2026-12-01',
      relatedEntryIds: [driver.id, constraint.id],
    }),
  );
  const idle = await at(daysBefore(10), () => decision(acme.id, 'Approve the <b>budget</b>', manager));
  const fresh = await at(daysBefore(2), () => decision(acme.id, 'Fresh decision', rep));
  const snoozed = await at(daysBefore(20), () => decision(acme.id, 'Snoozed decision', rep));
  await t.repos.decisions.update(team, snoozed.id, { snoozedUntil: daysBefore(-3) }, daysBefore(20));
  const decided = await at(daysBefore(20), () => decision(acme.id, 'Decided decision', rep));
  await t.repos.decisions.update(team, decided.id, { status: 'decided' }, daysBefore(20));
  const carrier = await at(daysBefore(9), () => decision(beta.id, 'Choose a carrier', manager));
  const mutedDecision = await at(daysBefore(30), () => decision(muted.id, 'Muted decision', rep));
  clock.now = RUN_AT;
  return {
    acme,
    beta,
    muted,
    dana,
    driver,
    constraint,
    overdue,
    idle,
    fresh,
    snoozed,
    decided,
    carrier,
    mutedDecision,
  };
}

export type Seeded = Awaited<ReturnType<typeof seedStalledDeals>>;

/** The app's own deps for the job, without the 1 s spacing between posts. */
export const jobDeps = (t: TestApp, extra: Partial<NudgeJobDeps> = {}): NudgeJobDeps => ({
  ...t.app.deps,
  postGapMs: 0,
  ...extra,
});

/** A WebClient on the emulator with quick retries, for tests that exhaust them on purpose. */
export function quickClient(t: TestApp): webApi.WebClient {
  const slack = t.app.config.slack;
  if (slack.kind !== 'http') throw new Error('test app must use HTTP mode');
  return new webApi.WebClient(slack.botToken, {
    slackApiUrl: t.emulator.apiUrl,
    retryConfig: { retries: 1, factor: 1, minTimeout: 5, maxTimeout: 10 },
  });
}

export const textOf = (message: { text: string; blocks?: unknown[] }) =>
  `${message.text}\n${JSON.stringify(message.blocks ?? [])}`;

/** Top-level messages the bot posted in a channel. */
export const botMessages = (t: TestApp, channelId: string) =>
  t.emulator.state.messages(channelId).filter((m) => m.user === t.ids.botUser);
