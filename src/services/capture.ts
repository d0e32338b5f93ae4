import type { Entry, EntrySource } from '../domain/entries.js';
import type { EntryInput } from '../domain/entry-input.js';
import type { Repositories } from '../storage/ports.js';
import { once } from './once.js';

export interface CaptureContext {
  repos: Repositories;
  teamId: string;
  dealId: number;
  userId: string;
}

/**
 * The stakeholder an entry is attributed to: an existing one of this deal (ownership checked, so a forged id
 * from another deal or team is ignored), or one found/created by name.
 */
export async function resolveStakeholderId(
  ctx: CaptureContext,
  input: Pick<EntryInput, 'stakeholderId' | 'stakeholderName' | 'stakeholderTitle' | 'stakeholderRole'>,
): Promise<number | null> {
  if (input.stakeholderName) {
    const person = await ctx.repos.stakeholders.findOrCreate({
      teamId: ctx.teamId,
      dealId: ctx.dealId,
      name: input.stakeholderName,
      title: input.stakeholderTitle,
      ...(input.stakeholderRole ? { buyingRole: input.stakeholderRole } : {}),
    });
    return person.id;
  }
  if (input.stakeholderId) {
    const person = await ctx.repos.stakeholders.getById(ctx.teamId, input.stakeholderId);
    return person && person.dealId === ctx.dealId ? person.id : null;
  }
  return null;
}

/** A typed source wins; otherwise the one the flow knows (message permalink, meeting). */
export function entrySource(typed: string | null, known: EntrySource | null): EntrySource | null {
  if (typed) return { type: known && typed === known.ref ? known.type : 'text', ref: typed };
  return known;
}

export type CreateEntryResult = { status: 'created'; entry: Entry } | { status: 'duplicate' };

/** Saves one entry exactly once per idempotency key (e.g. the modal's view id). */
export async function createEntry(
  ctx: CaptureContext,
  input: EntryInput,
  options: { knownSource?: EntrySource | null; idempotencyKey?: string } = {},
): Promise<CreateEntryResult> {
  const save = async () => {
    const stakeholderId = await resolveStakeholderId(ctx, input);
    return ctx.repos.entries.create({
      teamId: ctx.teamId,
      dealId: ctx.dealId,
      createdBy: ctx.userId,
      kind: input.kind,
      statement: input.statement,
      quote: input.quote,
      stakeholderId,
      source: entrySource(input.source, options.knownSource ?? null),
      saidOn: input.saidOn,
      priority: input.priority,
      status: input.status,
      constraintCategory: input.constraintCategory,
      severity: input.severity,
      internalOnly: input.internalOnly,
    });
  };
  if (!options.idempotencyKey) return { status: 'created', entry: await save() };
  const result = await once(ctx.repos.idempotency, ctx.teamId, options.idempotencyKey, save);
  return result.status === 'duplicate' ? result : { status: 'created', entry: result.value };
}

/** Applies an edit to an entry of this deal; null when the entry is not this team's and deal's. */
export async function updateEntry(
  ctx: CaptureContext,
  entryId: number,
  input: EntryInput,
): Promise<Entry | null> {
  const existing = await ctx.repos.entries.getById(ctx.teamId, entryId);
  if (!existing || existing.dealId !== ctx.dealId) return null;
  const stakeholderId = await resolveStakeholderId(ctx, input);
  return ctx.repos.entries.update(
    ctx.teamId,
    entryId,
    {
      kind: input.kind,
      statement: input.statement,
      quote: input.quote,
      stakeholderId,
      source: entrySource(input.source, existing.source),
      saidOn: input.saidOn,
      priority: input.priority,
      status: input.status,
      constraintCategory: input.constraintCategory,
      severity: input.severity,
      internalOnly: input.internalOnly,
    },
    ctx.userId,
  );
}

/** The entry when it belongs to this team and this deal (ownership check for every list action). */
export async function entryOfDeal(ctx: CaptureContext, entryId: number): Promise<Entry | null> {
  const entry = await ctx.repos.entries.getById(ctx.teamId, entryId);
  return entry && entry.teamId === ctx.teamId && entry.dealId === ctx.dealId ? entry : null;
}

/** Soft archive (or undo it); recorded in the entry's history. Null when the entry is not this deal's. */
export async function setEntryArchived(
  ctx: CaptureContext,
  entryId: number,
  archived: boolean,
): Promise<Entry | null> {
  if (!(await entryOfDeal(ctx, entryId))) return null;
  return ctx.repos.entries.setArchived(ctx.teamId, entryId, archived, ctx.userId);
}

/** The customer confirmed it ("yes, that's what we said"); recorded in the history. */
export async function markEntryConfirmed(ctx: CaptureContext, entryId: number): Promise<Entry | null> {
  if (!(await entryOfDeal(ctx, entryId))) return null;
  return ctx.repos.entries.update(ctx.teamId, entryId, { status: 'confirmed' }, ctx.userId);
}
