import type { Deal } from '../domain/deals.js';
import { isOverdue } from '../domain/decision-input.js';
import { RECAP_RUN_STALLED_MS, type RecapSubmission } from '../domain/recap/submission.js';
import type { Repositories } from '../storage/ports.js';

/** Home shows at most this many deals (3 blocks each keeps the tab under Slack's 100 blocks). */
export const MAX_HOME_DEALS = 25;
/** And at most this many recaps that did not finish (one block each, above the deals). */
export const MAX_HOME_RECAPS = 5;

export interface HomeDealSummary {
  deal: Deal;
  drivers: number;
  successFactors: number;
  constraints: number;
  openDecisions: number;
  overdueDecisions: number;
  lastActivity: Date;
}

export interface HomeData {
  /** The user's recaps that failed after their modal closed: the text is saved, "Try again" runs it. */
  unfinishedRecaps: Pick<RecapSubmission, 'id' | 'channelId' | 'title' | 'failure' | 'createdAt'>[];
  deals: HomeDealSummary[];
  /** Deals the user owns beyond the ones shown. */
  hidden: number;
  today: string;
}

async function summarize(repos: Repositories, deal: Deal, today: string): Promise<HomeDealSummary> {
  const [entries, decisions] = await Promise.all([
    repos.entries.listByDeal(deal.teamId, deal.id),
    repos.decisions.listByDeal(deal.teamId, deal.id),
  ]);
  const live = entries.filter((e) => !e.archived);
  const open = decisions.filter((d) => d.status === 'open');
  const times = [
    deal.updatedAt.getTime(),
    ...entries.map((e) => e.updatedAt.getTime()),
    ...decisions.map((d) => d.lastActivityAt.getTime()),
  ];
  return {
    deal,
    drivers: live.filter((e) => e.kind === 'driver').length,
    successFactors: live.filter((e) => e.kind === 'success_factor').length,
    constraints: live.filter((e) => e.kind === 'constraint').length,
    openDecisions: open.length,
    overdueDecisions: open.filter((d) => isOverdue(d, today)).length,
    lastActivity: new Date(Math.max(...times)),
  };
}

/** The deals a user owns, most recently active first, with the counts the Home tab shows. */
export async function loadHome(
  repos: Repositories,
  teamId: string,
  userId: string,
  today: string,
  now: Date,
): Promise<HomeData> {
  const owned = await repos.deals.listByOwner(teamId, userId);
  const shown = owned.slice(0, MAX_HOME_DEALS);
  const deals = await Promise.all(shown.map((deal) => summarize(repos, deal, today)));
  deals.sort((a, b) => b.lastActivity.getTime() - a.lastActivity.getTime());
  const stalledBefore = new Date(now.getTime() - RECAP_RUN_STALLED_MS);
  const unfinished = await repos.recapSubmissions.listUnfinishedByUser(
    teamId,
    userId,
    stalledBefore,
    MAX_HOME_RECAPS,
  );
  return {
    unfinishedRecaps: unfinished.map(({ id, channelId, title, failure, createdAt }) => ({
      id,
      channelId,
      title,
      failure,
      createdAt,
    })),
    deals,
    hidden: owned.length - shown.length,
    today,
  };
}
