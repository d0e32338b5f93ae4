import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import { CRM_SOURCES } from '../../../domain/crm/records.js';
import { CRM_PROVIDERS } from '../../../domain/crm/types.js';
import { ourFieldValue } from '../../../services/crm/field-values.js';
import { writeField } from '../../../services/crm/send.js';
import { type CrmDeps, serviceDeps, tellPrivately } from '../../flows/crm.js';
import { adminRefusal, workspaceAdminCheck } from '../../flows/workspace-admin.js';
import { activeDealForPayload } from '../../guards/deal.js';
import { overwriteRefusedModal } from '../../views/crm.js';
import { CRM_IDS } from '../../views/crm-ids.js';
import { ViewState } from '../../views/view-state.js';

type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

const overwriteMeta = z.object({
  dealId: z.number().int().positive(),
  source: z.enum(CRM_SOURCES),
  lastModified: z.string().min(1),
});
const mapMeta = z.object({ provider: z.enum(CRM_PROVIDERS) });

function parse<T>(schema: z.ZodType<T>, raw: string): T | null {
  try {
    const result = schema.safeParse(JSON.parse(raw));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}

const OVERWRITE_REFUSED =
  'This confirmation does not match a CRM-linked deal of your workspace any more, so nothing was replaced in the CRM. Close it and review the field again.';
const MAP_OUT_OF_DATE =
  'This form is out of date, so nothing was saved. Close it and open the field mapping again.';
const MAP_NOT_CONNECTED = 'That CRM is not connected any more, so nothing was saved.';

/** "Replace" in the confirm modal: a conditional write; a change made in the CRM meanwhile wins and is shown. */
export function crmOverwriteSubmit(deps: CrmDeps) {
  return async ({ ack, body, view, client }: ViewArgs): Promise<void> => {
    const teamId = body.team?.id ?? body.user.team_id ?? '';
    const meta = parse(overwriteMeta, view.private_metadata);
    // Re-checked before the ack (the metadata is untrusted): a refusal replaces the modal with the reason.
    const deal = meta ? await activeDealForPayload(deps, teamId, meta.dealId) : null;
    const link = deal ? await deps.repos.crm.getLink(teamId, deal.id) : null;
    const mapping =
      link && meta
        ? (await deps.repos.crm.listMappings(teamId, link.provider)).find((m) => m.source === meta.source)
        : undefined;
    const adapter = link ? deps.crm.adapter(teamId, link.provider) : null;
    if (!meta || !deal || !link || !mapping || !adapter) {
      await ack({ response_action: 'update', view: overwriteRefusedModal(OVERWRITE_REFUSED) });
      return;
    }
    await ack();
    const [entries, decisions] = await Promise.all([
      deps.repos.entries.listByDeal(teamId, deal.id),
      deps.repos.decisions.listByDeal(teamId, deal.id, 'open'),
    ]);
    const ours = ourFieldValue(meta.source, entries, decisions);
    let before: string | null = null;
    try {
      before = (await adapter.readField(link.recordId, mapping.field)).value;
    } catch {
      before = null;
    }
    const result = await writeField(serviceDeps(deps), {
      teamId,
      dealId: deal.id,
      provider: link.provider,
      recordId: link.recordId,
      userId: body.user.id,
      field: mapping.field,
      before,
      ours,
      expected: meta.lastModified,
    });
    const label = mapping.fieldLabel.replace(/[<>&*_~`]/g, '');
    await tellPrivately(deps, client, deal.channelId, body.user.id, {
      text: result.ok
        ? `${label} replaced in the CRM. \`/vision crm log\` shows what it held before.`
        : result.stale
          ? `${label} was not replaced: someone changed this record in the CRM after you reviewed it. Nothing was overwritten; review it again.`
          : `${label} was not replaced. The CRM said: ${result.message.replace(/[<>&]/g, '')}`,
    });
  };
}

/** Saves the field mapping; only writable fields the CRM listed can be chosen (re-checked here). */
export function crmMapSubmit(deps: CrmDeps) {
  return async ({ ack, body, view, client }: ViewArgs): Promise<void> => {
    const teamId = body.team?.id ?? body.user.team_id ?? '';
    const meta = parse(mapMeta, view.private_metadata);
    const adapter = meta ? deps.crm.adapter(teamId, meta.provider) : null;
    if (!meta || !adapter) {
      await ack({
        response_action: 'errors',
        errors: {
          [`${CRM_IDS.mapBlockPrefix}${CRM_SOURCES[0]}`]: meta ? MAP_NOT_CONNECTED : MAP_OUT_OF_DATE,
        },
      });
      return;
    }
    // Checked again on save: the modal may have been opened before an admin lost the role.
    const check = await workspaceAdminCheck(deps, client, body.user.id);
    if (check !== 'admin') {
      await ack({
        response_action: 'errors',
        errors: { [`${CRM_IDS.mapBlockPrefix}${CRM_SOURCES[0]}`]: adminRefusal(check) },
      });
      return;
    }
    await ack();
    const state = ViewState.parse(view.state.values);
    let fields: Awaited<ReturnType<typeof adapter.listFields>>;
    try {
      fields = await adapter.listFields();
    } catch (error) {
      deps.logger.warn('crm map: the CRM did not list its fields', error);
      return;
    }
    for (const source of CRM_SOURCES) {
      const chosen = state.selected(`${CRM_IDS.mapBlockPrefix}${source}`);
      const field = fields.find((f) => f.name === chosen);
      if (field) {
        await deps.repos.crm.saveMapping({
          teamId,
          provider: meta.provider,
          source,
          field: field.name,
          fieldLabel: field.label,
          mappedBy: body.user.id,
        });
      } else if (chosen === '-' || chosen === null) {
        await deps.repos.crm.removeMapping(teamId, meta.provider, source);
      }
    }
  };
}
