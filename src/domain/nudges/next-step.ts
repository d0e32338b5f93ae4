import type { Decision } from '../decisions.js';
import type { Entry } from '../entries.js';
import type { Stakeholder } from '../stakeholders.js';
import { localDateString } from '../time/zoned-time.js';
import { shortDate } from './labels.js';
import {
  indecisionText,
  listenFirst,
  overdueText,
  statusQuoText,
  unclearText,
} from './next-step-templates.js';
import { decisionSignals } from './signals.js';
import type { StallStatus } from './stalled.js';

export type NextStepPattern = 'status_quo' | 'indecision' | 'unclear' | 'overdue';

export interface NextStep {
  pattern: NextStepPattern;
  /** Plain text (not escaped): escape before putting it into mrkdwn. */
  text: string;
  /** Ids of the entries the text refers to, in the order used, so the message can cite them. */
  groundedOn: number[];
}

export interface NextStepInput {
  decision: Pick<Decision, 'customerOwnerId' | 'dueDate' | 'lastActivityAt'>;
  /** Entries linked to the decision. */
  relatedEntries: readonly Entry[];
  /** All entries of the deal (used when the decision has no linked entries of a kind). */
  dealEntries: readonly Entry[];
  stakeholders: readonly Stakeholder[];
  /** When given and overdue, an overdue decision without a clearer pattern gets the 'overdue' step. */
  stall?: Pick<StallStatus, 'reason'>;
  /** Workspace time zone for "since Nov 12"; defaults to UTC. */
  timeZone?: string;
}

/**
 * A date the customer recognises: the last day they told us something (a meeting, a message), else the
 * decision's last activity. Never an internal date they never saw.
 */
function customerDate(input: NextStepInput): string {
  const said = [...input.relatedEntries, ...input.dealEntries]
    .map((entry) => entry.saidOn)
    .filter((day): day is string => day !== null)
    .sort()
    .at(-1);
  if (said) return `we last spoke (${shortDate(said)})`;
  return shortDate(localDateString(input.decision.lastActivityAt, input.timeZone ?? 'UTC'));
}

function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

/** Who to ask: the decision's customer owner, else whoever said the entry we lean on, else "the customer". */
function whoToAsk(input: NextStepInput, anchor: Entry | undefined): string {
  const byId = (id: number | null) => (id === null ? undefined : input.stakeholders.find((s) => s.id === id));
  const person = byId(input.decision.customerOwnerId) ?? byId(anchor?.stakeholderId ?? null);
  return person ? firstName(person.name) : 'the customer';
}

/**
 * A template-based, listen-first next step for a stalled decision, grounded in the deal's entries.
 * Order: indecision (risks pile up) > status quo (drivers without urgency) > overdue > unclear.
 */
export function suggestNextStep(input: NextStepInput): NextStep {
  const signals = decisionSignals(input.relatedEntries, input.dealEntries);
  const since = customerDate(input);

  // Internal-only worries weigh in the diagnosis but are never quoted or cited in what is posted.
  const shown = signals.risks.filter((entry) => !entry.internalOnly);
  if (signals.looksLikeIndecision && signals.risks.length > 0) {
    const risk = shown[0] ?? null;
    const who = whoToAsk(input, signals.risks[0]);
    return {
      pattern: 'indecision',
      text: indecisionText(who, since, risk, Math.max(shown.length - 1, 0)),
      groundedOn: shown.map((entry) => entry.id),
    };
  }

  const [driver, secondDriver] = signals.drivers.filter((entry) => !entry.internalOnly);
  if (signals.looksLikeStatusQuo && driver) {
    return {
      pattern: 'status_quo',
      text: statusQuoText(listenFirst(whoToAsk(input, driver), since), driver, secondDriver),
      groundedOn: secondDriver ? [driver.id, secondDriver.id] : [driver.id],
    };
  }

  if (input.stall?.reason === 'overdue' && input.decision.dueDate) {
    return {
      pattern: 'overdue',
      text: overdueText(whoToAsk(input, undefined), shortDate(input.decision.dueDate)),
      groundedOn: [],
    };
  }

  const urgent = signals.urgentDrivers[0] ?? null;
  return {
    pattern: 'unclear',
    text: unclearText(listenFirst(whoToAsk(input, urgent ?? undefined), since), urgent),
    groundedOn: urgent ? [urgent.id] : [],
  };
}
