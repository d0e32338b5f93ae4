import type { Deal } from '../domain/deals.js';
import type { Decision } from '../domain/decisions.js';
import type { Entry } from '../domain/entries.js';
import { createLimiter, type Limiter } from '../domain/limiter.js';
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

/** Model calls in flight while a run writes next steps: ahead of the posting pace, gentle on API rate limits. */
export const DEFAULT_MODEL_CONCURRENCY = 8;

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

/** Next steps being written in the background; `apply` waits for the given items' steps and sets them. */
export interface NextStepsInProgress {
  apply(items: readonly NudgeItem[]): Promise<void>;
  /** Drops the steps not started yet (the run ended early); they keep their template. */
  cancel(): void;
}

/**
 * Starts the configured writer (LLM) on every stalled item at once, through `limit` (at most N model calls in
 * flight), in the order the run posts them: channel nudges first, then digest-only items. The template stays on
 * any failure. Items in channel nudges and owner digests share the step written for their decision id. A run
 * posts each message as soon as its own items are ready instead of waiting for every call.
 */
export function startNextSteps(
  team: TeamPlan,
  writer: NextStepWriter | undefined,
  limit: Limiter,
): NextStepsInProgress {
  if (!writer || writer.name === 'template') return { apply: async () => {}, cancel: () => {} };
  const controller = new AbortController();
  const written = new Map<number, Promise<NudgeItem['nextStep'] | null>>();
  const inPostingOrder = [
    ...team.plan.channelNudges.flatMap((nudge) => nudge.items),
    ...team.plan.ownerDigests.flatMap((digest) => digest.items),
  ];
  for (const item of inPostingOrder) {
    if (written.has(item.decisionId)) continue;
    // The written step is posted in the channel: the writer never sees internal-only entries.
    const dealEntries = shareableEntries(customerEntries(team.entriesByDeal.get(item.dealId) ?? []));
    const related = new Set(item.related.map((entry) => entry.id));
    const ordered = [
      ...dealEntries.filter((entry) => related.has(entry.id)),
      ...dealEntries.filter((entry) => !related.has(entry.id)),
    ];
    const request = {
      decisionTitle: item.title,
      stallLabel: item.label,
      customerOwnerName: item.customerOwner?.name ?? null,
      entries: ordered,
      stakeholders: team.stakeholdersByDeal.get(item.dealId) ?? [],
      template: item.nextStep,
    };
    const step = limit(async () => {
      if (controller.signal.aborted) return null;
      const result = await writer.write(request, controller.signal);
      return { pattern: result.pattern, text: result.text, groundedOn: result.groundedOn };
    }).catch(() => null);
    written.set(item.decisionId, step);
  }
  return {
    async apply(items) {
      for (const item of items) {
        const step = await written.get(item.decisionId);
        if (step) item.nextStep = step;
      }
    },
    cancel: () => controller.abort(),
  };
}

/** Every next step of a plan written (previews), `limit` model calls at a time. */
export async function writeNextSteps(
  team: TeamPlan,
  writer: NextStepWriter | undefined,
  limit: Limiter = createLimiter(DEFAULT_MODEL_CONCURRENCY),
): Promise<void> {
  const steps = startNextSteps(team, writer, limit);
  for (const nudge of team.plan.channelNudges) await steps.apply(nudge.items);
  for (const digest of team.plan.ownerDigests) await steps.apply(digest.items);
}
