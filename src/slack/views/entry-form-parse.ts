import { z } from 'zod';
import { ENTRY_KINDS, type EntryKind } from '../../domain/entries.js';
import { ENTRY_INPUT_LIMITS, type EntryInput, entryInputSchema } from '../../domain/entry-input.js';
import { type EntryFormMetadata, INTERNAL_ONLY_VALUE } from './entry-form.js';
import { ENTRY_FORM as F } from './ids.js';
import type { FieldErrors, ViewState } from './view-state.js';

const FIELD_TO_BLOCK: Record<string, string> = {
  kind: F.kind,
  statement: F.statement,
  quote: F.quote,
  stakeholderId: F.stakeholderExisting,
  stakeholderName: F.stakeholderName,
  stakeholderTitle: F.stakeholderTitle,
  stakeholderRole: F.stakeholderRole,
  source: F.source,
  saidOn: F.saidOn,
  priority: F.priority,
  status: F.status,
  constraintCategory: F.constraintCategory,
  severity: F.severity,
  internalOnly: F.internalOnly,
};

/** Maps zod issues to inline modal errors under the matching inputs. */
export function issuesToFieldErrors(
  issues: z.core.$ZodIssue[],
  fieldToBlock: Record<string, string>,
  fallbackBlock: string,
): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '');
    const block = fieldToBlock[field] ?? fallbackBlock;
    errors[block] ??= issue.message;
  }
  return errors;
}

export type EntryFormResult = { ok: true; input: EntryInput } | { ok: false; errors: FieldErrors };

/** Reads the entry form; `fixedKind` is the kind of a single-kind modal (no selector shown). */
export function parseEntryForm(
  state: ViewState,
  fixedKind?: EntryKind,
  fallbackStatus = 'unconfirmed',
): EntryFormResult {
  const stakeholderId = state.selected(F.stakeholderExisting);
  const raw = {
    kind: state.selected(F.kind) ?? fixedKind,
    statement: state.text(F.statement) ?? '',
    quote: state.text(F.quote),
    stakeholderId: stakeholderId ? Number(stakeholderId) : null,
    stakeholderName: state.text(F.stakeholderName),
    stakeholderTitle: state.text(F.stakeholderTitle),
    stakeholderRole: state.selected(F.stakeholderRole),
    source: state.text(F.source),
    saidOn: state.date(F.saidOn),
    priority: state.selected(F.priority) ?? 'medium',
    status: state.selected(F.status) ?? fallbackStatus,
    constraintCategory: state.selected(F.constraintCategory),
    severity: state.selected(F.severity),
    internalOnly: state.selectedMany(F.internalOnly).includes(INTERNAL_ONLY_VALUE),
  };
  const parsed = entryInputSchema.safeParse(raw);
  if (!parsed.success)
    return { ok: false, errors: issuesToFieldErrors(parsed.error.issues, FIELD_TO_BLOCK, F.statement) };
  return { ok: true, input: parsed.data };
}

const metadataSchema = z.object({
  dealId: z.number().int().positive(),
  entryId: z.number().int().positive().optional(),
  sourceType: z.enum(['meeting', 'message']).optional(),
  sourceRef: z.string().max(ENTRY_INPUT_LIMITS.source).optional(),
  channelId: z.string().max(40).optional(),
  kind: z.enum(ENTRY_KINDS).optional(),
});

/**
 * The entry modal's private_metadata, validated. It comes back from the client, so it is untrusted: callers
 * must still check that the deal (and entry) belong to the submitting user's team.
 */
export function parseEntryFormMetadata(raw: string | undefined): EntryFormMetadata | null {
  try {
    const parsed = metadataSchema.safeParse(JSON.parse(raw ?? ''));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
