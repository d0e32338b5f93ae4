import { type Kysely, sql } from 'kysely';
import { CLOSED_STAGES, type Deal } from '../../domain/deals.js';
import type { StalledSweepQuery, StalledSweepResult } from '../nudge-ports.js';
import type { Database } from '../schema.js';
import { toIso } from './convert.js';
import { toDeal } from './deals.js';
import { toDecision } from './decisions.js';

const DAY_MS = 86_400_000;
/** Keeps `IN (...)` lists well under SQLite's parameter limit. */
const CHUNK = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** The sweep's SQL: open, not snoozed, overdue or idle, in an active deal. Literal 'open' so the partial indexes apply. */
export function stalledCandidatesQuery(
  db: Kysely<Database>,
  teamId: string,
  q: StalledSweepQuery,
  minDays: number,
) {
  const now = toIso(q.now);
  const idleBefore = toIso(new Date(q.now.getTime() - minDays * DAY_MS));
  let query = db
    .selectFrom('decisions')
    .innerJoin('deals', 'deals.id', 'decisions.deal_id')
    .selectAll('decisions')
    .where('decisions.team_id', '=', teamId)
    .where(sql<boolean>`decisions.status = 'open'`)
    .where((eb) =>
      eb.or([eb('decisions.snoozed_until', 'is', null), eb('decisions.snoozed_until', '<=', now)]),
    )
    .where((eb) =>
      eb.or([eb('decisions.due_date', '<', q.today), eb('decisions.last_activity_at', '<=', idleBefore)]),
    )
    .where('deals.team_id', '=', teamId)
    .where('deals.archived', '=', 0)
    .where(sql<boolean>`lower(deals.stage) not in (${sql.join(CLOSED_STAGES)})`);
  if (!q.includeMuted) query = query.where('deals.nudges_muted', '=', 0);
  if (q.dealId !== undefined) query = query.where('decisions.deal_id', '=', q.dealId);
  return query.orderBy('decisions.deal_id').orderBy('decisions.id');
}

export async function sweepStalled(
  db: Kysely<Database>,
  teamId: string,
  q: StalledSweepQuery,
): Promise<StalledSweepResult> {
  const override = await db
    .selectFrom('deals')
    .select((eb) => eb.fn.min<number | null>('stall_days').as('min_days'))
    .where('team_id', '=', teamId)
    .where('stall_days', '>', 0)
    .executeTakeFirst();
  const minDays = Math.min(q.stallDays, override?.min_days ?? q.stallDays);
  const rows = await stalledCandidatesQuery(db, teamId, q, Math.max(0, minDays)).execute();
  const decisions = rows.map(toDecision);
  const dealIds = [...new Set(decisions.map((d) => d.dealId))];
  const deals: Deal[] = [];
  for (const ids of chunks(dealIds)) {
    const dealRows = await db
      .selectFrom('deals')
      .selectAll()
      .where('team_id', '=', teamId)
      .where('id', 'in', ids)
      .execute();
    deals.push(...dealRows.map(toDeal));
  }
  return { deals: deals.sort((a, b) => a.id - b.id), decisions };
}
