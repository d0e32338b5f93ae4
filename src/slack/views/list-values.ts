import { z } from 'zod';
import { ENTRY_KINDS, type EntryKind } from '../../domain/entries.js';

/** What the list shows: one kind or all, and which page. Travels in every button/overflow value of the list. */
export interface ListPosition {
  kind: EntryKind | null;
  page: number;
}

export type ListOp = 'edit' | 'confirm' | 'archive' | 'undo' | 'page';

export interface ListAction extends ListPosition {
  op: ListOp;
  /** 0 for paging. */
  entryId: number;
}

const valueSchema = z.object({
  op: z.enum(['edit', 'confirm', 'archive', 'undo', 'page']),
  id: z.number().int().min(0),
  k: z.enum(ENTRY_KINDS).nullable(),
  p: z.number().int().min(0).max(10_000),
});

/** Compact JSON (well under Slack's 150-character option value limit). */
export function listActionValue(action: ListAction): string {
  return JSON.stringify({ op: action.op, id: action.entryId, k: action.kind, p: action.page });
}

/** Null for anything malformed: action values come back from the client and are untrusted. */
export function parseListActionValue(raw: string | undefined): ListAction | null {
  try {
    const parsed = valueSchema.safeParse(JSON.parse(raw ?? ''));
    if (!parsed.success) return null;
    const { op, id, k, p } = parsed.data;
    return { op, entryId: id, kind: k, page: p };
  } catch {
    return null;
  }
}
