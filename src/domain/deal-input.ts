import { z } from 'zod';

/** Field limits of the deal setup form (names stay short enough for headers and option labels). */
export const DEAL_INPUT_LIMITS = {
  accountName: 80,
  dealName: 80,
  crmUrl: 500,
} as const;

/** The stages a deal may take: the workspace's list, plus the deal's current stage if it left the list. */
export function stageChoices(stages: readonly string[], current?: string | null): string[] {
  const cleaned = [...new Set(stages.map((s) => s.trim()).filter((s) => s !== ''))];
  if (current && !cleaned.some((s) => s.toLowerCase() === current.toLowerCase())) cleaned.push(current);
  return cleaned;
}

/** A CRM link must be an absolute http(s) URL; anything else (javascript:, mailto:, typos) is refused. */
export function crmUrlProblem(text: string | null): string | null {
  if (text === null) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'That is not a link. Paste the full address, starting with https://';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'Only http and https links work here.';
  if (!url.hostname.includes('.') && url.hostname !== 'localhost') return 'That link has no real host name.';
  return null;
}

/** What a person submits to link a channel to a deal; `stages` are the allowed choices. */
export function dealInputSchema(stages: readonly string[]) {
  return z
    .object({
      accountName: z
        .string()
        .trim()
        .min(1, 'Which customer is this? Give the account name.')
        .max(DEAL_INPUT_LIMITS.accountName, `Keep it under ${DEAL_INPUT_LIMITS.accountName} characters.`),
      dealName: z
        .string()
        .trim()
        .min(1, 'Give the deal a name, e.g. "Routing 2027".')
        .max(DEAL_INPUT_LIMITS.dealName, `Keep it under ${DEAL_INPUT_LIMITS.dealName} characters.`),
      stage: z.string().refine((s) => stages.includes(s), 'Pick one of the stages in the list.'),
      ownerUserId: z.string().regex(/^[UW][A-Z0-9]+$/, 'Pick the deal owner.'),
      crmUrl: z
        .string()
        .trim()
        .max(DEAL_INPUT_LIMITS.crmUrl, `Links are limited to ${DEAL_INPUT_LIMITS.crmUrl} characters.`)
        .nullable()
        .superRefine((value, ctx) => {
          const problem = crmUrlProblem(value);
          if (problem) ctx.addIssue({ code: 'custom', message: problem });
        }),
    })
    .transform((input) => ({ ...input, crmUrl: input.crmUrl === '' ? null : input.crmUrl }));
}

export type DealInput = z.output<ReturnType<typeof dealInputSchema>>;

/** "Acme - Routing 2027" */
export function dealTitle(deal: { accountName: string; dealName: string }): string {
  return `${deal.accountName} - ${deal.dealName}`;
}

/** Whether a channel name asks for the intro: it starts with the workspace's deal prefix (case-insensitive). */
export function isDealChannelName(name: string, prefix: string): boolean {
  const p = prefix.trim().toLowerCase();
  return p !== '' && name.toLowerCase().startsWith(p);
}
