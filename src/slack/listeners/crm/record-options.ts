import type { AllMiddlewareArgs, SlackOptionsMiddlewareArgs } from '@slack/bolt';
import { CRM_LABELS, type CrmDealHit, type CrmProvider } from '../../../domain/crm/types.js';
import type { CrmDeps } from '../../flows/crm.js';
import { option } from '../../views/blocks.js';

type OptionsArgs = SlackOptionsMiddlewareArgs<'block_suggestion'> & AllMiddlewareArgs;

/** Slack waits 3 s for options; the CRM search gets 2.5 s and an empty list after that. */
const SEARCH_BUDGET_MS = 2_500;

function withinBudget<T>(work: Promise<T>, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), SEARCH_BUDGET_MS);
    timer.unref();
  });
  return Promise.race([work.catch(() => fallback), timeout]).finally(() => clearTimeout(timer));
}

/**
 * The setup typeahead. Options are the ack itself here, so this is the one listener that calls the CRM
 * before acknowledging; it is bounded so Slack never times out.
 */
export function crmRecordOptions(deps: CrmDeps) {
  return async ({ ack, body, options }: OptionsArgs): Promise<void> => {
    const teamId = body.team?.id ?? body.user.team_id ?? '';
    const query = (options.value ?? '').trim().slice(0, 80);
    if (query.length < 2 || !teamId) {
      await ack({ options: [] });
      return;
    }
    const searches = deps.crm.providers.map(async (provider: CrmProvider) => {
      const adapter = deps.crm.adapter(teamId, provider);
      const hits: CrmDealHit[] = adapter ? await withinBudget(adapter.searchDeals(query, 10), []) : [];
      return hits.map((hit) =>
        option(`${CRM_LABELS[provider].crm} · ${hit.name} (${hit.stage})`, `${provider}:${hit.recordId}`),
      );
    });
    const found = (await Promise.all(searches)).flat().slice(0, 100);
    await ack({ options: found });
  };
}
