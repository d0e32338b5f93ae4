import { z } from 'zod';

/** The parts of Slack's `view.state.values` the app reads, validated (the payload is untrusted input). */
const stateValueSchema = z
  .object({
    type: z.string(),
    value: z.string().nullable().optional(),
    selected_option: z.object({ value: z.string() }).nullable().optional(),
    selected_options: z.array(z.object({ value: z.string() })).optional(),
    selected_date: z.string().nullable().optional(),
    selected_user: z.string().nullable().optional(),
    selected_users: z.array(z.string()).optional(),
    selected_conversation: z.string().nullable().optional(),
  })
  .passthrough();

export const viewStateSchema = z.record(z.string(), z.record(z.string(), stateValueSchema));
export type ViewStateValues = z.infer<typeof viewStateSchema>;

/** Reads one input by block id (action id = block id by convention), whatever its element type. */
export class ViewState {
  constructor(private readonly values: ViewStateValues) {}

  static parse(raw: unknown): ViewState {
    const parsed = viewStateSchema.safeParse(raw ?? {});
    return new ViewState(parsed.success ? parsed.data : {});
  }

  private get(blockId: string) {
    const block = this.values[blockId];
    if (!block) return undefined;
    return block[blockId] ?? Object.values(block)[0];
  }

  /** Trimmed text, or null when empty. */
  text(blockId: string): string | null {
    const value = this.get(blockId)?.value;
    const trimmed = typeof value === 'string' ? value.trim() : '';
    return trimmed === '' ? null : trimmed;
  }

  selected(blockId: string): string | null {
    return this.get(blockId)?.selected_option?.value ?? null;
  }

  selectedMany(blockId: string): string[] {
    return (this.get(blockId)?.selected_options ?? []).map((o) => o.value);
  }

  date(blockId: string): string | null {
    return this.get(blockId)?.selected_date ?? null;
  }

  user(blockId: string): string | null {
    return this.get(blockId)?.selected_user ?? null;
  }

  users(blockId: string): string[] {
    return this.get(blockId)?.selected_users ?? [];
  }

  conversation(blockId: string): string | null {
    return this.get(blockId)?.selected_conversation ?? null;
  }
}

/** Collects inline errors keyed by block id, for `ack({ response_action: 'errors', errors })`. */
export type FieldErrors = Record<string, string>;
