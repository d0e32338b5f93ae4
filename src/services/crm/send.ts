import { CrmError } from '../../crm/ports.js';
import { crmNoteMarkdown, noteHtml } from '../../domain/crm/note.js';
import type { CrmLink, CrmSource, CrmWriteStatus, NewCrmWrite } from '../../domain/crm/records.js';
import type { CrmContact } from '../../domain/crm/types.js';
import type { Decision } from '../../domain/decisions.js';
import type { Stakeholder } from '../../domain/stakeholders.js';
import { once } from '../once.js';
import { ourFieldValue, sameValue } from './field-values.js';
import { type CrmServiceDeps, crmFailureText } from './link.js';
import { type EmailLookup, taskOwnerResolver } from './task-owner.js';

const YEAR_SECONDS = 366 * 86_400;

export type WriteOutcome = 'created' | 'already' | 'failed';

export interface FieldOutcome {
  source: CrmSource;
  field: string;
  fieldLabel: string;
  status: 'filled' | 'same' | 'needs_confirm' | 'nothing' | 'failed';
  current: string | null;
  ours: string;
  lastModified: string | null;
  message: string | null;
}

export interface SendReport {
  link: CrmLink;
  version: number;
  note: { status: WriteOutcome; message: string | null };
  tasks: { decisionId: number; title: string; status: WriteOutcome; message: string | null }[];
  fields: FieldOutcome[];
}

export type SendResult = { ok: true; report: SendReport } | { ok: false; message: string };

const statusFor = (error: unknown): CrmWriteStatus =>
  error instanceof CrmError
    ? error.kind === 'stale'
      ? 'stale'
      : error.kind === 'validation' || error.kind === 'permission'
        ? 'refused'
        : 'failed'
    : 'failed';

function contactFor(
  decision: Decision,
  people: Map<number, Stakeholder>,
  contacts: CrmContact[],
): string | null {
  const person = decision.customerOwnerId != null ? people.get(decision.customerOwnerId) : undefined;
  if (!person) return null;
  const name = person.name.trim().toLowerCase();
  return contacts.find((c) => c.name.trim().toLowerCase() === name)?.id ?? null;
}

/**
 * "Send to CRM" for one draft version: one note with the customer-readable vision, one task per open decision
 * (each exactly once across retries and double clicks), and mapped fields filled only where the CRM is empty.
 * Any field that already holds something else comes back as `needs_confirm`; nothing is overwritten here.
 */
export async function sendDraftToCrm(
  deps: CrmServiceDeps,
  args: { teamId: string; dealId: number; userId: string; version?: number; emailOf?: EmailLookup },
): Promise<SendResult> {
  const { teamId, dealId, userId } = args;
  const { repos } = deps;
  const link = await repos.crm.getLink(teamId, dealId);
  if (!link)
    return { ok: false, message: 'This deal is not linked to a CRM record. Link it with `/vision setup`.' };
  const adapter = deps.crm.adapter(teamId, link.provider);
  if (!adapter) return { ok: false, message: 'That CRM is not connected any more.' };
  const deal = await repos.deals.getById(teamId, dealId);
  if (!deal) return { ok: false, message: 'This deal no longer exists.' };
  const versions = await repos.drafts.list(teamId, dealId);
  const version =
    args.version === undefined
      ? await repos.drafts.latest(teamId, dealId)
      : versions.find((v) => v.version === args.version);
  if (!version) return { ok: false, message: 'There is no such draft. Run `/vision draft` first.' };
  const [entries, stakeholders, decisions] = await Promise.all([
    repos.entries.listByDeal(teamId, dealId),
    repos.stakeholders.listByDeal(teamId, dealId),
    repos.decisions.listByDeal(teamId, dealId, 'open'),
  ]);
  const audit = { teamId, dealId, provider: link.provider, recordId: link.recordId, userId };

  // The note: once per record and draft version.
  const noteTarget = `draft v${version.version}`;
  let note: SendReport['note'];
  if (await repos.crm.findDoneWrite(teamId, dealId, 'note', noteTarget)) {
    note = { status: 'already', message: null };
  } else {
    const title = `Here's what we heard: ${deal.accountName} (v${version.version})`;
    const body = noteHtml(crmNoteMarkdown({ deal, version, entries, stakeholders }));
    note = await writeOnce(deps, teamId, `crm-note:${link.provider}:${link.recordId}:${version.id}`, () =>
      audited(
        deps,
        { ...audit, action: 'note', target: noteTarget, before: null, after: title },
        async () => ({
          crmId: await adapter.createNote(link.recordId, title, body),
          message: null,
        }),
      ),
    );
  }

  // One task per open decision, ever.
  const people = new Map(stakeholders.map((s) => [s.id, s]));
  const ownerOf = taskOwnerResolver(adapter, link, args.emailOf);
  const tasks: SendReport['tasks'] = [];
  for (const decision of decisions) {
    const target = `decision:${decision.id}`;
    if (await repos.crm.findDoneWrite(teamId, dealId, 'task', target)) {
      tasks.push({ decisionId: decision.id, title: decision.title, status: 'already', message: null });
      continue;
    }
    const owner = people.get(decision.customerOwnerId ?? -1);
    const subject = `Customer decision: ${decision.title}`;
    let ownerNote: string | null = null;
    const outcome = await writeOnce(
      deps,
      teamId,
      `crm-task:${link.provider}:${link.recordId}:${decision.id}`,
      () =>
        audited(deps, { ...audit, action: 'task', target, before: null, after: subject }, async () => {
          const taskOwner = await ownerOf(decision.ourOwnerUserId);
          ownerNote = taskOwner.note;
          const crmId = await adapter.createTask(link.recordId, {
            subject,
            body: [
              `Who decides: ${owner?.name ?? 'not known yet'}`,
              decision.dueDate ? `Due: ${decision.dueDate}` : null,
            ]
              .filter(Boolean)
              .join('\n'),
            dueDate: decision.dueDate,
            contactId: contactFor(decision, people, link.snapshot.contacts),
            ownerId: taskOwner.ownerId,
          });
          return { crmId, message: taskOwner.note };
        }),
    );
    // A created task carries the note on its owner (set only when this attempt ran).
    tasks.push({
      decisionId: decision.id,
      title: decision.title,
      ...outcome,
      message: outcome.message ?? ownerNote,
    });
  }

  // Mapped fields: fill only if empty.
  const fields: FieldOutcome[] = [];
  for (const mapping of await repos.crm.listMappings(teamId, link.provider)) {
    const ours = ourFieldValue(mapping.source, entries, decisions);
    const base = { source: mapping.source, field: mapping.field, fieldLabel: mapping.fieldLabel, ours };
    if (ours === '') {
      fields.push({ ...base, status: 'nothing', current: null, lastModified: null, message: null });
      continue;
    }
    try {
      const current = await adapter.readField(link.recordId, mapping.field);
      if (sameValue(current.value, ours)) {
        fields.push({
          ...base,
          status: 'same',
          current: current.value,
          lastModified: current.lastModified,
          message: null,
        });
      } else if ((current.value ?? '').trim() !== '') {
        fields.push({
          ...base,
          status: 'needs_confirm',
          current: current.value,
          lastModified: current.lastModified,
          message: null,
        });
      } else {
        const result = await writeField(deps, {
          ...audit,
          field: mapping.field,
          before: current.value,
          ours,
          expected: current.lastModified,
        });
        fields.push({
          ...base,
          status: result.ok ? 'filled' : 'failed',
          current: current.value,
          lastModified: current.lastModified,
          message: result.ok ? null : result.message,
        });
      }
    } catch (error) {
      fields.push({
        ...base,
        status: 'failed',
        current: null,
        lastModified: null,
        message: crmFailureText(error),
      });
    }
  }
  return { ok: true, report: { link, version: version.version, note, tasks, fields } };
}

