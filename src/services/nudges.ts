import type { Deal } from '../domain/deals.js';
import type { Decision } from '../domain/decisions.js';
import type { Entry } from '../domain/entries.js';
import {
  customerEntries,
  type DigestItem,
  localDateString,
  type NudgeItem,
  type NudgePlan,
  planNudges,
} from '../domain/nudges/index.js';
import { shareableEntries } from '../domain/privacy/internal-only.js';
import type { Stakeholder } from '../domain/stakeholders.js';
import type { WorkspaceSettings } from '../domain/workspaces.js';
import type { NextStepWriter } from '../llm/nudge-writer.js';
import type { Repositories } from '../storage/ports.js';

export interface TeamPlanOptions {
  now: Date;
  runKey?: string;
  /** Send keys recorded by earlier attempts of this run. */
  alreadySent?: ReadonlySet<string>;
  /** On demand (/vision stalled): list muted deals too and ignore the workspace on/off switch. */
  onDemand?: boolean;
  dealId?: number;
}

export interface TeamPlan {
  settings: WorkspaceSettings;
  plan: NudgePlan;
  /** Entry id -> the customer's verbatim words, for the "Relates to" line. */
  quotes: Map<number, string>;
  entriesByDeal: Map<number, Entry[]>;
  stakeholdersByDeal: Map<number, Stakeholder[]>;
  deals: Deal[];
}

/** Sweeps the team's stalled decisions (indexed query) and plans what a run would send. */
export async function planTeamNudges(
  repos: Repositories,
  teamId: string,
  options: TeamPlanOptions,
): Promise<TeamPlan> {
  const { settings } = await repos.workspaces.get(teamId);
  const sweep = await repos.nudges.sweepStalled(teamId, {
    now: options.now,
    stallDays: settings.stallDays,
    today: localDateString(options.now, settings.timeZone),
    includeMuted: options.onDemand ?? false,
    ...(options.dealId !== undefined ? { dealId: options.dealId } : {}),
  });
  const decisionsByDeal = new Map<number, Decision[]>();
  for (const decision of sweep.decisions) {
    const list = decisionsByDeal.get(decision.dealId) ?? [];
    list.push(decision);
    decisionsByDeal.set(decision.dealId, list);
  }
  const entriesByDeal = new Map<number, Entry[]>();
  const stakeholdersByDeal = new Map<number, Stakeholder[]>();
  const quotes = new Map<number, string>();
  for (const deal of sweep.deals) {
    const entries = await repos.entries.listByDeal(teamId, deal.id);
    entriesByDeal.set(deal.id, entries);
    stakeholdersByDeal.set(deal.id, await repos.stakeholders.listByDeal(teamId, deal.id));
    for (const entry of entries) if (entry.quote?.trim()) quotes.set(entry.id, entry.quote);
  }
  const deals = options.onDemand ? sweep.deals.map((deal) => ({ ...deal, nudgesMuted: false })) : sweep.deals;
  const plan = planNudges({
    now: options.now,
    teamId,
    workspaceSettings: options.onDemand ? { ...settings, nudgesEnabled: true } : settings,
    ...(options.runKey ? { runKey: options.runKey } : {}),
    deals,
    decisionsByDeal,
    entriesByDeal,
    stakeholdersByDeal,
    alreadySent: options.alreadySent ?? new Set(),
  });
  return { settings, plan, quotes, entriesByDeal, stakeholdersByDeal, deals: sweep.deals };
}

/** Every stalled item of a plan once, with its deal's channel and names (for lists and digests). */
export function allItems(plan: NudgePlan): DigestItem[] {
  const seen = new Map<number, DigestItem>();
  for (const digest of plan.ownerDigests) for (const item of digest.items) seen.set(item.decisionId, item);
  for (const nudge of plan.channelNudges) {
    for (const item of nudge.items) {
      if (!seen.has(item.decisionId)) {
        seen.set(item.decisionId, {
          ...item,
          channelId: nudge.channelId,
          accountName: nudge.accountName,
          dealName: nudge.dealName,
        });
      }
    }
  }
  return [...seen.values()];
}

/**
 * Lets the configured writer (LLM) reword each next step; the template stays on any failure. Items in channel
 * nudges and owner digests share the rewritten step by decision id.
 */
export async function writeNextSteps(team: TeamPlan, writer: NextStepWriter | undefined): Promise<void> {
  if (!writer || writer.name === 'template') return;
  const written = new Map<number, NudgeItem['nextStep']>();
  const items = allItems(team.plan);
  for (const item of items) {
    // The written step is posted in the channel: the writer never sees internal-only entries.
    const dealEntries = shareableEntries(customerEntries(team.entriesByDeal.get(item.dealId) ?? []));
    const related = new Set(item.related.map((entry) => entry.id));
    const ordered = [
      ...dealEntries.filter((entry) => related.has(entry.id)),
      ...dealEntries.filter((entry) => !related.has(entry.id)),
    ];
    const result = await writer.write({
      decisionTitle: item.title,
      stallLabel: item.label,
      customerOwnerName: item.customerOwner?.name ?? null,
      entries: ordered,
      stakeholders: team.stakeholdersByDeal.get(item.dealId) ?? [],
      template: item.nextStep,
    });
    written.set(item.decisionId, {
      pattern: result.pattern,
      text: result.text,
      groundedOn: result.groundedOn,
    });
  }
  const apply = (item: NudgeItem) => {
    const step = written.get(item.decisionId);
    if (step) item.nextStep = step;
  };
  for (const nudge of team.plan.channelNudges) nudge.items.forEach(apply);
  for (const digest of team.plan.ownerDigests) digest.items.forEach(apply);
}
