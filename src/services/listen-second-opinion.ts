import {
  isUnsure,
  type MessageJudge,
  usageDay,
  withModelJudgement,
} from '../domain/classifier/second-opinion.js';
import type { ClassifierResult } from '../domain/classifier/types.js';
import { type ModelGate, withModelSlot } from '../domain/model-gate.js';
import { DraftProviderError } from '../llm/provider.js';
import type { AppLogger } from '../logger.js';
import type { Repositories } from '../storage/ports.js';

/** The configured model second opinion (only when a model is configured; see llm/listen-judge.ts). */
export interface ListenSecondOpinion {
  judge: MessageJudge;
  /** The model's name, shown to admins and in the nudge. */
  model: string;
  /** Where the text goes, e.g. "api.openai.com" (the configured base URL's host). */
  provider: string;
  /** The local result stands after this long. */
  timeoutMs: number;
  /** Model calls per workspace per UTC day (LISTEN_AI_DAILY_CAP). */
  dailyCap: number;
  /** Told why the local result stood after a call ("timeout", "server_error: ...", "invalid_output"), for metrics. */
  onFallback?: ((reason: string) => void) | undefined;
}

export interface SecondOpinionDeps {
  repos: Pick<Repositories, 'listenModel'>;
  clock: () => Date;
  logger: AppLogger;
  modelGate?: ModelGate | undefined;
  listenSecondOpinion?: ListenSecondOpinion | undefined;
}

/** Why the model was or was not asked; only `used` changes the result. */
export type SecondOpinionOutcome =
  | 'no_model'
  | 'sure'
  | 'off'
  | 'busy'
  | 'capped'
  | 'failed'
  | 'invalid'
  | 'used';

export interface JudgedMessage {
  result: ClassifierResult;
  outcome: SecondOpinionOutcome;
  /** The model whose opinion was used (outcome `used`), else null. */
  model: string | null;
}

class TimedOut extends Error {}

async function askWithin(judge: MessageJudge, text: string, timeoutMs: number) {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new TimedOut(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
  });
  try {
    return await Promise.race([judge(text, controller.signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The local result, or the model's reading when all of these hold: a model is configured, the local classifier
 * is unsure (confidence in the band below UNSURE_BELOW), the workspace turned the second opinion on, a model
 * slot is free, and today's cap (UTC) is not reached. The call is counted before it is made, so a failed call
 * counts too. The local result stands when the model fails, times out or answers something invalid.
 */
export async function judgeWithSecondOpinion(
  deps: SecondOpinionDeps,
  who: { teamId: string; userId: string },
  text: string,
  local: ClassifierResult,
): Promise<JudgedMessage> {
  const keep = (outcome: SecondOpinionOutcome): JudgedMessage => ({ result: local, outcome, model: null });
  const opinion = deps.listenSecondOpinion;
  if (!opinion) return keep('no_model');
  if (!isUnsure(local)) return keep('sure');
  if (!(await deps.repos.listenModel.getSetting(who.teamId)).enabled) return keep('off');
  const answer = await withModelSlot(deps.modelGate, who.teamId, who.userId, async () => {
    if (!(await deps.repos.listenModel.takeCall(who.teamId, usageDay(deps.clock()), opinion.dailyCap))) {
      return 'capped' as const;
    }
    try {
      return await askWithin(opinion.judge, text, opinion.timeoutMs);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      const reason =
        error instanceof TimedOut
          ? 'timeout'
          : error instanceof DraftProviderError
            ? error.reason
            : 'unknown';
      deps.logger.warn(`listen second opinion failed, the local result stands: ${reason}: ${why}`);
      opinion.onFallback?.(reason);
      return 'failed' as const;
    }
  });
  if (answer.busy) return keep('busy');
  if (answer.value === 'capped' || answer.value === 'failed') return keep(answer.value);
  const result = withModelJudgement(local, answer.value, text);
  if (!result) {
    opinion.onFallback?.('invalid_output');
    return keep('invalid');
  }
  return { result, outcome: 'used', model: opinion.model };
}

/** What `/vision listen ai` shows: the switch, who changed it, today's use of the cap, and the model. */
export interface ListenAiStatus {
  enabled: boolean;
  changedBy: string | null;
  changedAt: Date | null;
  usedToday: number;
  /** null when no model is configured. */
  model: string | null;
  provider: string | null;
  dailyCap: number | null;
}

export async function listenAiStatus(deps: SecondOpinionDeps, teamId: string): Promise<ListenAiStatus> {
  const [setting, usedToday] = await Promise.all([
    deps.repos.listenModel.getSetting(teamId),
    deps.repos.listenModel.callsOn(teamId, usageDay(deps.clock())),
  ]);
  const opinion = deps.listenSecondOpinion;
  return {
    ...setting,
    usedToday,
    model: opinion?.model ?? null,
    provider: opinion?.provider ?? null,
    dailyCap: opinion?.dailyCap ?? null,
  };
}