/** Runs one CRM write and keeps it in the audit log, done (with an optional note) or not, with the CRM's words. */
async function audited(
  deps: CrmServiceDeps,
  entry: Omit<NewCrmWrite, 'status' | 'crmId' | 'message'>,
  work: () => Promise<{ crmId: string; message: string | null }>,
): Promise<void> {
  try {
    const done = await work();
    await deps.repos.crm.recordWrite({ ...entry, status: 'done', ...done });
  } catch (error) {
    const failed = { status: statusFor(error), crmId: null, message: crmFailureText(error) };
    await deps.repos.crm.recordWrite({ ...entry, ...failed });
    throw error;
  }
}

async function writeOnce(
  deps: CrmServiceDeps,
  teamId: string,
  key: string,
  work: () => Promise<void>,
): Promise<{ status: WriteOutcome; message: string | null }> {
  try {
    const result = await once(deps.repos.idempotency, teamId, key, work, {
      now: deps.clock(),
      ttlSeconds: YEAR_SECONDS,
    });
    return { status: result.status === 'duplicate' ? 'already' : 'created', message: null };
  } catch (error) {
    return { status: 'failed', message: crmFailureText(error) };
  }
}

/** One conditional field write, audited whatever happens. */
export async function writeField(
  deps: CrmServiceDeps,
  args: {
    teamId: string;
    dealId: number;
    provider: CrmLink['provider'];
    recordId: string;
    userId: string;
    field: string;
    before: string | null;
    ours: string;
    expected: string;
  },
): Promise<{ ok: true } | { ok: false; stale: boolean; message: string }> {
  const adapter = deps.crm.adapter(args.teamId, args.provider);
  const record = {
    teamId: args.teamId,
    dealId: args.dealId,
    provider: args.provider,
    recordId: args.recordId,
    userId: args.userId,
    action: 'field' as const,
    target: args.field,
    before: args.before,
    after: args.ours,
  };
  try {
    if (!adapter) throw new CrmError('auth', 'That CRM is not connected any more.');
    await adapter.writeField(args.recordId, args.field, args.ours, args.expected);
    await deps.repos.crm.recordWrite({ ...record, status: 'done', crmId: args.recordId, message: null });
    return { ok: true };
  } catch (error) {
    const status = statusFor(error);
    await deps.repos.crm.recordWrite({ ...record, status, crmId: null, message: crmFailureText(error) });
    return { ok: false, stale: status === 'stale', message: crmFailureText(error) };
  }
}
