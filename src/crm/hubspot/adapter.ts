import type { CrmContact, CrmDealHit, CrmField, CrmTaskInput } from '../../domain/crm/types.js';
import { looksLikeEmail } from '../email.js';
import { type CrmAdapter, CrmError, type FieldValue } from '../ports.js';
import type { HubSpotClient } from './client.js';

const DEAL_ID = /^\d{1,20}$/;
const PROPERTY_NAME = /^[a-z][a-z0-9_]{0,99}$/;
/** HubSpot-defined association types (note->deal 214, task->deal 216, task->contact 204). */
const NOTE_TO_DEAL = 214;
const TASK_TO_DEAL = 216;
const TASK_TO_CONTACT = 204;
const DEAL_PROPERTIES = [
  'dealname',
  'dealstage',
  'pipeline',
  'amount',
  'deal_currency_code',
  'closedate',
  'hubspot_owner_id',
  'hs_lastmodifieddate',
];

interface HubSpotObject {
  id: string;
  properties: Record<string, string | null>;
  updatedAt?: string;
}

interface Pipelines {
  results: { id: string; stages: { id: string; label: string }[] }[];
}

/** POST /crm/associations/{version}/deals/contacts/batch/read: each deal's contacts with their labels. */
interface AssociationBatch {
  results: {
    from: { id: string };
    to: { toObjectId: string | number; associationTypes: { label: string | null }[] }[];
  }[];
}

function checkId(id: string): string {
  if (!DEAL_ID.test(id)) throw new CrmError('not_found', `"${id}" is not a HubSpot deal id.`);
  return id;
}

const lastModifiedOf = (deal: HubSpotObject) =>
  new Date(deal.properties.hs_lastmodifieddate ?? deal.updatedAt ?? 0).toISOString();

/** HubSpot, one portal per private-app token. */
export function hubspotAdapter(client: HubSpotClient, portalKey: string): CrmAdapter {
  let stageLabels: Promise<Map<string, string>> | null = null;
  const stages = () => {
    stageLabels ??= client
      .request<Pipelines>('GET', `/crm/pipelines/${client.version}/deals`)
      .then((p) => new Map(p.results.flatMap((pipe) => pipe.stages.map((s) => [s.id, s.label] as const))))
      .catch((error: unknown) => {
        stageLabels = null;
        throw error;
      });
    return stageLabels;
  };
  const getDealObject = (id: string, properties: string[]) =>
    client.request<HubSpotObject>(
      'GET',
      client.objects('deals', `/${id}?properties=${encodeURIComponent(properties.join(','))}`),
    );

  async function contactsOf(id: string): Promise<CrmContact[]> {
    const batch = await client.request<AssociationBatch>(
      'POST',
      `/crm/associations/${client.version}/deals/contacts/batch/read`,
      { inputs: [{ id }] },
    );
    const links = batch.results.find((r) => String(r.from.id) === id)?.to ?? [];
    if (links.length === 0) return [];
    const ids = links.map((r) => String(r.toObjectId));
    const people = await client.request<{ results: HubSpotObject[] }>(
      'POST',
      client.objects('contacts', '/batch/read'),
      {
        properties: ['firstname', 'lastname', 'email'],
        inputs: ids.map((contactId) => ({ id: contactId })),
      },
    );
    const byId = new Map(people.results.map((p) => [p.id, p]));
    return links.map((link) => {
      const person = byId.get(String(link.toObjectId));
      const name = [person?.properties.firstname, person?.properties.lastname].filter(Boolean).join(' ');
      const role = link.associationTypes.map((t) => t.label).find((l): l is string => Boolean(l)) ?? null;
      return {
        id: String(link.toObjectId),
        name: name || String(link.toObjectId),
        email: person?.properties.email ?? null,
        role,
      };
    });
  }

  return {
    provider: 'hubspot',
    accountKey: portalKey,

    async getDeal(recordId) {
      const id = checkId(recordId);
      const deal = await getDealObject(id, DEAL_PROPERTIES);
      const [labels, contacts] = await Promise.all([stages(), contactsOf(id)]);
      const ownerId = deal.properties.hubspot_owner_id ?? null;
      const owner = ownerId
        ? await client
            .request<{ firstName?: string; lastName?: string; email?: string }>(
              'GET',
              `/crm/owners/${client.version}/${encodeURIComponent(ownerId)}`,
            )
            .catch(() => null)
        : null;
      const amount = deal.properties.amount ? Number(deal.properties.amount) : null;
      const stageId = deal.properties.dealstage ?? '';
      const portal = await client.portalId();
      return {
        provider: 'hubspot',
        recordId: deal.id,
        name: deal.properties.dealname ?? deal.id,
        accountName: null,
        stage: labels.get(stageId) ?? stageId,
        amount: amount !== null && Number.isFinite(amount) ? amount : null,
        currency: deal.properties.deal_currency_code ?? null,
        closeDate: deal.properties.closedate ? deal.properties.closedate.slice(0, 10) : null,
        ownerId,
        ownerName: owner
          ? [owner.firstName, owner.lastName].filter(Boolean).join(' ') || owner.email || null
          : null,
        contacts,
        lastModified: lastModifiedOf(deal),
        recordUrl: portal ? `https://app.hubspot.com/contacts/${portal}/record/0-3/${deal.id}` : null,
      };
    },

    async searchDeals(query, limit) {
      const term = query.trim().slice(0, 80);
      if (term === '') return [];
      const [found, labels] = await Promise.all([
        client.request<{ results: HubSpotObject[] }>('POST', client.objects('deals', '/search'), {
          filterGroups: [
            { filters: [{ propertyName: 'dealname', operator: 'CONTAINS_TOKEN', value: `*${term}*` }] },
          ],
          properties: ['dealname', 'dealstage'],
          sorts: [{ propertyName: 'hs_lastmodifieddate', direction: 'DESCENDING' }],
          limit: Math.min(Math.max(limit, 1), 100),
        }),
        stages(),
      ]);
      return found.results.map(
        (d): CrmDealHit => ({
          recordId: d.id,
          name: d.properties.dealname ?? d.id,
          stage: labels.get(d.properties.dealstage ?? '') ?? d.properties.dealstage ?? '',
        }),
      );
    },

    async listFields() {
      const props = await client.request<{
        results: {
          name: string;
          label: string;
          type: string;
          modificationMetadata?: { readOnlyValue?: boolean };
        }[];
      }>('GET', `/crm/properties/${client.version}/deals`);
      return props.results
        .filter((p) => p.type === 'string' || p.type === 'enumeration')
        .map(
          (p): CrmField => ({
            name: p.name,
            label: p.label,
            type: p.type,
            updateable: p.modificationMetadata?.readOnlyValue !== true,
          }),
        )
        .filter((f) => f.updateable);
    },

    async readField(recordId, field): Promise<FieldValue> {
      const id = checkId(recordId);
      if (!PROPERTY_NAME.test(field))
        throw new CrmError('validation', `"${field}" is not a HubSpot property.`);
      const deal = await getDealObject(id, [field, 'hs_lastmodifieddate']);
      return { value: deal.properties[field] ?? null, lastModified: lastModifiedOf(deal) };
    },

    async writeField(recordId, field, value, expectedLastModified) {
      const id = checkId(recordId);
      if (!PROPERTY_NAME.test(field))
        throw new CrmError('validation', `"${field}" is not a HubSpot property.`);
      // HubSpot has no conditional update: re-read the last-modified time just before writing.
      const current = await getDealObject(id, ['hs_lastmodifieddate']);
      if (lastModifiedOf(current) !== new Date(expectedLastModified).toISOString()) {
        throw new CrmError('stale', 'Someone changed this deal in HubSpot after we read it.');
      }
      await client.request('PATCH', client.objects('deals', `/${id}`), { properties: { [field]: value } });
    },

    async createNote(recordId, title, body) {
      const id = checkId(recordId);
      const note = await client.request<{ id: string }>('POST', client.objects('notes'), {
        properties: {
          hs_timestamp: new Date().toISOString(),
          hs_note_body: `<h3>${escapeHtml(title)}</h3>${body}`,
        },
        associations: [
          {
            to: { id },
            types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: NOTE_TO_DEAL }],
          },
        ],
      });
      return note.id;
    },

    async findUserByEmail(email) {
      const address = email.trim();
      if (!looksLikeEmail(address)) return null;
      const found = await client.request<{
        results: { id: string; email?: string; firstName?: string; lastName?: string; archived?: boolean }[];
      }>('GET', `/crm/owners/${client.version}?email=${encodeURIComponent(address)}&archived=false&limit=2`);
      const owners = found.results.filter(
        (o) => o.archived !== true && (o.email ?? '').toLowerCase() === address.toLowerCase(),
      );
      const [only, other] = owners;
      if (!only || other) return null;
      return { id: only.id, name: [only.firstName, only.lastName].filter(Boolean).join(' ') || address };
    },

    async createTask(recordId, task: CrmTaskInput) {
      const id = checkId(recordId);
      const associations = [
        { to: { id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: TASK_TO_DEAL }] },
        ...(task.contactId
          ? [
              {
                to: { id: task.contactId },
                types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: TASK_TO_CONTACT }],
              },
            ]
          : []),
      ];
      const created = await client.request<{ id: string }>('POST', client.objects('tasks'), {
        properties: {
          hs_task_subject: task.subject.slice(0, 255),
          hs_task_body: escapeHtml(task.body),
          hs_task_status: 'NOT_STARTED',
          hs_timestamp: task.dueDate ? `${task.dueDate}T12:00:00.000Z` : new Date().toISOString(),
          ...(task.ownerId ? { hubspot_owner_id: task.ownerId } : {}),
        },
        associations,
      });
      return created.id;
    },
  };
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
